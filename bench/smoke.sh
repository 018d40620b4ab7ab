#!/usr/bin/env bash
# Runs every benchmark of bench/README.md for a few seconds on small data, to show that each still runs from a
# clean clone as documented (the figures of such short runs mean nothing). Publishes the portal once and hands it
# to each script (BENCH_PORTAL). Fails, naming the benchmark and the end of its output, when one breaks.
# Usage: bench/smoke.sh [name ...]   (default: all; names: catalog review-queue dashboard sweep intake floor load faults hall-display)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# name | environment | arguments | a line its output must hold. The review queue needs 150,000 cases: its later
# page (page 5 of 50 rows) must hold a reviewer's open steps.
RUNS=(
  "catalog||2|^catalog \(wrk\):"
  "review-queue|BENCH_CASES=150000 BENCH_CONNECTIONS=1 BENCH_WARMUP=1|2|^target p95"
  "dashboard|BENCH_CASES=3000 BENCH_CONNECTIONS=1 BENCH_WARMUP=1|2|^worst p95: .* bad responses: 0"
  "sweep|BENCH_SIZES=2000 BENCH_STEADY=1||^== steady sweep 1:"
  "intake|BENCH_USERS=4 BENCH_WARMUP=2 BENCH_STACK_FLOOR=0|2|^database check: "
  "floor|BENCH_USERS=4 BENCH_WARMUP=2|2|^framework floor: rate="
  "load|BENCH_CASES=3000 BENCH_CITIZENS=300 BENCH_WARMUP=1 BENCH_KEEP_DB=0|3|^targets: zero errors"
  "faults|||^faults: nothing lost"
  "hall-display|BENCH_DISPLAYS=20 BENCH_PREFILL=60 BENCH_WARMUP=1|3|^call → last display p95 = "
)

wanted=("$@")
selected() {
  [ "${#wanted[@]}" -eq 0 ] && return 0
  local w
  for w in "${wanted[@]}"; do [ "$w" = "$1" ] && return 0; done
  return 1
}

echo "== publishing the portal once (Release)"
dotnet publish "$ROOT/src/GovService.Web/GovService.Web.csproj" -c Release -nologo -v quiet -o "$WORK/portal" >"$WORK/publish.log" 2>&1 \
  || { grep -E "error" "$WORK/publish.log" | sort -u | head -n 20 >&2; echo "portal build failed"; echo "0 passed, 1 failed"; exit 1; }
export BENCH_PORTAL="$WORK/portal"

passed=0 failed=0 failures=()
for run in "${RUNS[@]}"; do
  IFS='|' read -r name env args expect <<<"$run"
  selected "$name" || continue
  started=$SECONDS
  # shellcheck disable=SC2086 # env and args are word lists on purpose
  if env $env "$ROOT/bench/$name.sh" $args >"$WORK/$name.log" 2>&1 && grep -Eq "$expect" "$WORK/$name.log"; then
    passed=$((passed + 1))
    echo "ok    $name ($((SECONDS - started)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "FAIL  $name ($((SECONDS - started)) s): its last lines:"
    tail -n 15 "$WORK/$name.log" | sed 's/^/      /'
  fi
done

[ "$failed" -eq 0 ] || echo "broken: ${failures[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
