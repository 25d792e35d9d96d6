-- wrk script for the portal's pages (bench/portal/run.sh):
--   wrk ... -s pages.lua http://127.0.0.1:8080 -- search SEED
--   wrk ... -s pages.lua http://127.0.0.1:8080 -- torrent SEED COUNT
-- "search" rotates through a mix of queries as people type them (each thread starts at its own
-- place in the list); "torrent" asks for random ids in 1..COUNT. Every answer is checked: a
-- page that says the tracker cannot be reached is still a 200, so it is counted as bad, and so
-- is any answer without the results (search) or the torrent's name (torrent). done() prints
-- one PORTAL-RESULT line with exact percentiles.

-- The mix of bench/search's query set (broad words, two and three words, phrases, prefixes,
-- an exclusion, a|b, dotted and dashed names, category filters, sort by seeders), with a few
-- second pages and newest-first sorts as people page and re-sort.
local queries = {
  "q=1080p", "q=flac", "q=x264", "q=web", "q=hdtv", "q=2160p+hevc", "q=midnight+garden",
  "q=love+story+720p", "q=%22silent+river%22", "q=%22the+last%22+1080p", "q=s01e01+1080p",
  "q=1080p+-x264", "q=720p%7C2160p+web", "q=winter+2160p%7C720p", "q=mid", "q=shad",
  "q=linux+x86-64", "q=epub", "q=mp3+320", "q=the", "q=flac+2019", "q=ocean+s02",
  "q=1080p&sort=seeders", "q=flac&category=3000&sort=seeders", "q=web&category=5000&sort=seeders",
  "q=2021&category=2000&sort=seeders", "q=pdf&category=7000&sort=seeders", "q=windows&category=4000&sort=seeders",
  "q=show.name", "q=dark.night.s0*", "q=garden&page=2", "q=king&sort=added", "q=river&category=movies",
  "q=golden+2019&minSeeders=10", "q=shadow&sort=size&order=desc", "q=queen+1080p&page=3",
}

local pos, count
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  mode = args[1] or "search" -- a global: done() reads it with thread:get
  local seed = tonumber(args[2] or "1")
  count = tonumber(args[3] or "100000")
  math.randomseed(seed * 7919 + id)
  pos = math.random(#queries)
  non2xx, unavailable, incomplete = 0, 0, 0
end

function request()
  if mode == "torrent" then
    return wrk.format("GET", "/torrent?id=" .. math.random(count))
  end
  pos = pos % #queries + 1
  return wrk.format("GET", "/search?" .. queries[pos])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif body:find('id="tracker-unavailable"', 1, true) then
    unavailable = unavailable + 1
  elseif not body:find(mode == "torrent" and 'id="torrent-name"' or 'id="result-total"', 1, true) then
    incomplete = incomplete + 1
  end
end

function done(summary, latency, requests)
  local n2, un, inc = 0, 0, 0
  for _, t in ipairs(threads) do
    n2 = n2 + t:get("non2xx")
    un = un + t:get("unavailable")
    inc = inc + t:get("incomplete")
  end
  local e = summary.errors
  local mode = threads[1]:get("mode")
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "PORTAL-RESULT page=%s requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f"
      .. " non2xx=%d unavailable=%d incomplete=%d sock_connect=%d sock_read=%d sock_write=%d sock_timeout=%d\n",
    mode, summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, n2, un, inc,
    e.connect, e.read, e.write, e.timeout))
end
