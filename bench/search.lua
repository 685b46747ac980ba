-- wrk script for name searches in the register copy: cycles through queries an adviser would type
-- (prefixes of one and two words, Norwegian letters, with and without a county), alternating an
-- adviser's token (own county by default) and a coordinator's (nation-wide); prints p50/p99.
--   wrk ... -s bench/search.lua URL -- ADVISER_TOKEN COORDINATOR_TOKEN
local queries = {
  "q=bygg", "q=fjord%20trans", "q=%C3%A6rlig", "q=s%C3%B8ndre%20bakeri", "q=hansen", "q=kaf",
  "q=brygge&industry=56", "q=helse%20omsorg", "q=%C3%A5sen", "q=elektro&minEmployees=10",
  "q=nord%20havbruk", "q=troms%C3%B8", "q=regnskap%20as", "q=ma", "q=br%C3%B8drene%20olsen",
}
local i = 0

function init(args)
  tokens = { args[1], args[2] }
end

function request()
  i = i + 1
  local path = wrk.path .. "?" .. queries[(i % #queries) + 1] .. "&size=20"
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[(i % 2) + 1] })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("reads=%d\nfailed=%d\np50_ms=%.2f\np99_ms=%.2f\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
