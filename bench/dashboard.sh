#!/usr/bin/env bash
# Supervisor-dashboard benchmark: the county supervisor's 监察看板 (GET /supervision) with a million cases in
# the database (bench/generate-cases.sql: two years of history), after the deadline sweep has carded the late
# ones and the figures' rollup (sup_case_days) has been rebuilt — both started as an administrator does, from
# /admin/supervision. Measures the default period (this year), the whole two years and the drill-down of red
# cards with wrk at 1, 8 and 16 connections (signed in as "supervisor"; every response must be the dashboard),
# and prints the time of the full rollup rebuild and of a regular refresh.
# Usage: bench/dashboard.sh [seconds]   (default 20 s per measurement)
#   BENCH_CASES (1000000)        cases to generate
#   BENCH_CONNECTIONS ("1 8 16") concurrency levels
#   BENCH_PORT (5098)            portal port on 127.0.0.1
#   BENCH_WARMUP (15)            seconds of warm-up before measuring
#   BENCH_KEEP_DB=1              keep the database govservice_bench_dash afterwards (dropped otherwise)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib-publish.sh
source "$ROOT/bench/lib-publish.sh"
SECONDS_PER_RUN="${1:-20}"
CASES="${BENCH_CASES:-1000000}"
CONNECTIONS="${BENCH_CONNECTIONS:-1 8 16}"
PORT="${BENCH_PORT:-5098}"
WARMUP="${BENCH_WARMUP:-15}"
PG_PORT="${GOV_PG_PORT:-55432}"
PG_PASSWORD="${GOV_PG_PASSWORD:-gov-local-dev}"
APP_DB=govservice_bench_dash
YEAR="$(TZ=Asia/Shanghai date +%Y)"
TODAY="$(TZ=Asia/Shanghai date +%F)"
TWO_YEARS_AGO="$(TZ=Asia/Shanghai date -d '-2 years' +%F)"
PATHS=("/supervision" "/supervision?from=$TWO_YEARS_AGO&to=$TODAY")
export PGPASSWORD="$PG_PASSWORD" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="$(mktemp -d)"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
psql() { "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U gov -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
  if [ -n "${PORTAL_PID:-}" ] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill "$PORTAL_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$PORTAL_PID" 2>/dev/null || true
  fi
  if [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
    psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" >/dev/null 2>&1 || true
  else
    echo "kept database $APP_DB (drop it with: psql -h 127.0.0.1 -p $PG_PORT -U gov -d postgres -c 'DROP DATABASE $APP_DB')"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && { echo "port $PORT is taken; set BENCH_PORT" >&2; exit 1; }
"$ROOT/gov.sh" db >/dev/null
psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" && psql -d postgres -qc "CREATE DATABASE $APP_DB"

echo "== building the portal (Release)"
publish_portal "$ROOT/src/GovService.Web/GovService.Web.csproj" "$WORK/portal" "$WORK/build.log" \
  || { grep -E "error" "$WORK/build.log" | sort -u | head -n 20 >&2; echo "portal build failed" >&2; exit 1; }

echo "== starting the portal on 127.0.0.1:$PORT (migrates and seeds the demo county; Hangfire server off)"
(
  cd "$WORK/portal"
  ConnectionStrings__Gov="Host=127.0.0.1;Port=$PG_PORT;Username=gov;Password=$PG_PASSWORD;Database=$APP_DB;Maximum Pool Size=64" \
  ASPNETCORE_ENVIRONMENT=Production Seed__Demo=true Jobs__RunServer=false Serilog__MinimumLevel__Default=Warning \
  Serilog__MinimumLevel__Override__GovService=Information \
  Security__LoginRateLimit__PermitLimit=1000 \
  Certificates__Signing__KeyFile="$WORK/licence-signing-key.pem" Certificates__Signing__GenerateIfMissing=true \
  Logging__FilePath="$WORK/log-.txt" \
  exec dotnet GovService.Web.dll --urls "http://127.0.0.1:$PORT"
) >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$PORTAL_PID" 2>/dev/null || break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { tail -n 30 "$WORK/portal.log"; echo "portal did not start" >&2; exit 1; }

echo "== generating $CASES cases (bench/generate-cases.sql)"
psql -q -d "$APP_DB" -v cases="$CASES" -f "$ROOT/bench/generate-cases.sql" | grep -E 'generated in|open' | head -n 5 || true
TOTAL_CASES="$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM gov.int_cases")"

# sign_in ACCOUNT JAR: a cookie jar signed in as ACCOUNT.
sign_in() {
  local token
  token="$(curl -fs -c "$2" -b "$2" "http://127.0.0.1:$PORT/account/login" | grep -Eo 'name="__RequestVerificationToken"[^>]*value="[^"]+"' | head -n 1 | sed -E 's/.*value="([^"]+)"/\1/')"
  curl -fs -o /dev/null -c "$2" -b "$2" --data-urlencode "Account=$1" --data-urlencode "Password=Gov2026demo" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$PORT/account/login"
  grep -q 'gov.auth' "$2" || { echo "sign-in of $1 failed" >&2; exit 1; }
}
# admin_post PATH FIELDS…: posts a form of /admin/supervision with its antiforgery token; prints the page.
admin_post() {
  local path="$1" token args=(); shift
  token="$(curl -fs -c "$WORK/admin.jar" -b "$WORK/admin.jar" "http://127.0.0.1:$PORT/admin/supervision" | grep -Eo 'name="__RequestVerificationToken"[^>]*value="[^"]+"' | head -n 1 | sed -E 's/.*value="([^"]+)"/\1/')"
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  curl -fs -c "$WORK/admin.jar" -b "$WORK/admin.jar" --data-urlencode "__RequestVerificationToken=$token" "${args[@]}" "http://127.0.0.1:$PORT$path"
}
sign_in admin "$WORK/admin.jar"

echo "== the administrator runs the deadline sweep, then rebuilds and refreshes the figures"
T0=$(date +%s%N); admin_post /admin/supervision/evaluate >/dev/null; T1=$(date +%s%N)
echo "   sweep: $(( (T1 - T0) / 1000000 )) ms wall — $(grep -ho 'Deadline sweep as of[^{]*' "$WORK"/log-*.txt | tail -n 1)"
T0=$(date +%s%N); admin_post /admin/supervision/refresh-figures full=true >/dev/null; T1=$(date +%s%N)
REBUILD="$(grep -ho 'Dashboard figures rebuilt[^{]*' "$WORK"/log-*.txt | tail -n 1)"
echo "   full rebuild: $(( (T1 - T0) / 1000000 )) ms wall — $REBUILD"
T0=$(date +%s%N); admin_post /admin/supervision/refresh-figures >/dev/null; T1=$(date +%s%N)
REFRESH="$(grep -ho 'Dashboard figures refreshed[^{]*' "$WORK"/log-*.txt | tail -n 1)"
echo "   regular refresh (last 90 days + days with open cases): $(( (T1 - T0) / 1000000 )) ms wall — $REFRESH"
ROLLUP_ROWS="$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM gov.sup_case_days")"
OPEN_CARDS="$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM gov.sup_cards WHERE closed_at IS NULL")"

sign_in supervisor "$WORK/supervisor.jar"
COOKIE="$(awk -F'\t' '$6 ~ /^gov\./ { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$WORK/supervisor.jar")"
for p in "${PATHS[@]}"; do
  curl -fs -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$p" >"$WORK/page.html"
  grep -q 'data-testid="kpis"' "$WORK/page.html" || { echo "GET $p is not the dashboard" >&2; exit 1; }
  echo "   $p: $(grep -Eo 'data-testid="kpi-cases">[0-9]+' "$WORK/page.html" | grep -Eo '[0-9]+$') cases in the period on the page"
done

echo "== warm-up (${WARMUP}s)"
wrk -t2 -c8 -d"${WARMUP}s" -H "Cookie: $COOKIE" -s "$ROOT/bench/dashboard.lua" "http://127.0.0.1:$PORT/supervision" >/dev/null
: >"$WORK/results.txt"
for p in "${PATHS[@]}"; do
  for c in $CONNECTIONS; do
    t=2; [ "$c" -lt 2 ] && t=1
    R="$(wrk -t"$t" -c"$c" -d"${SECONDS_PER_RUN}s" -H "Cookie: $COOKIE" -s "$ROOT/bench/dashboard.lua" "http://127.0.0.1:$PORT$p" | grep '^RESULT')"
    echo "   GET $p, $c connection(s): ${R#RESULT }"
    printf '%s\t%s\t%s\n' "$p" "$c" "${R#RESULT }" >>"$WORK/results.txt"
  done
done

echo
echo "== summary ($TOTAL_CASES cases, $ROLLUP_ROWS rollup rows, $OPEN_CARDS open cards; $(nproc) cores; target p95 < 300 ms)"
printf '%-48s %5s %8s %8s %8s %5s\n' path conn rps p50_ms p95_ms bad
while IFS=$'\t' read -r p c r; do
  printf '%-48s %5s %8s %8s %8s %5s\n' "$p" "$c" "$(grep -Eo 'rps=[0-9.]+' <<<"$r" | cut -d= -f2)" "$(grep -Eo 'p50_ms=[0-9.]+' <<<"$r" | cut -d= -f2)" \
    "$(grep -Eo 'p95_ms=[0-9.]+' <<<"$r" | cut -d= -f2)" "$(grep -Eo 'bad=[0-9]+' <<<"$r" | cut -d= -f2)"
done <"$WORK/results.txt"
WORST="$(grep -Eo 'p95_ms=[0-9.]+' "$WORK/results.txt" | cut -d= -f2 | sort -g | tail -n 1)"
BAD="$(grep -Eo 'bad=[0-9]+' "$WORK/results.txt" | cut -d= -f2 | paste -sd+ | bc)"
echo "worst p95: ${WORST} ms $(awk -v w="$WORST" 'BEGIN { print (w < 300 ? "(target met)" : "(target NOT met)") }'); bad responses: $BAD"
