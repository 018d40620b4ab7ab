#!/usr/bin/env bash
# Deadline-sweep benchmark: the Supervision module's sweep (DeadlineSweep: yellow and red cards, supervision
# orders, escalations, notices) over a backlog of open cases filled by bench/generate-open-cases.sql, run the way
# an administrator runs it: signed in as the demo "admin", POST of the "evaluate now" form of /admin/supervision.
# For each size it builds a fresh database (the migrated and seeded demo county, copied from a template, plus
# that many open cases), starts the portal on it and measures
#   - the FIRST sweep, which issues every card the backlog deserves (with the cards, orders and inbox notices
#     it created), then
#   - BENCH_STEADY steady sweeps (nothing or little new), the figure that counts: the sweep runs every 5 minutes.
# Times are the portal's own log line ("Deadline sweep as of …: … in N ms", taken inside the sweep) and the wall
# time of the HTTP request (curl). With the EF command log on, the time of each SQL statement of a sweep is
# summed per kind of statement (issue cards, close cards, orders, notices …) for the first and the last sweep.
# Every size starts from the same seeded template, so the first sweep at each size is a real first sweep; after
# it the supervision tables are VACUUM ANALYZEd (as autovacuum would have done before the next 5-minute run).
# Usage: bench/sweep.sh
#   BENCH_SIZES ("100000 1000000")  open cases to measure at, ascending
#   BENCH_STEADY (3)                 steady sweeps per size (the median is reported)
#   BENCH_PORT (5097)                portal port on 127.0.0.1
#   BENCH_COMMAND_TIMEOUT            Npgsql command timeout in seconds for the portal (default: the portal's,
#                                    Npgsql's 30 s; a longer first sweep fails, as it would in production)
#   BENCH_KEEP_DB=1                  keep the database govservice_bench_sweep (the last size) afterwards
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib-publish.sh
source "$ROOT/bench/lib-publish.sh"
SIZES="${BENCH_SIZES:-100000 1000000}"
STEADY="${BENCH_STEADY:-3}"
PORT="${BENCH_PORT:-5097}"
PG_PORT="${GOV_PG_PORT:-55432}"
PG_PASSWORD="${GOV_PG_PASSWORD:-gov-local-dev}"
APP_DB=govservice_bench_sweep
SEED_DB=govservice_bench_sweep_seed
TARGET_CASES=1000000
TARGET_MS=10000
export PGPASSWORD="$PG_PASSWORD" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORK="$(mktemp -d)"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
psql() { "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U gov -v ON_ERROR_STOP=1 "$@"; }
BASE="http://127.0.0.1:$PORT"
BENCH_T0=$(date +%s)

stop_portal() {
  if [ -n "${PORTAL_PID:-}" ] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill "$PORTAL_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$PORTAL_PID" 2>/dev/null || true
  fi
  PORTAL_PID=
}
cleanup() {
  stop_portal
  psql -d postgres -qc "DROP DATABASE IF EXISTS $SEED_DB WITH (FORCE)" >/dev/null 2>&1 || true
  if [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
    psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" >/dev/null 2>&1 || true
  else
    echo "kept database $APP_DB (drop it with: psql -h 127.0.0.1 -p $PG_PORT -U gov -d postgres -c 'DROP DATABASE $APP_DB')"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PREV=0
for s in $SIZES; do
  [[ "$s" =~ ^[0-9]+$ ]] && [ "$s" -gt "$PREV" ] || { echo "BENCH_SIZES must be ascending positive numbers: $SIZES" >&2; exit 1; }
  PREV=$s
done
[[ "$STEADY" =~ ^[0-9]+$ ]] && [ "$STEADY" -ge 1 ] || { echo "BENCH_STEADY must be 1 or more" >&2; exit 1; }
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && { echo "port $PORT is taken; set BENCH_PORT" >&2; exit 1; }
"$ROOT/gov.sh" db >/dev/null

echo "== building the portal (Release)"
# Built from a copy of the sources in a private folder (its own obj/ and bin/), so a concurrent build of src/
# neither collides with this one nor changes the binaries under test.
mkdir -p "$WORK/src"
tar -C "$ROOT" --exclude=bin --exclude=obj --exclude=logs -cf - .editorconfig Directory.Build.props Directory.Packages.props src/GovService.Web | tar -C "$WORK/src" -xf -
publish_portal "$WORK/src/src/GovService.Web/GovService.Web.csproj" "$WORK/portal" "$WORK/build.log" \
  || { grep -E "error" "$WORK/build.log" | sort -u | head -n 20 >&2; echo "portal build failed" >&2; exit 1; }

CONN="Host=127.0.0.1;Port=$PG_PORT;Username=gov;Password=$PG_PASSWORD;Database=$APP_DB"
[ -n "${BENCH_COMMAND_TIMEOUT:-}" ] && CONN="$CONN;Command Timeout=$BENCH_COMMAND_TIMEOUT"
start_portal() {
  rm -f "$WORK"/log-*.txt
  (
    cd "$WORK/portal"
    # Hangfire's server is off (Jobs__RunServer=false): no sweep but ours. Information lines of the portal's own
    # code (the sweep's result line) and EF's command log (the time of each statement) go to the log file; the
    # licence signing key is a throwaway one in the work folder.
    env ConnectionStrings__Gov="$CONN" \
      ASPNETCORE_ENVIRONMENT=Production Seed__Demo=true Jobs__RunServer=false \
      Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__GovService=Information \
      "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information" \
      Certificates__Signing__KeyFile="$WORK/licence-signing-key.pem" Certificates__Signing__GenerateIfMissing=true \
      Logging__FilePath="$WORK/log-.txt" \
      dotnet GovService.Web.dll --urls "$BASE"
  ) >"$WORK/portal.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
    kill -0 "$PORTAL_PID" 2>/dev/null || break
    sleep 0.5
  done
  curl -fs "$BASE/health/ready" >/dev/null || { tail -n 30 "$WORK/portal.log"; echo "portal did not start" >&2; exit 1; }
}

echo "== seeding: the portal migrates and seeds the demo county in $APP_DB; kept as the template $SEED_DB"
for db in "$APP_DB" "$SEED_DB"; do psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; done
psql -d postgres -qc "CREATE DATABASE $APP_DB"
start_portal
stop_portal
for _ in $(seq 1 20); do   # the portal's connections may take a moment to go
  psql -d postgres -qc "CREATE DATABASE $SEED_DB TEMPLATE $APP_DB" 2>/dev/null && break
  sleep 0.5
done
psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$SEED_DB'" | grep -q 1 || { echo "could not copy $APP_DB to $SEED_DB" >&2; exit 1; }

JAR="$WORK/cookies.txt"
log() { cat "$WORK"/log-*.txt; }   # the portal's log file(s), oldest first (Serilog starts a new file each day)
token() {  # an antiforgery token of a page (they are all the same on one page)
  curl -fs -c "$JAR" -b "$JAR" "$BASE$1" | grep -Eo 'name="__RequestVerificationToken"[^>]*value="[^"]+"' | head -n 1 | sed -E 's/.*value="([^"]+)"/\1/'
}
sign_in() {
  rm -f "$JAR"
  local t; t="$(token /account/login)"
  [ -n "$t" ] || { echo "no antiforgery token on /account/login" >&2; exit 1; }
  curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Account=admin" --data-urlencode "Password=Gov2026demo" \
    --data-urlencode "__RequestVerificationToken=$t" "$BASE/account/login"
  grep -q 'gov\.auth' "$JAR" || { echo "sign-in as admin failed: no gov.auth cookie" >&2; exit 1; }
}

# sweep LABEL: one "evaluate now" (today); writes to $WORK/sweep.txt "log_ms http_ms yellow red orders escalations closed" and keeps
# the EF statements of the request in $WORK/sql-LABEL.txt ("ms<TAB>kind" per statement).
sweep() {
  local t before code http line ms y r o e c
  t="$(token /admin/supervision)"
  [ -n "$t" ] || { echo "no antiforgery token on /admin/supervision (signed out?)" >&2; exit 1; }
  before=$(( $(log | wc -l) + 1 ))
  read -r code http < <(curl -s -o "$WORK/result.html" -w '%{http_code} %{time_total}\n' --max-time 3600 -c "$JAR" -b "$JAR" \
    --data-urlencode "__RequestVerificationToken=$t" "$BASE/admin/supervision/evaluate")
  sleep 0.3   # let Serilog flush the file
  if [ "$code" != 200 ] || ! grep -q 'data-testid="sweep-result"' "$WORK/result.html"; then
    echo "POST /admin/supervision/evaluate: HTTP $code after ${http}s, no result on the page" >&2
    log | tail -n +"$before" | grep -E '\[(ERR|FTL|WRN)\]' | cut -c1-400 | head -n 5 >&2
    log | tail -n +"$before" | grep -qi 'timeout' && echo "(a statement hit the command timeout: rerun with BENCH_COMMAND_TIMEOUT=600 to measure anyway)" >&2
    exit 1
  fi
  line="$(log | tail -n +"$before" | grep -E 'Deadline sweep as of' | tail -n 1)"
  [ -n "$line" ] || { echo "no 'Deadline sweep' line in the portal's log" >&2; exit 1; }
  read -r y r o e c ms < <(sed -E 's/.*: ([0-9]+) yellow, ([0-9]+) red, ([0-9]+) orders, ([0-9]+) escalations, ([0-9]+) closed in ([0-9]+) ms.*/\1 \2 \3 \4 \5 \6/' <<<"$line")
  # EF's "Executed DbCommand (N ms)" lines of this request, each with its SQL after it: classified by what it writes.
  log | tail -n +"$before" | awk '
    function flush() {
      if (ms == "") return
      kind = "other"
      if (sql ~ /CREATE TEMP TABLE sweep_due/) kind = "due cards (parallel select)"
      else if (sql ~ /CREATE TEMP TABLE sweep_closing/) kind = "cards to close (parallel select)"
      else if (sql ~ /sup_sweep_state/) kind = "sweep counter"
      else if (sql ~ /set_config/) kind = "transaction settings"
      else if (sql ~ /INSERT INTO gov\.sup_cards/) kind = "issue cards"
      else if (sql ~ /UPDATE gov\.sup_cards/) kind = "close cards"
      else if (sql ~ /INSERT INTO gov\.sup_orders/) kind = "open orders"
      else if (sql ~ /UPDATE gov\.sup_orders AS/) kind = "order department names"
      else if (sql ~ /UPDATE gov\.sup_orders/) kind = "escalate orders"
      else if (sql ~ /INSERT INTO gov\.sup_working_days/) kind = "working days (upsert)"
      else if (sql ~ /sup_complaints|sup_rectifications/) kind = "overdue complaints, rectifications"
      else if (sql ~ /INSERT INTO gov\.ntf_inbox/) kind = "notices: inbox"
      else if (sql ~ /INSERT INTO gov\.ntf_outbox/) kind = "notices: sms outbox"
      else if (sql ~ /sup_card_rules/) kind = "page (card rules)"
      else if (sql ~ /org_staff|org_regions|org_halls|org_departments/) kind = "directory look-ups"
      else if (sql ~ /cal_/) kind = "calendar"
      else if (sql ~ /acc_|AspNet/) kind = "sign-in cookie"
      print ms "\t" kind
      ms = ""; sql = ""
    }
    /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { flush() }
    /Executed DbCommand \(/ { ms = $0; sub(/.*Executed DbCommand \(/, "", ms); sub(/ms\).*/, "", ms); gsub(/,/, "", ms); ms = ms + 0; sql = ""; next }
    ms != "" { sql = sql " " $0 }
    END { flush() }' >"$WORK/sql-$1.txt"
  echo "$ms $(awk -v s="$http" 'BEGIN { printf "%.0f", s * 1000 }') $y $r $o $e $c" >"$WORK/sweep.txt"
}

# The statements of a sweep summed per kind, largest first.
breakdown() {
  awk -F'\t' '{ ms[$2] += $1; n[$2]++; t += $1 } END { for (k in ms) printf "      %7d ms %4d× %s\n", ms[k], n[k], k; printf "      %7d ms       (all SQL statements of the request)\n", t }' "$WORK/sql-$1.txt" \
    | sort -k1,1nr
}

cpu_busy() {  # % of all cores busy over 3 s (the portal is idle then, so this is everybody else)
  local a b
  read -r -a a < <(grep '^cpu ' /proc/stat); sleep 3; read -r -a b < <(grep '^cpu ' /proc/stat)
  awk -v u="$(( b[1] + b[2] + b[3] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[6] - a[7] - a[8] ))" \
      -v t="$(( b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[4] - a[5] - a[6] - a[7] - a[8] ))" \
      'BEGIN { printf "%.0f", (t > 0 ? 100 * u / t : 0) }'
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$WORK/results.txt"
for SIZE in $SIZES; do
  echo
  echo "== $SIZE open cases: fresh $APP_DB from the template, bench/generate-open-cases.sql"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)"
  psql -d postgres -qc "CREATE DATABASE $APP_DB TEMPLATE $SEED_DB"
  psql -q -d "$APP_DB" -v cases="$SIZE" -f "$ROOT/bench/generate-open-cases.sql" | tee "$WORK/generate-$SIZE.txt"
  GEN_S="$(grep -Eo 'generated in [0-9.]+ s' "$WORK/generate-$SIZE.txt" | grep -Eo '[0-9.]+')"
  read -r OPEN PAUSED STEPS <<<"$(psql -d "$APP_DB" -AtF' ' -c "
    SELECT (SELECT count(*) FROM gov.int_v_open_clocks), (SELECT count(*) FROM gov.apr_v_paused_cases), (SELECT count(*) FROM gov.apr_v_open_steps)")"

  echo "== starting the portal on $BASE, signing in as admin"
  start_portal
  sign_in
  token /admin/supervision >/dev/null   # the page once (views, EF model), so the first sweep is not the first request
  BUSY="$(cpu_busy)"
  echo "   CPU busy with other work before measuring: ${BUSY}%; load average $(cut -d' ' -f1-3 /proc/loadavg)"

  echo "== first sweep ($OPEN open cases, $PAUSED paused, $STEPS open steps)"
  INBOX0="$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM gov.ntf_inbox")"
  sweep first
  read -r F_MS F_HTTP F_Y F_R F_O F_E F_C <"$WORK/sweep.txt"
  read -r CARDS ORDERS INBOX1 <<<"$(psql -d "$APP_DB" -AtF' ' -c "
    SELECT (SELECT count(*) FROM gov.sup_cards), (SELECT count(*) FROM gov.sup_orders), (SELECT count(*) FROM gov.ntf_inbox)")"
  NOTICES=$((INBOX1 - INBOX0))
  echo "   sweep ${F_MS} ms (HTTP ${F_HTTP} ms): $F_Y yellow, $F_R red, $F_O orders, $F_E escalations, $F_C closed; $NOTICES inbox notices; now $CARDS cards, $ORDERS orders"
  breakdown first
  # What autovacuum would do within a minute of a first sweep that wrote this much (before the next 5-minute run).
  psql -q -d "$APP_DB" -c "VACUUM (ANALYZE) gov.sup_cards, gov.sup_orders, gov.ntf_inbox, gov.sup_working_days"

  STEADY_LOG=""; STEADY_HTTP=""
  for k in $(seq 1 "$STEADY"); do
    sleep 2
    sweep "steady$k"
    read -r S_MS S_HTTP S_Y S_R S_O S_E S_C <"$WORK/sweep.txt"
    echo "== steady sweep $k: ${S_MS} ms (HTTP ${S_HTTP} ms): $S_Y yellow, $S_R red, $S_O orders, $S_E escalations, $S_C closed"
    STEADY_LOG="$STEADY_LOG $S_MS"; STEADY_HTTP="$STEADY_HTTP $S_HTTP"
  done
  echo "   statements of steady sweep $STEADY:"
  breakdown "steady$STEADY"
  stop_portal
  MED="$(median <<<"$STEADY_LOG")"; MED_HTTP="$(median <<<"$STEADY_HTTP")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$SIZE" "$OPEN" "$PAUSED" "$STEPS" "$F_MS" "$F_HTTP" "$((F_Y + F_R))" "$F_O" "$NOTICES" \
    "$MED" "$MED_HTTP" "$(awk -v m="$MED" -v n="$OPEN" 'BEGIN { printf "%.2f", m * 1000 / n }')" "$GEN_S" "${STEADY_LOG# }" "$BUSY" >>"$WORK/results.txt"
done

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F); PostgreSQL $("$BIN/postgres" --version | grep -Eo '[0-9]+\.[0-9]+' | head -n 1); whole run $(( $(date +%s) - BENCH_T0 )) s"
echo "(sweep ms: the portal's log line, inside the sweep; http ms: the POST as curl saw it, page included; µs/case: steady median / open cases)"
printf '%9s %10s %8s %10s | %9s %9s %8s %7s %8s | %10s %9s %8s | %s\n' size open_cases paused open_steps first_ms first_http cards orders notices steady_med steady_http "µs/case" "steady sweeps ms (CPU busy before)"
while IFS=$'\t' read -r size open paused steps fms fhttp cards orders notices med medhttp us gen all busy; do
  printf '%9s %10s %8s %10s | %9s %9s %8s %7s %8s | %10s %9s %8s | %s (%s%%)\n' "$size" "$open" "$paused" "$steps" "$fms" "$fhttp" "$cards" "$orders" "$notices" "$med" "$medhttp" "$us" "$all" "$busy"
done <"$WORK/results.txt"

# Against the target: < 10 s at 1,000,000 open cases, and a flat cost per case from the smallest to the largest size.
read -r S_SIZE S_US <<<"$(head -n 1 "$WORK/results.txt" | awk -F'\t' '{ print $1, $12 }')"
read -r L_SIZE L_OPEN L_FIRST L_MED L_US <<<"$(tail -n 1 "$WORK/results.txt" | awk -F'\t' '{ print $1, $2, $5, $10, $12 }')"
RATIO="$(awk -v a="$L_US" -v b="$S_US" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
if [ "$L_SIZE" -ge "$TARGET_CASES" ]; then
  awk -v med="$L_MED" -v first="$L_FIRST" -v ratio="$RATIO" -v t="$TARGET_MS" -v n="$L_OPEN" -v s="$S_SIZE" -v l="$L_SIZE" 'BEGIN {
    printf "target: sweep over %d open cases < %d ms: steady median %d ms: %s (first sweep %d ms: %s); cost per case %s/%s: ×%s: %s\n",
      n, t, med, (med < t ? "met" : "NOT met"), first, (first < t ? "also under" : "over"), l, s, ratio, (ratio <= 1.25 ? "flat (met)" : "grows (NOT met)") }'
else
  echo "target: < $TARGET_MS ms at $TARGET_CASES open cases: not measured (largest size $L_SIZE; steady median $L_MED ms, first $L_FIRST ms); cost per case $L_SIZE/$S_SIZE: ×$RATIO"
fi
