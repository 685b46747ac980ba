-- wrk script for the ingest benchmark: valid deliveries through the gateway, as many advisers
-- (the token rotates per request) with their own Idempotency-Key per delivery.
--   wrk ... -s bench/ingest.lua URL -- TOKENS_FILE ORG_NUMBER DELIVERED_ON RUN_ID
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    table.insert(tokens, line)
  end
  body = '{"orgNumber":"' .. args[2] .. '","service":"SICK_LEAVE","direction":"SYSTEM","subGoals":[1],'
    .. '"deliveredOn":"' .. args[3] .. '","form":"DIRECT"}'
  run = args[4]
  counter = 0
  limited = 0
end

function request()
  counter = counter + 1
  local token = tokens[(counter * 7 + id) % #tokens + 1]
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = run .. "-" .. id .. "-" .. counter
  }, body)
end

-- wrk keeps its connections busy and cannot wait out a 429 per request; the requests rotate over 64
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
