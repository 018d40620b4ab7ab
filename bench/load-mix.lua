-- wrk script of bench/load.sh: one kind of traffic per wrk process, chosen by BENCH_KIND, so each kind gets
-- its own latency figures. Inputs are files written by bench/load.sh in BENCH_DIR:
--   guides     anonymous visitors: catalog searches, theme browsing, guide pages (codes.txt)
--   status     public status lookups by number and query code (lookups.txt: "number code" per line)
--   submit     a signed-in citizen (cookie in BENCH_COOKIE) submits 失业保险金申领 online: multipart POST with a
--              fresh ApplicationKey, the form's fields and one small PDF per required material (submit.txt,
--              written by bench/IntakeLoad --write-form: cookie, antiforgery token, "name=value" lines, positions)
--   review     the 市场监管局 reviewer: the queue, a step's page, claim it, release it (tasks.txt)
--   dashboard  the county supervisor's dashboard
-- A response counts as bad when its status is not the expected one (200 for pages, 302 for posts; a redirect
-- to the login page is bad too), so a login page or an error page never passes for a fast success. The review
-- and submit kinds run one connection per wrk thread, so each thread's requests stay in order. Prints at the end:
--   RESULT kind=… requests=… errors=… bad=… rps=… p50_ms=… p95_ms=… p99_ms=… max_ms=…
local kind = os.getenv("BENCH_KIND") or "guides"
-- BENCH_THINK_MS: a person's pause between two requests (mean, exponentially distributed); 0 = closed loop at full speed.
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0")
local dir = os.getenv("BENCH_DIR") or "."
local cookie = os.getenv("BENCH_COOKIE")
local threads = {}

local function lines(name)
  local result = {}
  local f = io.open(dir .. "/" .. name, "r")
  if f then
    for line in f:lines() do result[#result + 1] = line end
    f:close()
  end
  return result
end

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local paths, lookups, tasks, token, fields, positions = {}, {}, {}, nil, {}, {}
local expected = {}
local step = 0
local boundary = "----govbench7MA4YWxkTrZu0gW"
-- A well-formed PDF shaped like a scan: a page image whose 4 KB of JPEG data are as incompressible as a real
-- scan's (pseudo-random bytes), a cross-reference table with the right offsets, trailer and ending.
local pdf_image = {}
local pdf_seed = 20261202
for i = 1, 4096 do
  pdf_seed = (pdf_seed * 16807) % 2147483647 -- Park–Miller: exact in Lua numbers
  pdf_image[i] = string.char(pdf_seed % 256)
end
pdf_image = table.concat(pdf_image)
local pdf_objects = { "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n", "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n",
  "3 0 obj << /Type /XObject /Subtype /Image /Width 620 /Height 877 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length " ..
  #pdf_image .. " >>\nstream\n" .. pdf_image .. "\nendstream\nendobj\n" }
local pdf = "%PDF-1.4\n"
local pdf_offsets = ""
for _, object in ipairs(pdf_objects) do
  pdf_offsets = pdf_offsets .. string.format("%010d 00000 n \n", #pdf)
  pdf = pdf .. object
end
pdf = pdf .. "xref\n0 4\n0000000000 65535 f \n" .. pdf_offsets ..
  "trailer << /Size 4 /Root 1 0 R >>\nstartxref\n" .. #pdf .. "\n%%EOF\n"

function init(args)
  bad = 0
  math.randomseed(os.time() + (id or 0) * 7919)
  if kind == "guides" then
    local searches = { "%E9%A3%9F%E5%93%81", "%E8%90%A5%E4%B8%9A", "%E4%BD%8F%E6%88%BF", "%E5%85%BB%E8%80%81", "%E5%8C%BB%E4%BF%9D" }
    for _, q in ipairs(searches) do paths[#paths + 1] = "/services?q=" .. q end
    paths[#paths + 1] = "/services?audience=Personal&theme=birth"
    paths[#paths + 1] = "/"
    for _, c in ipairs(lines("codes.txt")) do paths[#paths + 1] = "/services/" .. c end
  elseif kind == "status" then
    for _, l in ipairs(lines("lookups.txt")) do lookups[#lookups + 1] = l end
  elseif kind == "review" then
    local all = lines("tasks.txt")
    token_review = all[1]
    -- each thread (one connection each) works its own slice of the steps, so its claim and release stay in order
    local slices = tonumber(os.getenv("BENCH_THREADS") or "1")
    for i = 2, #all do
      if (i % slices) == ((id or 1) - 1) % slices then tasks[#tasks + 1] = all[i] end
    end
  elseif kind == "submit" then
    local all = lines("submit.txt")  -- cookie header (passed by load.sh as BENCH_COOKIE), token, fields, materials
    token = all[2]
    for i = 3, #all do
      local name, value = string.match(all[i], "^([^=]+)=(.*)$")
      if name then fields[#fields + 1] = { name, value } else positions[#positions + 1] = all[i] end
    end
  end
end

local function headers(extra)
  local h = {}
  if cookie then h["Cookie"] = cookie end
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

local function uuid()
  return string.format("%08x-%04x-4%03x-%04x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff), math.random(0, 0xffffffffffff))
end

local function part(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

local function send(method, path, hdrs, body)
  return wrk.format(method, path, headers(hdrs), body)
end

function request()
  step = step + 1
  if kind == "guides" then
    return send("GET", paths[math.random(1, #paths)], nil, nil)
  elseif kind == "status" then
    local number, code = string.match(lookups[math.random(1, #lookups)], "^(%S+) (%S+)$")
    return send("GET", "/status?number=" .. number .. "&code=" .. code, nil, nil)
  elseif kind == "dashboard" then
    return send("GET", "/supervision", nil, nil)
  elseif kind == "review" then
    -- queue, step page, claim, release: a reviewer looking at a step and handing it back.
    local phase = step % 4
    local task = tasks[math.floor(step / 4) % #tasks + 1]
    if phase == 1 then return send("GET", "/review", nil, nil)
    elseif phase == 2 then return send("GET", "/review/tasks/" .. task, nil, nil)
    elseif phase == 3 then
      return send("POST", "/review/tasks/" .. task .. "/claim", { ["Content-Type"] = "application/x-www-form-urlencoded" },
        "__RequestVerificationToken=" .. token_review)
    else
      return send("POST", "/review/tasks/" .. task .. "/release", { ["Content-Type"] = "application/x-www-form-urlencoded" },
        "__RequestVerificationToken=" .. token_review)
    end
  else
    local body = part("__RequestVerificationToken", token) .. part("ApplicationKey", uuid()) .. part("action", "submit")
    for _, f in ipairs(fields) do body = body .. part(f[1], f[2]) end
    for _, p in ipairs(positions) do
      body = body .. "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"material-" .. p ..
        "\"; filename=\"scan-" .. p .. ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n" .. pdf .. "\r\n"
    end
    body = body .. "--" .. boundary .. "--\r\n"
    return send("POST", "/apply/000505004000", { ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }, body)
  end
end

function delay()
  if think <= 0 then return 0 end
  return math.floor(-think * math.log(1 - math.random()))
end

function response(status, hdrs, body)
  local location = hdrs["Location"] or hdrs["location"] or ""
  local ok
  if kind == "submit" then
    ok = status == 302 and string.find(location, "/my/cases/", 1, true) ~= nil
  elseif kind == "review" then
    ok = status == 200 or (status == 302 and string.find(location, "/account/", 1, true) == nil)
  else
    ok = status == 200
  end
  if not ok then
    bad = bad + 1
    if bad <= 3 then io.stderr:write(kind .. ": HTTP " .. status .. " " .. location .. "\n") end
  end
end

function done(summary, latency, requests)
  local b = 0
  for _, t in ipairs(threads) do b = b + (t:get("bad") or 0) end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT kind=%s requests=%d errors=%d bad=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    kind, summary.requests, e.connect + e.read + e.write + e.timeout, b, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
