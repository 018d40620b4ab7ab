#!/usr/bin/env bash
# Catalog benchmark: the public search and guide pages under 32 concurrent connections (wrk),
# beside PostgreSQL's own read-only pgbench figure (-S) on the same machine in the same run.
# Usage: bench/catalog.sh [seconds]   (default 20 s per measurement)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib-publish.sh
source "$ROOT/bench/lib-publish.sh"
SECONDS_PER_RUN="${1:-20}"
CONNECTIONS=32
PORT="${BENCH_PORT:-5099}"
PG_PORT="${GOV_PG_PORT:-55432}"
PG_PASSWORD="${GOV_PG_PASSWORD:-gov-local-dev}"
export PGPASSWORD="$PG_PASSWORD"
WORK="$(mktemp -d)"
cleanup() {
  kill "${PORTAL_PID:-0}" 2>/dev/null || true
  wait "${PORTAL_PID:-0}" 2>/dev/null || true
  for db in govservice_bench pgbench_bench; do
    [ -n "${BIN:-}" ] && "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U gov -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
"$ROOT/gov.sh" db >/dev/null
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
psql() { "$BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U gov "$@"; }

for db in govservice_bench pgbench_bench; do
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" && psql -d postgres -qc "CREATE DATABASE $db"
done

echo "== pgbench -S (read-only, $CONNECTIONS clients, ${SECONDS_PER_RUN}s)"
"$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U gov -i -s 10 -q pgbench_bench >/dev/null 2>&1
PGBENCH="$("$BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U gov -S -c "$CONNECTIONS" -j 2 -T "$SECONDS_PER_RUN" pgbench_bench 2>/dev/null)"
PG_TPS="$(grep -Eo 'tps = [0-9.]+' <<<"$PGBENCH" | head -n 1 | cut -d' ' -f3)"
PG_LAT="$(grep -Eo 'latency average = [0-9.]+ ms' <<<"$PGBENCH" | cut -d' ' -f4)"

echo "== publishing and starting the portal (Release) on 127.0.0.1:$PORT"
# Published to the run's own folder, so a build of src/ during the run cannot change the binaries under test.
publish_portal "$ROOT/src/GovService.Web/GovService.Web.csproj" "$WORK/portal" "$WORK/build.log" \
  || { tail -n 30 "$WORK/build.log" >&2; echo "portal build failed" >&2; exit 1; }
(
  cd "$WORK/portal"
  # Production refuses to start without a licence signing key: the run makes a throwaway one in its folder.
  ConnectionStrings__Gov="Host=127.0.0.1;Port=$PG_PORT;Username=gov;Password=$PG_PASSWORD;Database=govservice_bench;Maximum Pool Size=64" \
  ASPNETCORE_ENVIRONMENT=Production Seed__Demo=true Jobs__RunServer=false Serilog__MinimumLevel__Default=Warning \
  Logging__FilePath="$WORK/log-.txt" \
  Certificates__Signing__KeyFile="$WORK/licence-signing-key.pem" Certificates__Signing__GenerateIfMissing=true \
  exec dotnet GovService.Web.dll --urls "http://127.0.0.1:$PORT"
) >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { tail -n 30 "$WORK/portal.log"; echo "portal did not start" >&2; exit 1; }
psql -d govservice_bench -Atc "SELECT i.basic_code FROM gov.cat_items i JOIN gov.cat_item_versions v ON v.item_id = i.id AND v.status = 2" >"$WORK/codes.txt"

echo "== warm-up (5 s)"
BENCH_CODES="$WORK/codes.txt" wrk -t2 -c"$CONNECTIONS" -d5s -s "$ROOT/bench/catalog-mix.lua" "http://127.0.0.1:$PORT" >/dev/null
echo "== wrk: catalog search and guide pages ($CONNECTIONS connections, ${SECONDS_PER_RUN}s)"
RESULT="$(BENCH_CODES="$WORK/codes.txt" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$ROOT/bench/catalog-mix.lua" "http://127.0.0.1:$PORT" | grep '^RESULT')"
echo "== wrk: the same pages with the page cache bypassed (every URL unique)"
UNCACHED="$(BENCH_UNCACHED=1 BENCH_CODES="$WORK/codes.txt" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$ROOT/bench/catalog-mix.lua" "http://127.0.0.1:$PORT" | grep '^RESULT')"
RSS_KB="$(ps -o rss= -p "$PORTAL_PID" | tr -d ' ')"

echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F)"
echo "pgbench -S:        tps=$PG_TPS latency_avg_ms=$PG_LAT"
echo "catalog (wrk):     ${RESULT#RESULT }"
echo "catalog uncached:  ${UNCACHED#RESULT }"
echo "portal RSS after:  $((RSS_KB / 1024)) MiB"
P95="$(grep -Eo 'p95_ms=[0-9.]+' <<<"$RESULT" | cut -d= -f2)"
awk -v p="$P95" 'BEGIN { if (p < 50) print "target p95 < 50 ms: met"; else print "target p95 < 50 ms: NOT met" }'
