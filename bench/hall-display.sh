#!/usr/bin/env bash
# Calling-display benchmark (issue 29): the county centre's calling screens while its clerks call. 200 SignalR clients
# connect to /hubs/hall and watch the county centre as its display page (/hall/{hallId}/display) does; the hall's
# queues are filled at the kiosk (/hall/{hallId}/kiosk: hundreds of tickets over every category, a quarter with an
# ID number, so the elderly go first, a third with a mobile number for 无声叫号); then several clerks, each signed in
# and at their own window's panel (/hall/desk/windows/{id}), loop: 叫号 → wait until EVERY display has the call naming
# that ticket → 开始办理 + 办结 (every tenth: 过号) → 叫号 again, while one new person per call takes a ticket at the
# kiosk. Per call: the call-next POST, the time from sending it until the last of the displays has it, and every
# delivery (p50/p95/p99); the portal's memory before the displays connect, with them, and its peak; errors. Then the
# SignalR echo floor (bench/HallFloor: one hub, one POST broadcasting the portal's captured message to the group),
# driven by the same driver the same way on the same machine right after — each caller paced to the portal's call
# rate, so both sides carry the same number of calls per second (BENCH_FLOOR_PACE=0: as fast as the floor answers) —
# and the ratio.
# Usage: bench/hall-display.sh [seconds]   (default 60 s measured, after a warm-up)
#   BENCH_DISPLAYS (200), BENCH_CLERKS (6: clerk, chief and, from the third on, clerks bench.clerkN the administrator
#   adds at /admin/staff/new; at most 9, the county centre's windows), BENCH_PREFILL (400 tickets), BENCH_WARMUP (15 s),
#   BENCH_ABSENT_EVERY (10), BENCH_THINK_MS (0: a clerk calls again as soon as the last call is done — far faster than
#   any real window, so the hall calls several times a second), BENCH_PORT (5093), BENCH_FLOOR_PORT (5092),
#   BENCH_FLOOR_PACE (1), BENCH_KEEP_DB (0)
# Target (issue 29): call → last display p95 < 500 ms.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# WORK, BIN, psql (with PG_PORT, set below before any use), publish_program, wait_until_serving, stop_process.
. "$ROOT/bench/lib-intake.sh"
SECONDS_PER_RUN="${1:-60}"
DISPLAYS="${BENCH_DISPLAYS:-200}"
CLERKS="${BENCH_CLERKS:-6}"
PREFILL="${BENCH_PREFILL:-400}"
WARMUP="${BENCH_WARMUP:-15}"
ABSENT_EVERY="${BENCH_ABSENT_EVERY:-10}"
THINK_MS="${BENCH_THINK_MS:-0}"
PORT="${BENCH_PORT:-5093}"
FLOOR_PORT="${BENCH_FLOOR_PORT:-5092}"
PG_PORT="${GOV_PG_PORT:-55432}"
APP_DB=govservice_bench_hall

cleanup() {
  stop_process "${PORTAL_PID:-}"
  stop_process "${FLOOR_PID:-}"
  if [ "${BENCH_KEEP_DB:-0}" != 1 ]; then psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
[ "$CLERKS" -ge 1 ] && [ "$CLERKS" -le 9 ] || { echo "BENCH_CLERKS must be 1 to 9 (the county centre has 9 windows)" >&2; exit 2; }

"$ROOT/gov.sh" db >/dev/null
psql -d postgres -qc "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" && psql -d postgres -qc "CREATE DATABASE $APP_DB"
echo "== building the portal and bench/HallFloor (Release) and the driver bench/HallLoad"
publish_program "$ROOT/src/GovService.Web/GovService.Web.csproj" portal || { echo "portal build failed" >&2; exit 1; }
publish_program "$ROOT/bench/HallFloor/HallFloor.csproj" floor || { echo "floor build failed" >&2; exit 1; }
dotnet build "$ROOT/bench/HallLoad/HallLoad.csproj" -c Release -nologo -v quiet -o "$WORK/load" >"$WORK/build-load.log" 2>&1 \
  || { grep -E "error" "$WORK/build-load.log" | sort -u | head -n 20 >&2; echo "driver build failed" >&2; exit 1; }

echo "== starting the portal on 127.0.0.1:$PORT (demo county, Hangfire server off as in bench/intake.sh)"
# Production settings; Hall:NotifyInstances stays on (the default): every call reaches the screens through PostgreSQL
# NOTIFY, as with several instances.
start_published_portal "$PORT" "$APP_DB"

HALL="$(psql -d "$APP_DB" -Atc "SELECT id FROM gov.org_halls WHERE name = '云溪县政务服务中心'")"
[ -n "$HALL" ] || { echo "the demo county's centre 云溪县政务服务中心 is missing" >&2; exit 1; }
WINDOWS="$(psql -d "$APP_DB" -Atc "SELECT string_agg(id::text, ',' ORDER BY number) FROM (SELECT id, number FROM gov.org_hall_windows WHERE hall_id = '$HALL' ORDER BY number LIMIT $CLERKS) w")"
# The seeded logins of the county centre first (李娜 the clerk, 王强 the chief representative), then new clerks.
ACCOUNTS="clerk,chief" CREATE=""
for i in $(seq 3 "$CLERKS"); do ACCOUNTS="$ACCOUNTS,bench.clerk$i"; CREATE="$CREATE${CREATE:+,}bench.clerk$i"; done
ACCOUNTS="$(cut -d, -f1-"$CLERKS" <<<"$ACCOUNTS")"

echo "== $DISPLAYS displays, $CLERKS clerks, $PREFILL tickets: warm-up ${WARMUP}s, then ${SECONDS_PER_RUN}s"
set +e
dotnet "$WORK/load/HallLoad.dll" --mode portal --url "http://127.0.0.1:$PORT" --hall "$HALL" --windows "$WINDOWS" \
  --accounts "$ACCOUNTS" --create "$CREATE" --displays "$DISPLAYS" --prefill "$PREFILL" --warmup "$WARMUP" \
  --seconds "$SECONDS_PER_RUN" --absent-every "$ABSENT_EVERY" --think-ms "$THINK_MS" --portal-pid "$PORTAL_PID" \
  --sample "$WORK/called.json" | tee "$WORK/load.txt"
LOAD_STATUS=${PIPESTATUS[0]}
set -e
# Every call the driver saw is one ticket of the hall called once: the database agrees.
read -r DB_CALLED DB_TWICE <<<"$(psql -d "$APP_DB" -AtF' ' -c "
  SELECT count(*) FILTER (WHERE called_at IS NOT NULL), (SELECT count(*) FROM (SELECT code FROM gov.hal_tickets WHERE hall_id = '$HALL' GROUP BY day, code HAVING count(*) > 1) d)
  FROM gov.hal_tickets WHERE hall_id = '$HALL'")"
stop_process "$PORTAL_PID"
PORTAL_PID=
RESULT="$(grep '^RESULT' "$WORK/load.txt" || true)"
[ -n "$RESULT" ] || { tail -n 30 "$WORK/portal.log"; echo "load driver failed (exit $LOAD_STATUS)" >&2; exit 1; }
field() { grep -Eo "(^| )$1=[^ ]+" <<<"${2:-$RESULT}" | cut -d= -f2; }

# Each of the floor's callers starts a call at most every PACE_MS: the portal's calls per second, spread the same way.
PACE_MS=0
if [ "${BENCH_FLOOR_PACE:-1}" = 1 ]; then PACE_MS="$(awk -v r="$(field rate)" -v c="$CLERKS" 'BEGIN { printf "%d", (r > 0 ? c * 1000 / r : 0) }')"; fi
echo "== SignalR echo floor: bench/HallFloor on 127.0.0.1:$FLOOR_PORT, the same driver, $DISPLAYS displays, $CLERKS callers$([ "$PACE_MS" -gt 0 ] && echo ", each calling at most every $PACE_MS ms (the portal's rate)")"
(
  cd "$WORK/floor"
  HALL_FLOOR_SAMPLE="$WORK/called.json" ASPNETCORE_ENVIRONMENT=Production exec dotnet HallFloor.dll --urls "http://127.0.0.1:$FLOOR_PORT"
) >"$WORK/floor.log" 2>&1 &
FLOOR_PID=$!
wait_until_serving "http://127.0.0.1:$FLOOR_PORT/hall/$HALL/display" "$FLOOR_PID" 60 || { tail -n 30 "$WORK/floor.log"; echo "floor did not start" >&2; exit 1; }
set +e
dotnet "$WORK/load/HallLoad.dll" --mode floor --url "http://127.0.0.1:$FLOOR_PORT" --hall "$HALL" --windows "$(seq -s, 1 "$CLERKS")" \
  --displays "$DISPLAYS" --warmup "$WARMUP" --seconds "$SECONDS_PER_RUN" --think-ms "$THINK_MS" --pace-ms "$PACE_MS" --portal-pid "$FLOOR_PID" | tee "$WORK/floor.txt"
FLOOR_STATUS=${PIPESTATUS[0]}
set -e
stop_process "$FLOOR_PID"
FLOOR_PID=
FLOOR="$(grep '^RESULT' "$WORK/floor.txt" || true)"
[ -n "$FLOOR" ] || { tail -n 30 "$WORK/floor.log"; echo "floor driver failed (exit $FLOOR_STATUS)" >&2; exit 1; }

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F)"
for side in portal floor; do
  r="$RESULT"; name="portal (叫号 → 显示屏)"
  [ "$side" = floor ] && { r="$FLOOR"; name="SignalR echo floor (bench/HallFloor)"; }
  echo "$name: calls=$(field calls "$r") rate=$(field rate "$r")/s errors=$(field errors "$r") (undelivered $(field undelivered "$r"), reconnects $(field reconnects "$r"), connected $(field connected "$r")/$DISPLAYS) message $(field message_bytes "$r") bytes"
  echo "  call POST:          p50=$(field post_p50_ms "$r") ms p95=$(field post_p95_ms "$r") ms p99=$(field post_p99_ms "$r") ms"
  echo "  call → last display: p50=$(field last_p50_ms "$r") ms p95=$(field last_p95_ms "$r") ms p99=$(field last_p99_ms "$r") ms"
  echo "  call → each display: p50=$(field each_p50_ms "$r") ms p95=$(field each_p95_ms "$r") ms p99=$(field each_p99_ms "$r") ms"
  echo "  memory (RSS):       before the displays $(field rss_before_mb "$r") MiB, with $DISPLAYS displays $(field rss_displays_mb "$r") MiB, at the end $(field rss_end_mb "$r") MiB, peak $(field rss_peak_mb "$r") MiB"
  echo "  CPU:                $(field cpu_per_call_ms "$r") ms per call; app $(field cpu_app_pct "$r")% and driver $(field cpu_driver_pct "$r")% of one core"
done
echo "  (the portal's cycle also sends the displays a \"queue\" message per 办结/过号 and per kiosk ticket: $(field queue_messages) received; $(field issued) tickets issued)"
echo "database check: $DB_CALLED tickets called (warm-up included), $DB_TWICE codes issued twice"
awk -v p="$(field last_p95_ms)" -v f="$(field last_p95_ms "$FLOOR")" -v pe="$(field each_p95_ms)" -v fe="$(field each_p95_ms "$FLOOR")" \
    -v pr="$(field rate)" -v fr="$(field rate "$FLOOR")" 'BEGIN {
  printf "ratio portal / floor: call → last display p95 %.1f×, each delivery p95 %.1f×, calls/s %.2f×\n", (f > 0 ? p / f : 0), (fe > 0 ? pe / fe : 0), (fr > 0 ? pr / fr : 0)
  printf "call → last display p95 = %s ms  (target < 500 ms: %s)\n", p, (p < 500 ? "met" : "NOT met")
}'
[ "$LOAD_STATUS" = 0 ] && [ "$FLOOR_STATUS" = 0 ] && [ "$DB_TWICE" = 0 ]
