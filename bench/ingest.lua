-- wrk script for the ingest benchmark: valid deliveries through the gateway to many enterprises in
-- several counties, each by an adviser of its county, every delivery with its own Idempotency-Key
-- and one in four with a note (so the identity-number scan runs).
--   wrk ... -s bench/ingest.lua URL -- WORKLOAD_FILE DELIVERED_ON RUN_ID
-- WORKLOAD_FILE: lines "token org county" (harness ingest-workload).
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  bodies = {}
  noted = {}
  local services = { "SICK_LEAVE", "IA_GUIDANCE", "SENIOR_LIFE_PHASE", "GOALS_ACTION_PLAN" }
  local n = 0
  for line in io.lines(args[1]) do
    local token, org = line:match("^(%S+)%s+(%S+)")
    n = n + 1
    local fields = '{"orgNumber":"' .. org .. '","service":"' .. services[n % #services + 1]
      .. '","direction":"' .. (n % 3 == 0 and "INDIVIDUAL" or "SYSTEM") .. '","subGoals":[1],'
      .. '"deliveredOn":"' .. args[2] .. '","form":"DIRECT"'
    table.insert(tokens, token)
    table.insert(bodies, fields .. '}')
    table.insert(noted, fields .. ',"note":"Oppfølging av sykefravær i produksjonen: møte med'
      .. ' verneombud og leder, plan for tilrettelegging avtalt, nytt møte om seks uker."}')
  end
  run = args[3]
  counter = 0
  limited = 0
end

function request()
  counter = counter + 1
  local i = (counter * 7 + id) % #tokens + 1
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. tokens[i],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = run .. "-" .. id .. "-" .. counter
  }, counter % 4 == 0 and noted[i] or bodies[i])
end

-- wrk keeps its connections busy and cannot wait out a 429 per request; the requests rotate over the
-- advisers' tokens, far below the gateway's per-client limit each, and any 429 is counted so that a
-- run that was rate limited says so instead of passing the refusals off as plain failures.
function response(status, headers, body)
  if status == 429 then
    limited = limited + 1
  end
end

function done(summary, latency, requests)
  local rate_limited = 0
  for _, thread in ipairs(threads) do
    rate_limited = rate_limited + (thread:get("limited") or 0)
  end
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("ingest_requests=%d\ningest_failed=%d\ningest_rps=%.0f\ningest_p50_ms=%.1f\ningest_p99_ms=%.1f\n",
    summary.requests, failed, (summary.requests - failed) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("ingest_rate_limited=%d\n", rate_limited))
end
