#!/usr/bin/env bash
# Online-submission benchmark: 16 concurrent applicants, each signed in with its own cookies, doing the
# whole 网上申请 transaction over HTTP (GET the form page, POST the multipart submission with the item's
# fields and one PDF per required material, 302 to /my/cases/{number}), beside PostgreSQL's default
# TPC-B-like pgbench figure (16 clients) on the same machine in the same run. Afterwards the database
# must hold exactly one submitted case per successful submission.
# Usage: bench/intake.sh [seconds]   (default 20 s per measurement)
#   BENCH_USERS (16), BENCH_PORT (5098), BENCH_CODE (000505004000 失业保险金申领), BENCH_FILE_KB (16),
#   BENCH_WARMUP (300 s: the figures are the steady state of a portal that has been serving for a while; on
#   two saturated cores the tiered JIT (with dynamic PGO) keeps compiling newly hot methods for about four
#   minutes of this load — the JIT's perf map grew by 500–1,900 methods per 15 s until ~240 s after the start
#   and by under 15 after ~260 s (2026-12-02); 175–195 s after the start it still took a fifth of the portal's CPU)
#   BENCH_STACK_FLOOR (1: also run the stack floor, bench/FrameworkFloor with the database floor's statements),
#   BENCH_FLOOR_WARMUP (the portal's warm-up), BENCH_FLOOR_PORT (5099), BENCH_KEEP_DB (0)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_RUN="${1:-20}"
USERS="${BENCH_USERS:-16}"
PORT="${BENCH_PORT:-5098}"
CODE="${BENCH_CODE:-000505004000}"
FILE_KB="${BENCH_FILE_KB:-16}"
WARMUP="${BENCH_WARMUP:-300}"
FLOOR_WARMUP="${BENCH_FLOOR_WARMUP:-$WARMUP}"
FLOOR_PORT="${BENCH_FLOOR_PORT:-5099}"
PG_PORT="${GOV_PG_PORT:-55432}"
PG_PASSWORD="${GOV_PG_PASSWORD:-gov-local-dev}"
APP_DB=govservice_bench_intake
PGB_DB=pgbench_bench_intake
. "$ROOT/bench/lib-intake.sh"
. "$ROOT/bench/lib-pg-cpu.sh"

cleanup() {
  stop_process "${PORTAL_PID:-}"
  stop_process "${FLOOR_PID:-}"
  if [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
    for db in "$APP_DB" "$PGB_DB"; do psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$ROOT/gov.sh" db >/dev/null
psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" && psql -d postgres -qc "CREATE DATABASE $APP_DB"
tpcb_figure "$PGB_DB" "$USERS" "$SECONDS_PER_RUN"
build_programs "$ROOT/src/GovService.Web/GovService.Web.csproj" portal portal

echo "== starting the portal on 127.0.0.1:$PORT"
# The login/registration rate limit (20 per minute per IP) is raised for this process only: every virtual applicant
# registers from 127.0.0.1 (submissions issue no licences: the signing key is a throwaway one).
start_published_portal "$PORT" "$APP_DB" Security__LoginRateLimit__PermitLimit=1000

echo "== $USERS applicants: register, warm-up (${WARMUP}s), then online submissions of $CODE (${SECONDS_PER_RUN}s)"
set +e
dotnet "$WORK/load/IntakeLoad.dll" --url "http://127.0.0.1:$PORT" --code "$CODE" --users "$USERS" \
  --warmup "$WARMUP" --seconds "$SECONDS_PER_RUN" --file-kb "$FILE_KB" --numbers "$WORK/numbers.txt" \
  --portal-pid "$PORTAL_PID" --pg-db "$APP_DB" | tee "$WORK/load.txt"
LOAD_STATUS=${PIPESTATUS[0]}
set -e
RSS_KB="$(ps -o rss= -p "$PORTAL_PID" | tr -d ' ')"
# Stopped before the database floor below: its figure is the CPU of this database's backends, and the portal's
# pooled connections (closed when idle) would come and go inside the floor's window.
stop_process "$PORTAL_PID"
PORTAL_PID=
RESULT="$(grep '^RESULT' "$WORK/load.txt" || true)"
[ -n "$RESULT" ] || { tail -n 30 "$WORK/portal.log"; echo "load driver failed (exit $LOAD_STATUS)" >&2; exit 1; }
# Field $1 of the driver's RESULT line ($2, or the portal's).
field() { grep -Eo "(^| )$1=[^ ]+" <<<"${2:-$RESULT}" | cut -d= -f2; }

# Every submission the driver saw succeed is one submitted case in the database, with its own number
# and its required files; no other case of these applicants exists (a failed post would leave a draft).
psql -d "$APP_DB" -Atc "SELECT number FROM gov.int_cases WHERE applicant_name LIKE '压测申请人%' AND number IS NOT NULL ORDER BY number" >"$WORK/db-numbers.txt"
read -r DB_SUBMITTED DB_DISTINCT DB_DRAFTS DB_OTHER <<<"$(psql -d "$APP_DB" -AtF' ' -c "
  SELECT count(*) FILTER (WHERE state = 2), count(DISTINCT number) FILTER (WHERE state = 2),
         count(*) FILTER (WHERE state = 1), count(*) FILTER (WHERE state NOT IN (1, 2))
  FROM gov.int_cases WHERE applicant_name LIKE '压测申请人%'")"
DB_FILES="$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM gov.int_case_files f JOIN gov.int_cases c ON c.id = f.case_id WHERE c.applicant_name LIKE '压测申请人%' AND c.state = 2 AND f.replaced_at IS NULL")"
REQUIRED="$(grep -Eo 'positions \[[0-9, ]*\]' "$WORK/load.txt" | grep -Eo '[0-9]+' | wc -l)"
CLIENT_OK="$(field total_ok)"
if [ "$DB_SUBMITTED" = "$CLIENT_OK" ] && [ "$DB_DISTINCT" = "$CLIENT_OK" ] && [ "$DB_DRAFTS" = 0 ] && [ "$DB_OTHER" = 0 ] \
   && [ "$DB_FILES" = "$((CLIENT_OK * REQUIRED))" ] && [ "$(field duplicates)" = 0 ] && diff -q "$WORK/numbers.txt" "$WORK/db-numbers.txt" >/dev/null; then
  CHECK="consistent: $DB_SUBMITTED submitted cases = $CLIENT_OK successful submissions (warm-up included), same numbers, no duplicates, no drafts, $DB_FILES files"
  CHECK_OK=1
else
  CHECK="MISMATCH: driver saw $CLIENT_OK successes (duplicates $(field duplicates)); database has $DB_SUBMITTED submitted ($DB_DISTINCT distinct numbers), $DB_DRAFTS drafts, $DB_OTHER other, $DB_FILES files"
  CHECK_OK=0
fi

# The database floor: PostgreSQL's CPU for the least any implementation must write and read per submission
# (bench/floor-db.sql: one case row, two scans, a step, an audit entry, a number, two look-ups), run by pgbench
# against the same tables, now full of this run's cases. Measured over a window inside the run, on the backends
# of this database, as the driver measures the portal's (per transaction = CPU ticks / transactions in the window).
# Not fatal: a failed floor run (or a run without a submitted case to copy) leaves the main figures standing.
FLOOR_TPS=0 FLOOR_PG_MS=0 FLOOR_NOTE="not measured"
database_floor() {
  # Ids are time-ordered like the portal's (Guid.CreateVersion7): random ones would scatter the primary-key inserts.
  psql -d "$APP_DB" -qc "CREATE SCHEMA floor" -c "CREATE SEQUENCE floor.numbers" \
    -c "CREATE FUNCTION floor.uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS \$\$ SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
          placing substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid \$\$" \
    -c "CREATE TABLE floor.case_template AS SELECT * FROM gov.int_cases WHERE applicant_name LIKE '压测申请人%' AND state = 2 LIMIT 1" \
    -c "CREATE TABLE floor.scan_template AS SELECT f.* FROM gov.int_case_files f JOIN floor.case_template t ON t.id = f.case_id" || return 1
  if [ "$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM floor.scan_template")" = 0 ]; then
    FLOOR_NOTE="skipped: no submitted case to copy"
    return 0
  fi
  echo "== database floor: bench/floor-db.sql, $USERS clients, ${SECONDS_PER_RUN}s"
  "$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U gov -n -M prepared -f "$ROOT/bench/floor-db.sql" -c "$USERS" -j 2 -P 1 -T "$((SECONDS_PER_RUN + 4))" "$APP_DB" \
    >"$WORK/floor-db.txt" 2>&1 &
  local pgb=$! a b ticks txns
  sleep 2; a="$(backend_ticks "$APP_DB")"; sleep "$SECONDS_PER_RUN"; b="$(backend_ticks "$APP_DB")"
  ticks="$(backend_ticks_between "$a" "$b")"
  if ! wait "$pgb"; then
    FLOOR_NOTE="failed: $(grep -m 1 -E 'ERROR|error' "$WORK/floor-db.txt" || tail -n 1 "$WORK/floor-db.txt")"
    return 0
  fi
  txns="$(awk -v from=3 -v to="$((SECONDS_PER_RUN + 2))" '/^progress:/ { t = $2 + 0; if (t >= from && t <= to) s += $4 } END { printf "%.0f", s }' "$WORK/floor-db.txt")"
  FLOOR_TPS="$(grep -Eo 'tps = [0-9.]+' "$WORK/floor-db.txt" | head -n 1 | cut -d' ' -f3)"
  FLOOR_PG_MS="$(awk -v t="$ticks" -v n="$txns" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0) }')"
  FLOOR_NOTE="$ticks ticks of 1/$(getconf CLK_TCK) s for $txns transactions in ${SECONDS_PER_RUN} s"
}
database_floor || FLOOR_NOTE="failed to set up (see above)"

# The stack floor: the least implementation of an online submission on the fixed stack — bench/FrameworkFloor
# (ASP.NET Core MVC + Razor: the same sign-in cookie, the portal's captured form page, antiforgery, the multipart
# post read and hashed, 302) sending the database floor's statements with the uploaded bytes (Npgsql, two round
# trips: the look-ups, then one batch), driven by the same driver with the same warm-up rule. Beside the same pgbench
# figure it says what ratio any portal on this stack could reach on this machine in this hour.
STACK_RATE=0 STACK_NOTE="not measured"
stack_floor() {
  [ "$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM floor.case_template" 2>/dev/null)" = 1 ] || { STACK_NOTE="skipped: no submitted case to copy"; return 0; }
  publish_program "$ROOT/bench/FrameworkFloor/FrameworkFloor.csproj" floor || { STACK_NOTE="floor app build failed (errors above)"; return 0; }
  echo "== stack floor: bench/FrameworkFloor with the database floor's statements on 127.0.0.1:$FLOOR_PORT, warm-up ${FLOOR_WARMUP}s, ${SECONDS_PER_RUN}s"
  (
    cd "$WORK/floor"
    ConnectionStrings__Floor="Host=127.0.0.1;Port=$PG_PORT;Username=gov;Password=$PG_PASSWORD;Database=$APP_DB;Maximum Pool Size=64" \
    ASPNETCORE_ENVIRONMENT=Production exec dotnet FrameworkFloor.dll --urls "http://127.0.0.1:$FLOOR_PORT"
  ) >"$WORK/floor.log" 2>&1 &
  FLOOR_PID=$!
  wait_until_serving "http://127.0.0.1:$FLOOR_PORT/account/register" "$FLOOR_PID" \
    || { STACK_NOTE="floor app did not start: $(tail -n 3 "$WORK/floor.log" | tr '\n' ' ')"; stop_process "$FLOOR_PID"; FLOOR_PID=; return 0; }
  dotnet "$WORK/load/IntakeLoad.dll" --url "http://127.0.0.1:$FLOOR_PORT" --code "$CODE" --users "$USERS" \
    --warmup "$FLOOR_WARMUP" --seconds "$SECONDS_PER_RUN" --file-kb "$FILE_KB" --portal-pid "$FLOOR_PID" --pg-db "$APP_DB" >"$WORK/stack.txt" 2>&1 || true
  stop_process "$FLOOR_PID"
  FLOOR_PID=
  local result
  result="$(grep '^RESULT' "$WORK/stack.txt" || true)"
  if [ -z "$result" ]; then
    STACK_NOTE="failed: $(tail -n 3 "$WORK/stack.txt" | tr '\n' ' ') $(tail -n 3 "$WORK/floor.log" | tr '\n' ' ')"
    return 0
  fi
  STACK_RATE="$(field rate "$result")"
  STACK_NOTE="errors $(field errors "$result"), POST p95 $(field post_p95_ms "$result") ms; CPU per submission: app $(field cpu_portal_ms "$result") ms, PostgreSQL $(field cpu_pg_ms "$result") ms; machine busy $(field cpu_machine_pct "$result")%"
}
if [ "${BENCH_STACK_FLOOR:-1}" = 1 ]; then stack_floor; fi

RATE="$(field rate)"
P95="$(field post_p95_ms)"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F)"
echo "pgbench TPC-B-like: tps=$PG_TPS latency_avg_ms=$PG_LAT ($USERS clients)"
echo "online submissions: rate=${RATE}/s submissions=$(field submissions) errors=$(field errors) ($USERS applicants, item $CODE, ${FILE_KB} KB per file)"
echo "  POST submit:      p50=$(field post_p50_ms) ms p95=$P95 ms p99=$(field post_p99_ms) ms"
echo "  GET + POST:       p50=$(field txn_p50_ms) ms p95=$(field txn_p95_ms) ms p99=$(field txn_p99_ms) ms"
echo "  CPU per submission: portal $(field cpu_portal_ms) ms, PostgreSQL $(field cpu_pg_ms) ms; machine busy $(field cpu_machine_pct)% of $(($(nproc) * 100))%, other processes $(field cpu_other_pct)%"
echo "database check:     $CHECK"
echo "portal RSS after:   $((RSS_KB / 1024)) MiB"
echo "database floor:     ${FLOOR_TPS} tps of bench/floor-db.sql alone; PostgreSQL CPU ${FLOOR_PG_MS} ms per minimal submission ($FLOOR_NOTE)"
echo "stack floor:        ${STACK_RATE}/s of bench/FrameworkFloor with the database floor's statements ($STACK_NOTE)"
# The ceiling: were the portal and the driver free, PostgreSQL's own CPU per submission would still allow at most
# cores × 1000 / that many submissions per second on this machine.
awk -v r="$RATE" -v t="$PG_TPS" -v p="$P95" -v pg="$(field cpu_pg_ms)" -v floor="$FLOOR_PG_MS" -v ftps="$FLOOR_TPS" -v stack="$STACK_RATE" -v cores="$(nproc)" 'BEGIN {
  ratio = r / t
  printf "ratio submissions/s / pgbench tps = %.3f  (target >= 0.3: %s)\n", ratio, (ratio >= 0.3 ? "met" : "NOT met")
  if (pg > 0) printf "  ceiling set by PostgreSQL CPU alone (%s ms per submission, were portal and driver free): %.0f/s = ratio %.2f\n", pg, cores * 1000 / pg, cores * 1000 / pg / t
  if (floor > 0) {
    printf "  a ratio of 0.3 leaves %.2f ms of CPU per submission for everything; the database floor alone takes %.2f ms of it (bench/floor.sh: the framework floor)\n", cores * 1000 / (0.3 * t), floor
    printf "  the database floor run by pgbench alone, with no web app at all: %.0f/s = ratio %.2f\n", ftps, ftps / t
  }
  if (stack > 0) printf "  the least implementation on this stack (stack floor: MVC + Razor + the database floor): %.0f/s = ratio %.2f\n", stack, stack / t
  printf "POST p95 = %s ms  (target < 150 ms: %s)\n", p, (p < 150 ? "met" : "NOT met")
}'
[ "$CHECK_OK" = 1 ] && [ "$LOAD_STATUS" = 0 ]
