#!/usr/bin/env bash
# The framework's floor under bench/intake.sh: the same driver (bench/IntakeLoad, 16 applicants, closed loop, the
# same warm-up) against bench/FrameworkFloor, an ASP.NET Core MVC + Razor app that answers the same HTTP exchange
# (sign-in cookie, the portal's captured form page with antiforgery token, multipart POST of the fields and two
# PDFs, 302) with no database and no rules — beside pgbench's TPC-B-like figure of the same run, as intake.sh.
# It answers: how many submissions per second could any portal built on this stack serve on this machine, and
# how much CPU per submission does the stack alone take of the budget a ratio of 0.3 leaves?
# Usage: bench/floor.sh [seconds]   (default 20 s)   BENCH_USERS (16), BENCH_WARMUP (150 s), BENCH_FILE_KB (16)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_RUN="${1:-20}"
USERS="${BENCH_USERS:-16}"
PORT="${BENCH_FLOOR_PORT:-5099}"
FILE_KB="${BENCH_FILE_KB:-16}"
WARMUP="${BENCH_WARMUP:-150}"
PG_PORT="${GOV_PG_PORT:-55432}"
PGB_DB=pgbench_bench_floor
. "$ROOT/bench/lib-intake.sh"

cleanup() {
  stop_process "${FLOOR_PID:-}"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $PGB_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$ROOT/gov.sh" db >/dev/null
tpcb_figure "$PGB_DB" "$USERS" "$SECONDS_PER_RUN"
# PostgreSQL is idle from here on: the floor has no database.
build_programs "$ROOT/bench/FrameworkFloor/FrameworkFloor.csproj" floor "floor app"

echo "== starting the floor app on 127.0.0.1:$PORT"
( cd "$WORK/floor" && ASPNETCORE_ENVIRONMENT=Production exec dotnet FrameworkFloor.dll --urls "http://127.0.0.1:$PORT" ) >"$WORK/floor.log" 2>&1 &
FLOOR_PID=$!
wait_until_serving "http://127.0.0.1:$PORT/account/register" "$FLOOR_PID" || { tail -n 30 "$WORK/floor.log"; echo "floor app did not start" >&2; exit 1; }

echo "== $USERS applicants: register, warm-up (${WARMUP}s), then submissions (${SECONDS_PER_RUN}s)"
set +e
dotnet "$WORK/load/IntakeLoad.dll" --url "http://127.0.0.1:$PORT" --code 000505004000 --users "$USERS" \
  --warmup "$WARMUP" --seconds "$SECONDS_PER_RUN" --file-kb "$FILE_KB" --portal-pid "$FLOOR_PID" | tee "$WORK/load.txt"
LOAD_STATUS=${PIPESTATUS[0]}
set -e
RESULT="$(grep '^RESULT' "$WORK/load.txt" || true)"
[ -n "$RESULT" ] || { tail -n 30 "$WORK/floor.log"; echo "load driver failed (exit $LOAD_STATUS)" >&2; exit 1; }
field() { grep -Eo "(^| )$1=[^ ]+" <<<"$RESULT" | cut -d= -f2; }

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F)"
echo "pgbench TPC-B-like: tps=$PG_TPS ($USERS clients)"
echo "framework floor: rate=$(field rate)/s errors=$(field errors)  POST p95=$(field post_p95_ms) ms  CPU per submission: app $(field cpu_portal_ms) ms; machine busy $(field cpu_machine_pct)%, other processes $(field cpu_other_pct)%"
awk -v r="$(field rate)" -v t="$PG_TPS" -v app="$(field cpu_portal_ms)" -v cores="$(nproc)" 'BEGIN {
  budget = cores * 1000 / (0.3 * t)
  printf "ratio floor/s / pgbench tps = %.3f\n", r / t
  printf "a ratio of 0.3 needs %.0f submissions/s: %.2f ms of CPU per submission for the web app, PostgreSQL and the driver together;\n", 0.3 * t, budget
  printf "  the framework alone takes %.2f ms of it (%.0f%%) before any database work\n", app, 100 * app / budget
}'
[ "$(field errors)" = 0 ] && [ "$LOAD_STATUS" = 0 ]
