#!/usr/bin/env bash
# Fault drills (issue 8): the portal under load while PostgreSQL restarts, and the portal killed in the middle
# of decisions. Prints what happened and whether anything was lost or doubled; exit code 0 only when nothing was.
#
#   1. PostgreSQL restart under load: 8 signed-in applicants submit online (bench/IntakeLoad, --retry-seconds:
#      a failed POST is sent again with the same ApplicationKey, as a person presses "submit" again) while
#      /health/ready is polled every 0.2 s; after 15 s PostgreSQL is restarted (pg_ctl restart -m fast).
#      Checks: health went unready and came back by itself; every submission the applicants saw succeed is one
#      submitted case, none twice, no draft left behind; Hangfire ran a scheduled job after the restart (a lock
#      row the restart orphaned is cleared after Jobs:LockTimeoutSeconds, 90 s).
#   2. Kill during decisions: 20,000 cases of the last 30 days generated (bench/generate-cases.sql) (bench/generate-cases.sql), the 市场监管局
#      reviewer's decidable steps approved by 6 parallel clients (claim + decide over HTTP), the portal killed
#      with SIGKILL after 4 s, then started again. Checks, for every step the clients touched (those in flight
#      at the kill included): either decided with the case approved and its licence issued, or not decided at
#      all (step still open, case in review, no licence, no decision recorded) — nothing in between.
#
# Usage: bench/faults.sh            (BENCH_PORT 5096; runs the local PostgreSQL of ./gov.sh, which it restarts)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${BENCH_PORT:-5096}"
PG_PORT="${GOV_PG_PORT:-55432}"
PG_PASSWORD="${GOV_PG_PASSWORD:-gov-local-dev}"
APP_DB=govservice_bench_faults
URL="http://127.0.0.1:$PORT"
. "$ROOT/bench/lib-intake.sh"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
now() { date +%s.%N | cut -c1-14; }
FAILED=0
fail() { echo "FAILED: $*"; FAILED=1; }

stop_portal() { stop_process "${PORTAL_PID:-}"; }
cleanup() {
  stop_portal
  [ -n "${POLLER_PID:-}" ] && kill "$POLLER_PID" 2>/dev/null || true
  if [ "${BENCH_KEEP_DB:-0}" != 1 ]; then psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$ROOT/gov.sh" db >/dev/null
DATA_DIR="$(psql -d postgres -Atc 'SHOW data_directory')"
psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" && psql -d postgres -qc "CREATE DATABASE $APP_DB"

build_programs "$ROOT/src/GovService.Web/GovService.Web.csproj" portal portal

start_portal() {
  (
    cd "$WORK/portal"
    ConnectionStrings__Gov="Host=127.0.0.1;Port=$PG_PORT;Username=gov;Password=$PG_PASSWORD;Database=$APP_DB;Maximum Pool Size=64" \
    ASPNETCORE_ENVIRONMENT=Production Seed__Demo=true Jobs__RunServer=true Serilog__MinimumLevel__Default=Warning \
    Security__LoginRateLimit__PermitLimit=1000 \
    Certificates__Signing__KeyFile="$WORK/licence-signing-key.pem" Certificates__Signing__GenerateIfMissing=true \
    Logging__FilePath="$WORK/log-.txt" \
    exec dotnet GovService.Web.dll --urls "$URL"
  ) >>"$WORK/portal.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$URL/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$PORTAL_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 30 "$WORK/portal.log"; echo "portal did not start" >&2; exit 1
}

echo "== starting the portal on $URL (Hangfire server on)"
start_portal

echo
echo "== 1. PostgreSQL restart under load"
( while true; do printf '%s %s\n' "$(now)" "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/health/ready")"; sleep 0.2; done ) >"$WORK/health.txt" &
POLLER_PID=$!
set +e
dotnet "$WORK/load/IntakeLoad.dll" --url "$URL" --code 000505004000 --users 8 --warmup 2 --seconds 35 --file-kb 16 \
  --retry-seconds 90 --numbers "$WORK/numbers.txt" >"$WORK/load.txt" 2>&1 &
LOAD_PID=$!
sleep 15
RESTART_AT="$(now)"
RESTART_SQL_AT="$(date -u '+%F %T')"
as_pg "$BIN/pg_ctl" -D "$DATA_DIR" restart -m fast -w -t 60 -l "$DATA_DIR/server.log" >/dev/null
RESTARTED_AT="$(now)"
wait "$LOAD_PID"
LOAD_STATUS=$?
set -e
sleep 2
kill "$POLLER_PID" 2>/dev/null || true
POLLER_PID=""
RESULT="$(grep '^RESULT' "$WORK/load.txt" || true)"
[ -n "$RESULT" ] || { cat "$WORK/load.txt"; tail -n 30 "$WORK/portal.log"; echo "load driver failed (exit $LOAD_STATUS)" >&2; exit 1; }
field() { grep -Eo "(^| )$1=[^ ]+" <<<"$RESULT" | cut -d= -f2; }

read -r UNREADY_FROM UNREADY_TO UNREADY_COUNT <<<"$(awk -v r="$RESTART_AT" '
  $1 >= r - 1 && $2 != "200" && from == "" { from = $1 }
  from != "" && $2 != "200" { n++ }
  from != "" && to == "" && $2 == "200" { to = $1 }
  END { print (from == "" ? "-" : from), (to == "" ? "-" : to), n + 0 }' "$WORK/health.txt")"
echo "pg_ctl restart: $(awk -v a="$RESTART_AT" -v b="$RESTARTED_AT" 'BEGIN { printf "%.1f", b - a }') s"
if [ "$UNREADY_FROM" = "-" ]; then
  fail "/health/ready never went unready during the restart"
elif [ "$UNREADY_TO" = "-" ]; then
  fail "/health/ready did not come back"
else
  echo "health: unready $(awk -v a="$RESTART_AT" -v b="$UNREADY_FROM" 'BEGIN { printf "%.1f", b - a }') s after the restart began, ready again $(awk -v a="$UNREADY_FROM" -v b="$UNREADY_TO" 'BEGIN { printf "%.1f", b - a }') s later ($UNREADY_COUNT unready answers), without any action"
fi

psql -d "$APP_DB" -Atc "SELECT number FROM gov.int_cases WHERE applicant_name LIKE '压测申请人%' AND number IS NOT NULL AND state = 2 ORDER BY number" >"$WORK/db-numbers.txt"
sort "$WORK/numbers.txt" >"$WORK/client-numbers.txt"
read -r DB_SUBMITTED DB_DISTINCT DB_DRAFTS <<<"$(psql -d "$APP_DB" -AtF' ' -c "
  SELECT count(*) FILTER (WHERE state = 2), count(DISTINCT number) FILTER (WHERE state = 2), count(*) FILTER (WHERE state = 1)
  FROM gov.int_cases WHERE applicant_name LIKE '压测申请人%'")"
CLIENT_OK="$(field total_ok)"
echo "submissions: $CLIENT_OK succeeded for the applicants ($(field retried_posts) form loads or posts repeated while the database was away, $(field submissions_retried) submissions affected, $(field errors) given up), rate $(field rate)/s over the timed run"
echo "database:    $DB_SUBMITTED submitted cases, $DB_DISTINCT distinct numbers, $DB_DRAFTS drafts left"
if [ "$DB_SUBMITTED" = "$CLIENT_OK" ] && [ "$DB_DISTINCT" = "$CLIENT_OK" ] && [ "$(field duplicates)" = 0 ] && diff -q "$WORK/client-numbers.txt" "$WORK/db-numbers.txt" >/dev/null; then
  echo "check:       no accepted submission lost, none stored twice (same numbers on both sides)"
else
  fail "submissions: the applicants saw $CLIENT_OK succeed (duplicates $(field duplicates)); the database has $DB_SUBMITTED submitted, $DB_DISTINCT distinct"
fi
[ "$DB_DRAFTS" = 0 ] || echo "note:        $DB_DRAFTS drafts: submissions whose every retry failed ($(field errors) errors reported)"

# Hangfire: a scheduled job (the audit seal, every minute) created and succeeded after the restart.
HANGFIRE_OK=0
for _ in $(seq 1 90); do
  if [ "$(psql -d "$APP_DB" -Atc "SELECT count(*) FROM hangfire.job WHERE createdat > '$RESTART_SQL_AT'::timestamp AND statename = 'Succeeded'")" -gt 0 ]; then HANGFIRE_OK=1; break; fi
  sleep 2
done
if [ "$HANGFIRE_OK" = 1 ]; then
  echo "hangfire:    jobs scheduled after the restart ran: $(psql -d "$APP_DB" -Atc "SELECT string_agg(DISTINCT p.value, ', ') FROM hangfire.job j JOIN hangfire.jobparameter p ON p.jobid = j.id AND p.name = 'RecurringJobId' WHERE j.createdat > '$RESTART_SQL_AT'::timestamp AND j.statename = 'Succeeded'")"
else
  fail "no Hangfire job succeeded within 180 s after the restart"
fi

echo
echo "== 2. Kill -9 during decisions"
psql -d "$APP_DB" -q -v cases=20000 -v days=30 -f "$ROOT/bench/generate-cases.sql" >/dev/null
REVIEWER_DEPT="$(psql -d "$APP_DB" -Atc "SELECT department_id FROM gov.org_staff s JOIN gov.acc_users u ON u.id = s.user_id WHERE u.user_name = 'reviewer'")"
REVIEWER_STAFF="$(psql -d "$APP_DB" -Atc "SELECT s.id FROM gov.org_staff s JOIN gov.acc_users u ON u.id = s.user_id WHERE u.user_name = 'reviewer'")"
psql -d "$APP_DB" -Atc "
  SELECT t.id FROM gov.apr_tasks t JOIN gov.int_cases c ON c.id = t.case_id
  WHERE t.state = 2 AND t.decides AND t.department_id = '$REVIEWER_DEPT' AND c.state = 7
    AND (t.claimed_by_staff_id IS NULL OR t.claimed_by_staff_id = '$REVIEWER_STAFF')
    AND EXISTS (SELECT 1 FROM gov.crt_licence_types lt WHERE lt.basic_code = t.basic_code)
  ORDER BY t.id LIMIT 1500" >"$WORK/tasks.txt"
echo "decidable steps with a licence to issue: $(wc -l <"$WORK/tasks.txt")"
[ -s "$WORK/tasks.txt" ] || { fail "no decidable steps generated"; exit 1; }

JAR="$WORK/reviewer.jar"
LOGIN_PAGE="$(curl -s -c "$JAR" -b "$JAR" "$URL/account/login")"
TOKEN="$(grep -m 1 -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$LOGIN_PAGE" | sed 's/.*value="//; s/"$//')"
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "__RequestVerificationToken=$TOKEN" --data-urlencode "Account=reviewer" --data-urlencode "Password=Gov2026demo" "$URL/account/login"
TOKEN="$(curl -s -c "$JAR" -b "$JAR" "$URL/review" >"$WORK/review.html"; grep -m 1 -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$WORK/review.html" | sed 's/.*value="//; s/"$//')"
[ -n "$TOKEN" ] || { fail "reviewer login failed"; exit 1; }

decide() {
  local id="$1" claim decided
  echo "start $id" >>"$WORK/decisions.log"
  claim="$(curl -s -o /dev/null -w '%{http_code}' -m 30 -b "$JAR" --data-urlencode "__RequestVerificationToken=$TOKEN" "$URL/review/tasks/$id/claim")"
  decided="$(curl -s -o /dev/null -w '%{http_code}' -m 30 -b "$JAR" --data-urlencode "__RequestVerificationToken=$TOKEN" \
    --data-urlencode "Opinion=符合条件，准予许可" --data-urlencode "Decision=approve" "$URL/review/tasks/$id/decide")"
  echo "done $id $claim $decided" >>"$WORK/decisions.log"
}
export -f decide
export WORK JAR TOKEN URL
: >"$WORK/decisions.log"
xargs -P 6 -n 1 bash -c 'decide "$0"' <"$WORK/tasks.txt" >/dev/null 2>&1 &
DRIVER_PID=$!
sleep 4
kill -9 "$PORTAL_PID"
KILLED_AT="$(now)"
wait "$PORTAL_PID" 2>/dev/null || true
PORTAL_PID=""
sleep 1
kill "$DRIVER_PID" 2>/dev/null || true
pkill -f "decide " 2>/dev/null || true
wait "$DRIVER_PID" 2>/dev/null || true
DONE_OK="$(grep -c '^done .* 302 302$' "$WORK/decisions.log" || true)"
awk '$1 == "start" { s[$2] = 1 } $1 == "done" { delete s[$2] } END { for (k in s) print k }' "$WORK/decisions.log" >"$WORK/in-flight.txt"
awk '$1 == "start" { print $2 }' "$WORK/decisions.log" | sort -u >"$WORK/touched.txt"
echo "answers before the kill (claim/decide: count): $(awk '$1 == "done" { print $3 "/" $4 }' "$WORK/decisions.log" | sort | uniq -c | awk '{ printf "%s%s: %s", (n++ ? ", " : ""), $2, $1 }')"
echo "killed the portal (SIGKILL) with $(wc -l <"$WORK/in-flight.txt") decisions in flight; $DONE_OK decisions answered 302 before the kill, $(wc -l <"$WORK/touched.txt") steps touched"

echo "== starting the portal again"
start_portal
echo "ready again $(awk -v a="$KILLED_AT" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }') s after the kill"

# Every touched step: decided (step Decided, case Approved/awaiting delivery, a licence, an Approve action) or
# untouched (step Open, case InReview, no licence, no Approve action). Anything else is a half decision.
ID_LIST="$(sed "s/.*/'&'/" "$WORK/touched.txt" | paste -sd, -)"
INFLIGHT_LIST="$(sed "s/.*/'&'/" "$WORK/in-flight.txt" | paste -sd, -)"
read -r DECIDED UNDECIDED HALF HALF_INFLIGHT <<<"$(psql -d "$APP_DB" -AtF' ' -c "
  WITH touched AS (
    SELECT t.id, t.state AS step_state, c.state AS case_state,
           EXISTS (SELECT 1 FROM gov.crt_licences l WHERE l.case_id = c.id) AS licence,
           EXISTS (SELECT 1 FROM gov.apr_task_actions a WHERE a.task_id = t.id AND a.action = 'Approve') AS approve_action
    FROM gov.apr_tasks t JOIN gov.int_cases c ON c.id = t.case_id WHERE t.id IN ($ID_LIST)),
  judged AS (
    SELECT id, CASE
      WHEN step_state = 7 AND case_state IN (9, 11, 12) AND licence AND approve_action THEN 'decided'
      WHEN step_state = 2 AND case_state = 7 AND NOT licence AND NOT approve_action THEN 'undecided'
      ELSE 'half' END AS verdict
    FROM touched)
  SELECT count(*) FILTER (WHERE verdict = 'decided'), count(*) FILTER (WHERE verdict = 'undecided'),
         count(*) FILTER (WHERE verdict = 'half'), count(*) FILTER (WHERE verdict = 'half' AND id IN (${INFLIGHT_LIST:-NULL}))
  FROM judged")"
echo "steps touched: $DECIDED decided with licence issued, $UNDECIDED not decided at all, $HALF half-done ($HALF_INFLIGHT of them in flight at the kill)"
[ "$DECIDED" -ge "$DONE_OK" ] || fail "$DONE_OK decisions were confirmed (302) but only $DECIDED steps are decided"
[ "$HALF" = 0 ] || fail "$HALF steps are half decided"

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F)"
[ "$FAILED" = 0 ] && echo "faults: nothing lost, nothing doubled, nothing half done" || echo "faults: FAILED (see above)"
exit "$FAILED"
