-- wrk script: a mix of what citizens do on the catalog — search (Chinese substrings), browse a
-- theme, open a guide (anonymous visitors, so the public page cache applies). Prints requests/s and p50/p95/p99 latency in milliseconds at the end.
local paths = {}
local codes = {}

local f = io.open(os.getenv("BENCH_CODES") or "codes.txt", "r")
if f then
  for line in f:lines() do codes[#codes + 1] = line end
  f:close()
end

local searches = { "%E9%A3%9F%E5%93%81", "%E8%90%A5%E4%B8%9A", "%E4%BD%8F%E6%88%BF", "%E5%85%BB%E8%80%81", "%E6%AE%8B%E7%96%BE", "%E5%8C%BB%E4%BF%9D" }
for _, q in ipairs(searches) do paths[#paths + 1] = "/services?q=" .. q end
paths[#paths + 1] = "/services?audience=Personal&theme=birth"
paths[#paths + 1] = "/services?audience=Legal"
for _, c in ipairs(codes) do paths[#paths + 1] = "/services/" .. c end

-- BENCH_UNCACHED=1 makes every URL unique (an extra query parameter), so no request is served from the
-- page cache: the figure of the full render path (database + Razor).
local uncached = os.getenv("BENCH_UNCACHED") == "1"
local i = 0
request = function()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  if uncached then
    path = path .. (string.find(path, "?", 1, true) and "&" or "?") .. "nc=" .. i .. "-" .. math.random(1, 1000000000)
  end
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f\n",
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
