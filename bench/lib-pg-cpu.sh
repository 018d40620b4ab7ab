# Shared by bench/intake.sh and bench/review-queue.sh (sourced, not run): the CPU time of the PostgreSQL backends
# serving one database, counted as bench/IntakeLoad counts it.

# "pid ticks" (user + system CPU, in 1/CLK_TCK s) of each backend of database $1.
backend_ticks() {
  local pid
  for pid in $(pgrep -f "^postgres: gov $1 " || true); do
    awk -v pid="$pid" '{ sub(/^.*\) /, ""); print pid, $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || true
  done
}

# CPU ticks between two backend_ticks readings ($1 before, $2 after): per backend alive at the end, from the first
# reading or from its own start. A backend that ended in between (a pool closing an idle connection, a stopped
# portal's connections going away) took its lifetime's ticks with it: summing all backends at each instant and
# subtracting could make the figure negative. Here it can be a little low, never below zero.
backend_ticks_between() {
  printf '%s\n--\n%s\n' "$1" "$2" | awk '$1 == "--" { after = 1; next } NF < 2 { next } !after { before[$1] = $2; next } { t += $2 - before[$1] } END { print t + 0 }'
}
