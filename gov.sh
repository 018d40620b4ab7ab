#!/usr/bin/env bash
# GovService developer commands. See README "Quick start".
#   ./gov.sh run    start the portal on http://127.0.0.1:5080 (local PostgreSQL included)
#   ./gov.sh test   run every test (unit, integration, architecture, browser)
#   ./gov.sh db     start only the local PostgreSQL and print its connection string
#   ./gov.sh stop   stop the local PostgreSQL
#   ./gov.sh audit-verify   check the audit trail's hash chain; prints the first tampered entry (exit 1)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PG_PORT="${GOV_PG_PORT:-55432}"
PG_PASSWORD="${GOV_PG_PASSWORD:-gov-local-dev}"
PORTAL_URL="${GOV_URL:-http://127.0.0.1:5080}"
APT_UPDATED=0

say() { printf '[gov] %s\n' "$*" >&2; }
die() { printf '[gov] ERROR: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

need_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is missing. Install .NET SDK 10 (https://learn.microsoft.com/dotnet/core/install/linux-debian) and run this again."
  local major
  major="$(dotnet --version 2>/dev/null | cut -d. -f1)"
  [ "${major:-0}" -ge 10 ] || die ".NET SDK 10 or newer is needed; found $(dotnet --version 2>/dev/null || echo none)."
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
}

apt_install() {
  if is_root && command -v apt-get >/dev/null 2>&1; then
    if [ "$APT_UPDATED" = 0 ]; then
      say "apt-get update"
      apt-get update -qq >/dev/null || die "apt-get update failed; check the network or the apt sources."
      APT_UPDATED=1
    fi
    say "installing $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "could not install $*."
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    say "installing $* with sudo"
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "could not install $*."
  else
    die "missing: $*. Install it with your package manager (Debian: apt-get install $*) and run this again."
  fi
}

pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts (initialising on first use) a PostgreSQL cluster in a git-ignored folder, on loopback only.
# GOV_PG_EXTRA: server options for this start only (the test cluster's durability switches).
start_local_postgres() {
  local bin data
  bin="$(pg_bin_dir)"
  if [ -z "$bin" ]; then
    apt_install postgresql
    bin="$(pg_bin_dir)"
    [ -n "$bin" ] || die "PostgreSQL server binaries not found after installing postgresql."
  fi

  data="${GOV_PG_DATA:-$ROOT/.local/pgdata}"
  if is_root; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user (it comes with Debian's postgresql package)."
    mkdir -p "$data"
    chown postgres "$data"
    chmod 700 "$data"
    if ! runuser -u postgres -- test -w "$data"; then
      # The checkout lies under a folder the postgres user cannot enter (e.g. /root): keep the cluster elsewhere.
      data="/var/lib/govservice/$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)/$(basename "$data")"
      mkdir -p "$data" && chown -R postgres "$(dirname "$data")" && chmod 700 "$data"
    fi
  else
    mkdir -p "$data" && chmod 700 "$data"
  fi

  if [ ! -s "$data/PG_VERSION" ]; then
    say "initialising a PostgreSQL cluster in $data"
    local pwfile
    pwfile="$(mktemp)"
    printf '%s\n' "$PG_PASSWORD" >"$pwfile"
    is_root && chown postgres "$pwfile"
    as_pg "$bin/initdb" -D "$data" -U gov --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null \
      || { rm -f "$pwfile"; die "initdb failed in $data."; }
    rm -f "$pwfile"
    cat >>"$data/postgresql.conf" <<CONF
# GovService local cluster: loopback only, TCP only.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 200
synchronous_commit = off
CONF
  fi

  GOV_PG_STARTED=""
  if as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    say "PostgreSQL already running on 127.0.0.1:$PG_PORT ($data)"
  else
    GOV_PG_STARTED=1
    port_open "$PG_PORT" && die "port $PG_PORT is taken by another program; set GOV_PG_PORT to a free port."
    say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $PG_PORT ${GOV_PG_EXTRA:-}" -w -t 60 start >/dev/null \
      || { tail -n 20 "$data/server.log" >&2 || true; die "PostgreSQL did not start; see $data/server.log."; }
  fi
  GOV_PG_DATA_DIR="$data"
  GOV_PG_BIN="$bin"
}

# Creates the database when missing, so the portal's first start does not log a connection error.
ensure_database() {
  if ! PGPASSWORD="$PG_PASSWORD" "$GOV_PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U gov -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1; then
    say "creating database $1"
    PGPASSWORD="$PG_PASSWORD" "$GOV_PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U gov "$1"
  fi
}

local_connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Username=gov;Password=%s;Database=%s' "$PG_PORT" "$PG_PASSWORD" "$1"
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium fonts-noto-cjk
  elif ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    apt_install fonts-noto-cjk
  fi
  ensure_pdf_tools
}

# Licence PDFs embed Droid Sans Fallback (CJK) and DejaVu Sans (Latin); the tests read them back with pdftotext.
ensure_pdf_tools() {
  if [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || ! command -v pdftotext >/dev/null 2>&1; then
    apt_install fonts-droid-fallback fonts-dejavu-core poppler-utils
  fi
}

cmd_run() {
  need_dotnet
  ensure_pdf_tools
  if [ -z "${ConnectionStrings__Gov:-}" ]; then
    start_local_postgres
    ensure_database govservice
    export ConnectionStrings__Gov="$(local_connection_string govservice)"
  else
    say "using the database in ConnectionStrings__Gov"
  fi
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  export Seed__Demo="${Seed__Demo:-true}"
  # The e-licence signing key: a local development key in .local/ (git-ignored), made on first use.
  # Production configures its own (docs/operations.md); it is never in the repository or the database.
  if [ -z "${Certificates__Signing__KeyPem:-}" ] && [ -z "${Certificates__Signing__KeyFile:-}" ]; then
    export Certificates__Signing__KeyFile="$ROOT/.local/keys/licence-signing.pem"
    export Certificates__Signing__GenerateIfMissing=true
  fi
  say "building and starting the portal at $PORTAL_URL (Ctrl+C stops it)"
  cd "$ROOT"
  exec dotnet run --project src/GovService.Web/GovService.Web.csproj -c Release --urls "$PORTAL_URL"
}

cmd_test() {
  need_dotnet
  if [ -z "${GOV_TEST_PG:-}" ]; then
    # The tests get a throwaway cluster of their own (never the portal's data), which may lose everything in a
    # crash: no fsync, no full-page writes. Only this cluster runs so.
    PG_PORT="${GOV_TEST_PG_PORT:-55442}"
    export GOV_PG_DATA="${GOV_TEST_PG_DATA:-$ROOT/.local/pgtest}"
    GOV_PG_EXTRA="-c fsync=off -c full_page_writes=off"
    start_local_postgres
    export GOV_TEST_PG="$(local_connection_string postgres)"
    # The throwaway cluster this run started stops with it, so another checkout's test run finds its port free.
    if [ -n "$GOV_PG_STARTED" ]; then
      trap 'as_pg "$GOV_PG_BIN/pg_ctl" -D "$GOV_PG_DATA_DIR" stop -m fast >/dev/null 2>&1 || true' EXIT
    fi
  fi
  ensure_chromium
  cd "$ROOT"
  local results="$ROOT/artifacts/test-results"
  rm -rf "$results"
  mkdir -p "$results"

  say "building"
  if ! dotnet build GovService.sln -c Release -nologo -v quiet >"$results/build.log" 2>&1; then
    grep -E "error" "$results/build.log" | sort -u | head -n 40 >&2 || cat "$results/build.log" >&2
    echo "build failed"
    echo "0 passed, 1 failed"
    exit 1
  fi

  say "running tests"
  local status=0
  dotnet test GovService.sln -c Release --no-build -nologo \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

  local passed=0 failed=0 counters
  for trx in "$results"/*.trx "$results"/*/*.trx; do
    [ -f "$trx" ] || continue
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
    failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
  done
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1
  fi
  echo "${passed} passed, ${failed} failed"
  return "$status"
}

cmd_db() {
  start_local_postgres
  ensure_database govservice
  echo "ConnectionStrings__Gov='$(local_connection_string govservice)'"
}

cmd_audit_verify() {
  need_dotnet
  if [ -z "${ConnectionStrings__Gov:-}" ]; then
    start_local_postgres
    export ConnectionStrings__Gov="$(local_connection_string govservice)"
  fi
  cd "$ROOT"
  dotnet run --project src/GovService.Web/GovService.Web.csproj -c Release -v quiet -- audit "${1:-verify}"
}

cmd_stop() {
  local bin data
  bin="$(pg_bin_dir)"
  for data in "${GOV_PG_DATA:-$ROOT/.local/pgdata}" "${GOV_TEST_PG_DATA:-$ROOT/.local/pgtest}"; do
    [ -n "$bin" ] && [ -s "$data/PG_VERSION" ] || { say "no local cluster in $data"; continue; }
    as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 && { as_pg "$bin/pg_ctl" -D "$data" stop -m fast >/dev/null || true; say "stopped the cluster in $data"; }
  done
}

case "${1:-}" in
  run) cmd_run ;;
  test) cmd_test ;;
  db) cmd_db ;;
  stop) cmd_stop ;;
  audit-verify) cmd_audit_verify verify ;;
  audit-seal) cmd_audit_verify seal ;;
  *) echo "usage: ./gov.sh run | test | db | stop | audit-verify | audit-seal" >&2; exit 64 ;;
esac
