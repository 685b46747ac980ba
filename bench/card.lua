-- wrk script for card reads: GET with a token; prints p50/p99 (bench/run names them).
--   wrk ... -s bench/card.lua URL -- TOKEN
-- done() runs where init() did not, so it uses nothing from the arguments.
function init(args)
  token = args[1]
end

function request()
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("reads=%d\nfailed=%d\np50_ms=%.2f\np99_ms=%.2f\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
