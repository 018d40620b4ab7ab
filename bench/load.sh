#!/usr/bin/env bash
# Mixed-traffic load test (issue 8): a county-sized database (100,000 registered citizens, 1,000,000 cases over
# two years) and everyone at once — anonymous visitors reading guides and searching the catalog, people looking
# up their case's status, citizens submitting online applications (with files), the 市场监管局 reviewer working
# the queue (queue, step page, claim, release) and the county supervisor's dashboard — each kind driven by its
# own wrk process (Debian's wrk, bench/load-mix.lua) at the same time, with the portal's Hangfire server on (the
# deadline sweep and the figures' refresh run as in production). Prints per kind and overall: throughput,
# p50/p95/p99, errors (transport errors plus answers that are not the expected page or redirect), the portal's
# peak memory (VmHWM), beside pgbench -S from the same run.
#
# Usage: bench/load.sh [seconds]      (default 60 s of measurement after a 20 s warm-up)
#   BENCH_CASES (1000000), BENCH_CITIZENS (100000), BENCH_PORT (5095)
#   BENCH_MIX ("guides:6 status:3 submit:2 review:2 dashboard:1")  kind:connections
#   BENCH_THINK_MS (0)  mean pause of each virtual user between two requests (exponential). 0 drives every
#                       connection as fast as the portal answers (saturation: capacity figures); a think time
#                       models people (a county's peak hour: BENCH_THINK_MS=1000 with
#                       BENCH_MIX="guides:24 status:8 submit:4 review:4 dashboard:2")
#   BENCH_KEEP_DB (1)   keep govservice_bench_load (about 2 GB) for the next run, which then skips generation;
#                       0 drops it at the end
# Targets (issue 8, this 2-core machine): zero errors; p95 < 200 ms for pages; portal < 400 MB.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib-publish.sh
source "$ROOT/bench/lib-publish.sh"
SECONDS_PER_RUN="${1:-60}"
CASES="${BENCH_CASES:-1000000}"
CITIZENS="${BENCH_CITIZENS:-100000}"
PORT="${BENCH_PORT:-5095}"
MIX="${BENCH_MIX:-guides:6 status:3 submit:2 review:2 dashboard:1}"
WARMUP="${BENCH_WARMUP:-20}"
PG_PORT="${GOV_PG_PORT:-55432}"
PG_PASSWORD="${GOV_PG_PASSWORD:-gov-local-dev}"
APP_DB=govservice_bench_load
PGB_DB=pgbench_bench_load
URL="http://127.0.0.1:$PORT"
export PGPASSWORD="$PG_PASSWORD" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="$(mktemp -d)"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
psql() { "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U gov -v ON_ERROR_STOP=1 "$@"; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

stop_portal() {
  if [ -n "${PORTAL_PID:-}" ] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill "$PORTAL_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$PORTAL_PID" 2>/dev/null || true
  fi
  PORTAL_PID=""
}
cleanup() {
  stop_portal
  psql -d postgres -qc "DROP DATABASE IF EXISTS $PGB_DB WITH (FORCE)" >/dev/null 2>&1 || true
  if [ "${BENCH_KEEP_DB:-1}" != 1 ]; then psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$ROOT/gov.sh" db >/dev/null

echo "== building the portal (Release)"
publish_portal "$ROOT/src/GovService.Web/GovService.Web.csproj" "$WORK/portal" "$WORK/build.log" \
  || { grep -E "error" "$WORK/build.log" | sort -u | head -n 20 >&2; echo "portal build failed" >&2; exit 1; }

# start_portal JOBS: the published portal with production settings (Hangfire server on or off).
start_portal() {
  (
    cd "$WORK/portal"
    # The login and lookup rate limits count per client address; every virtual user comes from 127.0.0.1,
    # so they are raised for this process only. Everything else runs with production settings.
    ConnectionStrings__Gov="Host=127.0.0.1;Port=$PG_PORT;Username=gov;Password=$PG_PASSWORD;Database=$APP_DB;Maximum Pool Size=64" \
    ASPNETCORE_ENVIRONMENT=Production Seed__Demo=true Jobs__RunServer="$1" Serilog__MinimumLevel__Default=Warning \
    Security__LoginRateLimit__PermitLimit=100000 Security__LookupRateLimit__PermitLimit=1000000 \
    Certificates__Signing__KeyFile="$WORK/licence-signing-key.pem" Certificates__Signing__GenerateIfMissing=true \
    Logging__FilePath="$WORK/log-.txt" \
    exec dotnet GovService.Web.dll --urls "$URL"
  ) >>"$WORK/portal.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 600); do
    curl -fs "$URL/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$PORTAL_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 30 "$WORK/portal.log"; echo "portal did not start" >&2; exit 1
}

HAVE_CASES=0
if [ "$(psql -d postgres -Atc "SELECT count(*) FROM pg_database WHERE datname = '$APP_DB'")" = 1 ]; then
  HAVE_CASES="$(psql -d "$APP_DB" -Atc "SELECT CASE WHEN to_regclass('gov.int_cases') IS NULL THEN 0 ELSE (SELECT count(*) FROM gov.int_cases) END")"
fi
if [ "$HAVE_CASES" -ge "$CASES" ]; then
  echo "== reusing $APP_DB ($HAVE_CASES cases); migrating it to this build"
  start_portal false && stop_portal
else
  psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" && psql -d postgres -qc "CREATE DATABASE $APP_DB"
  echo "== migrating and seeding the demo county"
  start_portal false && stop_portal
  echo "== generating $CITIZENS citizens (bench/generate-citizens.sql) and $CASES cases over two years (bench/generate-cases.sql)"
  T0=$(date +%s)
  psql -q -d "$APP_DB" -v citizens="$CITIZENS" -f "$ROOT/bench/generate-citizens.sql" >/dev/null
  psql -q -d "$APP_DB" -v cases="$CASES" -f "$ROOT/bench/generate-cases.sql" >/dev/null
  echo "   generated in $(( $(date +%s) - T0 )) s"
fi
read -r N_CITIZENS N_CASES N_OPEN <<<"$(psql -d "$APP_DB" -AtF' ' -c "SELECT (SELECT count(*) FROM gov.acc_users WHERE kind = 1), count(*), count(*) FILTER (WHERE state IN (2, 3, 5, 6, 7, 8)) FROM gov.int_cases")"
echo "   database: $N_CITIZENS citizens, $N_CASES cases ($N_OPEN open), $(psql -d postgres -Atc "SELECT pg_size_pretty(pg_database_size('$APP_DB'))")"

echo "== pgbench -S (read-only, 8 clients, 30 s) on the same server"
psql -d postgres -qc "DROP DATABASE IF EXISTS $PGB_DB WITH (FORCE)" && psql -d postgres -qc "CREATE DATABASE $PGB_DB"
"$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U gov -i -s 10 -q "$PGB_DB" >/dev/null 2>&1
PGBENCH="$("$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U gov -S -c 8 -j 2 -T 30 "$PGB_DB" 2>/dev/null)"
PG_TPS="$(grep -m 1 -Eo 'tps = [0-9.]+' <<<"$PGBENCH" | cut -d' ' -f3)"
PG_LAT="$(grep -Eo 'latency average = [0-9.]+ ms' <<<"$PGBENCH" | cut -d' ' -f4)"
psql -d postgres -qc "DROP DATABASE IF EXISTS $PGB_DB WITH (FORCE)"

echo "== starting the portal on $URL (Hangfire server on)"
start_portal true

# page_token URL JAR: the antiforgery token of a page (read whole first: no early-closed pipe under pipefail).
page_token() {
  curl -fs -c "$2" -b "$2" "$1" >"$WORK/page.html"
  grep -m 1 -Eo 'name="__RequestVerificationToken"[^>]*value="[^"]+"' "$WORK/page.html" | sed -E 's/.*value="([^"]+)"/\1/'
}
sign_in() {
  local token
  token="$(page_token "$URL/account/login" "$2")"
  curl -fs -o /dev/null -c "$2" -b "$2" --data-urlencode "Account=$1" --data-urlencode "Password=Gov2026demo" \
    --data-urlencode "__RequestVerificationToken=$token" "$URL/account/login"
  grep -q 'gov.auth' "$2" || { echo "sign-in of $1 failed" >&2; exit 1; }
}
cookie_of() { awk -F'\t' '$6 ~ /^gov\./ { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"; }

echo "== the administrator runs the deadline sweep and rebuilds the dashboard figures (as after an upgrade)"
sign_in admin "$WORK/admin.jar"
admin_post() {
  local path="$1" token args=(); shift
  token="$(page_token "$URL/admin/supervision" "$WORK/admin.jar")"
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  curl -fs -o /dev/null -m 600 -c "$WORK/admin.jar" -b "$WORK/admin.jar" --data-urlencode "__RequestVerificationToken=$token" "${args[@]}" "$URL$path"
}
admin_post /admin/supervision/evaluate
admin_post /admin/supervision/refresh-figures full=true

echo "== preparing the traffic"
psql -d "$APP_DB" -Atc "SELECT i.basic_code FROM gov.cat_items i JOIN gov.cat_item_versions v ON v.item_id = i.id AND v.status = 2" >"$WORK/codes.txt"
psql -d "$APP_DB" -AtF' ' -c "SELECT number, query_code FROM gov.int_cases TABLESAMPLE SYSTEM (1) WHERE number IS NOT NULL LIMIT 3000" >"$WORK/lookups.txt"
# A generated citizen (not a demo one) submits; the reviewer and the supervisor are the demo staff.
# A generated citizen from the middle of the list (the 4,243rd, or the middle one of a smaller BENCH_CITIZENS).
GENERATED="$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM gov.acc_users WHERE kind = 1 AND substr(id_number, 15, 3)::int >= 100")"
CITIZEN="$(psql -d "$APP_DB" -Atc "SELECT user_name FROM gov.acc_users WHERE kind = 1 AND substr(id_number, 15, 3)::int >= 100 ORDER BY id_number LIMIT 1 OFFSET $(( GENERATED > 8484 ? 4242 : GENERATED / 2 ))")"
[ -n "$CITIZEN" ] || { echo "no generated citizen to submit with (BENCH_CITIZENS=$CITIZENS)" >&2; exit 1; }
dotnet build "$ROOT/bench/IntakeLoad/IntakeLoad.csproj" -c Release -nologo -v quiet -o "$WORK/load" >"$WORK/build-load.log" 2>&1 \
  || { grep -E "error" "$WORK/build-load.log" | sort -u | head -n 20 >&2; echo "load driver build failed" >&2; exit 1; }
dotnet "$WORK/load/IntakeLoad.dll" --url "$URL" --code 000505004000 --account "$CITIZEN" --write-form "$WORK/submit.txt" >/dev/null
sign_in reviewer "$WORK/reviewer.jar"
REVIEWER_STAFF="$(psql -d "$APP_DB" -Atc "SELECT s.id FROM gov.org_staff s JOIN gov.acc_users u ON u.id = s.user_id WHERE u.user_name = 'reviewer'")"
{
  page_token "$URL/review" "$WORK/reviewer.jar"
  psql -d "$APP_DB" -Atc "
    SELECT t.id FROM gov.apr_tasks t JOIN gov.int_cases c ON c.id = t.case_id JOIN gov.org_staff s ON s.id = '$REVIEWER_STAFF'
    WHERE t.state = 2 AND t.department_id = s.department_id AND c.state = 7 AND t.claimed_by_staff_id IS NULL
    ORDER BY t.id LIMIT 400"
} >"$WORK/tasks.txt"
sign_in supervisor "$WORK/supervisor.jar"
echo "   $(wc -l <"$WORK/codes.txt") guides, $(wc -l <"$WORK/lookups.txt") lookups, $(($(wc -l <"$WORK/tasks.txt") - 1)) review steps, citizen $CITIZEN submits 失业保险金申领 with $(grep -c '^Fields' "$WORK/submit.txt") fields and $(grep -c '^[0-9]\+$' "$WORK/submit.txt") files"

# run_mix SECONDS OUT: every kind at once, each its own wrk; waits for all.
run_mix() {
  local pids=() kind conns cookie
  for entry in $MIX; do
    kind="${entry%%:*}"; conns="${entry##*:}"; cookie=""
    case "$kind" in
      submit) cookie="$(head -n 1 "$WORK/submit.txt")" ;;
      review) cookie="$(cookie_of "$WORK/reviewer.jar")" ;;
      dashboard) cookie="$(cookie_of "$WORK/supervisor.jar")" ;;
    esac
    # submit and review: one connection per thread, so each thread's requests stay in order.
    local threads=1
    case "$kind" in submit|review) threads="$conns" ;; esac
    BENCH_KIND="$kind" BENCH_DIR="$WORK" BENCH_COOKIE="$cookie" BENCH_THINK_MS="${BENCH_THINK_MS:-0}" BENCH_THREADS="$threads" \
      wrk -t"$threads" -c"$conns" -d"${1}s" --timeout 10s -s "$ROOT/bench/load-mix.lua" "$URL" >"$2.$kind" 2>"$2.$kind.err" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
}

echo "== warm-up (${WARMUP}s)"
run_mix "$WARMUP" "$WORK/warmup"
SUBMITTED_BEFORE="$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM gov.int_cases WHERE state = 2")"
CPU_BEFORE="$(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)"
echo "== measuring (${SECONDS_PER_RUN}s): $MIX, think time ${BENCH_THINK_MS:-0} ms"
( peak=0; while kill -0 "$PORTAL_PID" 2>/dev/null; do r="$(awk '/VmRSS/{print $2}' "/proc/$PORTAL_PID/status" 2>/dev/null || echo 0)"; [ "${r:-0}" -gt "$peak" ] && peak="$r" && echo "$peak" >"$WORK/rss-peak"; sleep 0.5; done ) &
RSS_SAMPLER=$!
run_mix "$SECONDS_PER_RUN" "$WORK/run"
kill "$RSS_SAMPLER" 2>/dev/null || true
CPU_AFTER="$(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)"
SUBMITTED_AFTER="$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM gov.int_cases WHERE state = 2")"
HWM_KB="$(awk '/VmHWM/{print $2}' "/proc/$PORTAL_PID/status")"
RSS_KB="$(awk '/VmRSS/{print $2}' "/proc/$PORTAL_PID/status")"
FAILED_JOBS="$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM hangfire.job WHERE statename = 'Failed'")"

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u '+%F %H:%M') UTC; CPU busy during the run $(awk -v a="$CPU_BEFORE" -v b="$CPU_AFTER" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.0f%%", 100 * (y[1] - x[1]) / (y[2] - x[2]) }')"
echo "mix: $MIX; think time ${BENCH_THINK_MS:-0} ms"
echo "database: $N_CITIZENS citizens, $N_CASES cases; pgbench -S: tps=$PG_TPS latency_avg_ms=$PG_LAT (8 clients)"
printf '%-10s %5s %9s %8s %8s %8s %8s %7s %5s\n' kind conns requests 'req/s' 'p50 ms' 'p95 ms' 'p99 ms' errors bad
TOTAL_REQ=0; TOTAL_ERR=0; TOTAL_BAD=0; WORST_P95=0; WORST_KIND=""
for entry in $MIX; do
  kind="${entry%%:*}"; conns="${entry##*:}"
  R="$(grep '^RESULT' "$WORK/run.$kind" || echo "RESULT kind=$kind requests=0 errors=1 bad=0 rps=0 p50_ms=0 p95_ms=0 p99_ms=0")"
  f() { grep -Eo "(^| )$1=[^ ]+" <<<"$R" | cut -d= -f2; }
  printf '%-10s %5s %9s %8s %8s %8s %8s %7s %5s\n' "$kind" "$conns" "$(f requests)" "$(f rps)" "$(f p50_ms)" "$(f p95_ms)" "$(f p99_ms)" "$(f errors)" "$(f bad)"
  TOTAL_REQ=$((TOTAL_REQ + $(f requests))); TOTAL_ERR=$((TOTAL_ERR + $(f errors))); TOTAL_BAD=$((TOTAL_BAD + $(f bad)))
  if awk -v a="$(f p95_ms)" -v b="$WORST_P95" 'BEGIN { exit !(a > b) }'; then WORST_P95="$(f p95_ms)"; WORST_KIND="$kind"; fi
  [ -s "$WORK/run.$kind.err" ] && sed 's/^/   /' "$WORK/run.$kind.err" | head -n 3
done
echo "total: $TOTAL_REQ requests, $(awk -v n="$TOTAL_REQ" -v s="$SECONDS_PER_RUN" 'BEGIN { printf "%.1f", n / s }') req/s, $TOTAL_ERR transport errors, $TOTAL_BAD unexpected answers; $((SUBMITTED_AFTER - SUBMITTED_BEFORE)) applications submitted during the run; $FAILED_JOBS failed background jobs"
echo "portal memory: peak RSS $(( $(cat "$WORK/rss-peak" 2>/dev/null || echo 0) / 1024 )) MiB during the run (VmHWM since start $((HWM_KB / 1024)) MiB, now $((RSS_KB / 1024)) MiB)"
echo "targets: zero errors: $([ $((TOTAL_ERR + TOTAL_BAD)) = 0 ] && echo met || echo NOT met); p95 < 200 ms for every kind (worst: $WORST_KIND $WORST_P95 ms): $(awk -v p="$WORST_P95" 'BEGIN { print (p < 200 ? "met" : "NOT met") }'); portal < 400 MB: $([ "$HWM_KB" -lt 409600 ] && echo met || echo NOT met)"
