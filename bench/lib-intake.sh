# Shared by bench/intake.sh, bench/floor.sh, bench/faults.sh and bench/hall-display.sh (sourced, not run) — the scripts that drive
# bench/IntakeLoad: the same pgbench figure, the same way of building and stopping the programs under test, so the
# two sides of the intake/floor comparison differ only in the web application.
# Expects ROOT and PG_PORT. Sets PGPASSWORD (GOV_PG_PASSWORD, or the local cluster's), WORK (a fresh temporary
# folder: the caller's cleanup removes it), BIN (PostgreSQL's newest bin folder) and psql.
export PGPASSWORD="${GOV_PG_PASSWORD:-gov-local-dev}" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="$(mktemp -d)"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
psql() { "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U gov -v ON_ERROR_STOP=1 "$@"; }

# pgbench's default TPC-B-like script at scale 10 in database $1 (created and dropped here), $2 clients, $3 seconds:
# sets PG_TPS and PG_LAT.
tpcb_figure() {
  local db="$1" clients="$2" seconds="$3" out
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" && psql -d postgres -qc "CREATE DATABASE $db"
  echo "== pgbench, default TPC-B-like script ($clients clients, -s 10, ${seconds}s)"
  "$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U gov -i -s 10 -q "$db" >/dev/null 2>&1
  out="$("$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U gov -c "$clients" -j 2 -T "$seconds" "$db" 2>/dev/null)"
  PG_TPS="$(grep -Eo 'tps = [0-9.]+' <<<"$out" | head -n 1 | cut -d' ' -f3)"
  PG_LAT="$(grep -Eo 'latency average = [0-9.]+ ms' <<<"$out" | cut -d' ' -f4)"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
}

# Publishes project $1 (Release) to $WORK/$2, its log in $WORK/build-$2.log; on failure names the errors on stderr
# and returns 1.
publish_program() {
  if [ "${1##*/}" = GovService.Web.csproj ]; then
    publish_portal "$1" "$WORK/$2" "$WORK/build-$2.log" || { cat "$WORK/build-$2.log" | grep -E "error|BENCH_PORTAL" | sort -u | head -n 20 >&2; return 1; }
    return 0
  fi
  dotnet publish "$1" -c Release -nologo -v quiet -o "$WORK/$2" >"$WORK/build-$2.log" 2>&1 \
    || { grep -E "error" "$WORK/build-$2.log" | sort -u | head -n 20 >&2; return 1; }
}

# Publishes project $1 (Release) to $WORK/$2 — a private folder, so a concurrent build of the sources cannot change
# the running binaries — and builds the load driver to $WORK/load; $3 names the program in messages.
build_programs() {
  local project="$1" folder="$2" what="$3"
  echo "== building the $what (Release) and the load driver"
  publish_program "$project" "$folder" || { echo "$what build failed" >&2; exit 1; }
  dotnet build "$ROOT/bench/IntakeLoad/IntakeLoad.csproj" -c Release -nologo -v quiet -o "$WORK/load" >"$WORK/build-load.log" 2>&1 \
    || { grep -E "error" "$WORK/build-load.log" | sort -u | head -n 20 >&2; echo "load driver build failed" >&2; exit 1; }
}

# Waits up to $3 seconds (60) until $1 answers 2xx, giving up early when process $2 has ended; fails if it never did.
wait_until_serving() {
  local url="$1" pid="$2" tries=$(( ${3:-60} * 2 ))
  for _ in $(seq 1 "$tries"); do
    curl -fs -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  curl -fs -o /dev/null "$url" 2>/dev/null
}

# Starts the portal published in $WORK/portal on 127.0.0.1:$1 against database $2 with production settings (the demo
# county seeded, Hangfire's server off, warnings only, a throwaway licence signing key in the work folder), the
# further NAME=value arguments added to its environment; its output in $WORK/portal.log. Sets PORTAL_PID and returns
# once it is ready; exits the script when it does not start.
start_published_portal() {
  local port="$1" db="$2"
  shift 2
  (
    cd "$WORK/portal"
    exec env ConnectionStrings__Gov="Host=127.0.0.1;Port=$PG_PORT;Username=gov;Password=$PGPASSWORD;Database=$db;Maximum Pool Size=64" \
      ASPNETCORE_ENVIRONMENT=Production Seed__Demo=true Jobs__RunServer=false Serilog__MinimumLevel__Default=Warning \
      Certificates__Signing__KeyFile="$WORK/licence-signing-key.pem" Certificates__Signing__GenerateIfMissing=true \
      Logging__FilePath="$WORK/log-.txt" "$@" dotnet GovService.Web.dll --urls "http://127.0.0.1:$port"
  ) >"$WORK/portal.log" 2>&1 &
  PORTAL_PID=$!
  wait_until_serving "http://127.0.0.1:$port/health/ready" "$PORTAL_PID" 120 || { tail -n 30 "$WORK/portal.log"; echo "portal did not start" >&2; exit 1; }
}

# Stops process $1 (if any) as a service manager would: TERM, up to 10 s, then KILL.
stop_process() {
  local pid="${1:-}"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
}

# The portal is published through publish_portal (BENCH_PORTAL: publish once for a series).
. "$(dirname "${BASH_SOURCE[0]}")/lib-publish.sh"
