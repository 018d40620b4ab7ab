-- wrk script for bench/dashboard.sh: GETs the URL given to wrk with the supervisor's cookies (wrk -H).
-- A response counts as bad unless it is a 200 carrying the dashboard's figures (data-testid="kpis" and the
-- reform table): a login page, a 302 to it or a 403 would otherwise look like a fast success.
-- Prints one line at the end:
--   RESULT requests=… errors=… bad=… rps=… p50_ms=… p95_ms=… p99_ms=… max_ms=…
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
end

function response(status, headers, body)
  if status ~= 200
      or not string.find(body, 'data-testid="kpis"', 1, true)
      or not string.find(body, 'data-testid="reform"', 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local b = 0
  for _, t in ipairs(threads) do
    b = b + (t:get("bad") or 0)
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d errors=%d bad=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, b,
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
