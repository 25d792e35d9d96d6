-- wrk script: BitTorrent HTTP announces over a fixed set of torrents and peers.
--
--   wrk -t2 -c50 -d30s --latency -s announce.lua http://127.0.0.1:6980/announce \
--       -- hashes=data/hashes.url threads=2 conn=close mode=random warmed=1
--
-- The URL's path is the announce path (opentracker: /announce, Swarmport:
-- /tracker/announce). Arguments after "--" are key=value:
--
--   hashes=FILE   percent-encoded info-hashes, one a line (hashes.py writes it)
--   threads=N     must equal wrk's -t (a sweep splits the work by thread)
--   peers=100     distinct peers per torrent
--   seed=1        seeds the per-thread random torrent/peer choice
--   numwant=50
--   conn=close    send "Connection: close" (one connection per announce, as
--                 real clients do); conn=keepalive sends nothing (HTTP/1.1 default)
--   mode=random   each request picks a random (torrent, peer)
--   mode=sweep    every (torrent, peer) exactly once, split between threads, then
--                 the thread stops: the warm-up that fills every swarm
--   donedir=DIR   (sweep mode) a thread that has all its responses writes
--                 DIR/sweep-done-<thread>; wrk itself always runs for its -d, so
--                 run.sh waits for every thread's file and stops wrk with SIGINT
--                 (wrk then prints its results as usual)
--   sweep_event=started  the event a sweep sends; sweep_event=stopped removes every
--                 benchmark peer again (run.sh does that on Swarmport at the end)
--   warmed=1      (random mode) the swarms were filled by a sweep, so no peer is new
--                 and event is always empty; warmed=0 sends event=started the first
--                 time this wrk thread uses a (torrent, peer)
--
-- Peer (t, p), t = torrent index, p = 0..peers-1, is always the same client:
--   peer_id = "-WB0100-" + 6 bytes from t + 6 bytes from p (percent-encoded)
--   port    = 1024 + p   (every request comes from 127.0.0.1; opentracker keys peers
--                         by address+port, so the port is what makes peers distinct)
--   left    = 0 for exactly 20 of the 100 peers of each torrent (seeders), else > 0
--
-- done() prints one line starting with "ANNOUNCE-RESULT" that run.sh parses, and
-- counts non-200 responses and bodies with "failure reason", so a run never
-- silently measures errors.

local cfg = {
  hashes = "data/hashes.url", threads = "0", peers = "100", seed = "1",
  numwant = "50", conn = "close", mode = "random", warmed = "0", donedir = "",
  sweep_event = "started",
}

-- ---------------------------------------------------------------- main state --

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads - 1)
end

-- --------------------------------------------------------- per-thread state --

local hashes, tpart, ppart = {}, {}, {}
local N, P, T, K
local path, headers, numwant, mode, warmed
local seen = {}
-- counters, read back by done() through thread:get
responses, non200, failures, no_peers_key, empty_peers, peers_returned = 0, 0, 0, 0, 0, 0
started, sweep_target, sweep_sent = 0, 0, 0

local UNRESERVED = {}
for c in ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"):gmatch(".") do
  UNRESERVED[c:byte()] = true
end

local function encode_bytes(list)
  local out = {}
  for i = 1, #list do
    local b = list[i]
    out[i] = UNRESERVED[b] and string.char(b) or string.format("%%%02X", b)
  end
  return table.concat(out)
end

-- xorshift32 on LuaJIT's exact 32-bit bit operations: the same bytes everywhere
local function xorshift(x)
  x = bit.bxor(x, bit.lshift(x, 13))
  x = bit.bxor(x, bit.rshift(x, 17))
  x = bit.bxor(x, bit.lshift(x, 5))
  return x
end

local function six_bytes(salt, i)
  local x = xorshift(xorshift(bit.tobit(bit.bxor(salt, i * 40503 + 1))))
  local y = xorshift(x)
  local b = {}
  for k = 0, 3 do b[#b + 1] = bit.band(bit.rshift(x, 8 * k), 0xff) end
  for k = 0, 1 do b[#b + 1] = bit.band(bit.rshift(y, 8 * k), 0xff) end
  return encode_bytes(b)
end

function init(args)
  for _, a in ipairs(args) do
    local k, v = a:match("^([%w_]+)=(.*)$")
    if not k or cfg[k] == nil then
      error("announce.lua: unknown argument '" .. a .. "' (want key=value, keys: hashes threads peers seed numwant conn mode warmed donedir sweep_event)")
    end
    cfg[k] = v
  end
  local f = assert(io.open(cfg.hashes, "r"), "announce.lua: cannot open hashes file " .. cfg.hashes)
  for line in f:lines() do
    if #line > 0 then hashes[#hashes + 1] = line end
  end
  f:close()
  N = #hashes
  assert(N > 0, "announce.lua: no hashes in " .. cfg.hashes)
  P = tonumber(cfg.peers)
  T = tonumber(cfg.threads)
  K = thread_index or 0
  numwant = tonumber(cfg.numwant)
  mode, warmed = cfg.mode, cfg.warmed == "1"
  assert(mode == "random" or mode == "sweep", "announce.lua: mode must be random or sweep")
  assert(cfg.sweep_event == "started" or cfg.sweep_event == "stopped", "announce.lua: sweep_event must be started or stopped")
  assert(cfg.conn == "close" or cfg.conn == "keepalive", "announce.lua: conn must be close or keepalive")
  assert(T and T >= 1, "announce.lua: threads=N (same as wrk -t) is required")

  for t = 1, N do tpart[t] = six_bytes(0x5eed7000, t) end
  for p = 0, P - 1 do ppart[p] = six_bytes(0x0bee1000, p) end

  path = wrk.path
  if path == nil or path == "" then path = "/announce" end
  headers = {}
  if cfg.conn == "close" then headers["Connection"] = "close" end

  math.randomseed(tonumber(cfg.seed) * 1000 + K)
  if mode == "sweep" then
    -- global index i = (t-1) + N*p walks all torrents before a torrent gets its
    -- next peer, so swarms grow together; thread K takes i = K, K+T, K+2T, ...
    sweep_target = math.floor((N * P - 1 - K) / T) + 1
  end
end

local function announce(t, p, event)
  local left = ((t * 31 + p) % 5 == 0) and "0" or tostring(1048576 * (1 + (t + p) % 700))
  local q = path .. "?info_hash=" .. hashes[t]
    .. "&peer_id=-WB0100-" .. tpart[t] .. ppart[p]
    .. "&port=" .. (1024 + p)
    .. "&uploaded=0&downloaded=0&left=" .. left
    .. "&compact=1&numwant=" .. numwant
    .. "&event=" .. event
  return wrk.format("GET", q, headers)
end

function request()
  if mode == "sweep" then
    -- this thread's pairs are i = K, K+T, K+2T, ... (sweep_target of them); past
    -- the end it starts over, and it stops after sweep_target+1 responses. The
    -- extra one repeats its first pair: wrk calls request() once before the run
    -- to check the script, which thread 0's first pair would otherwise lose.
    -- A server that closes the connection without saying "Connection: close"
    -- (opentracker) makes wrk write some requests into a dead socket: those pairs
    -- are lost, and as many pairs from the start of the share are sent again.
    local i = K + (sweep_sent % sweep_target) * T
    sweep_sent = sweep_sent + 1
    local t, p = (i % N) + 1, math.floor(i / N)
    if cfg.sweep_event == "started" then started = started + 1 end
    return announce(t, p, cfg.sweep_event)
  end
  local t, p = math.random(1, N), math.random(0, P - 1)
  local event = ""
  if not warmed then
    local key = t * P + p
    if not seen[key] then
      seen[key] = true
      event = "started"
      started = started + 1
    end
  end
  return announce(t, p, event)
end

function response(status, hdrs, body)
  responses = responses + 1
  if status ~= 200 then
    non200 = non200 + 1
  elseif body:find("failure reason", 1, true) then
    failures = failures + 1
  else
    local len = body:match("5:peers(%d+):")
    if not len then
      no_peers_key = no_peers_key + 1
    else
      len = tonumber(len)
      if len == 0 then empty_peers = empty_peers + 1 end
      peers_returned = peers_returned + len / 6
    end
  end
  if mode == "sweep" and responses == sweep_target + 1 then
    if cfg.donedir ~= "" then
      local f = io.open(cfg.donedir .. "/sweep-done-" .. K, "w")
      if f then f:write(responses, "\n") f:close() end
    end
    wrk.thread:stop()
  end
end

-- ----------------------------------------------------------------- main state --

function done(summary, latency, requests)
  local sum = {}
  local keys = { "responses", "non200", "failures", "no_peers_key", "empty_peers",
                 "peers_returned", "started", "sweep_target", "sweep_sent" }
  for _, k in ipairs(keys) do sum[k] = 0 end
  for _, th in ipairs(threads) do
    for _, k in ipairs(keys) do sum[k] = sum[k] + (th:get(k) or 0) end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  local ok = sum.responses - sum.non200 - sum.failures
  local parts = {
    "ANNOUNCE-RESULT",
    string.format("threads=%d", #threads),
    string.format("requests=%d", summary.requests),
    string.format("seconds=%.3f", secs),
    string.format("rps=%.1f", summary.requests / secs),
    string.format("p50_ms=%.3f", latency:percentile(50) / 1000),
    string.format("p90_ms=%.3f", latency:percentile(90) / 1000),
    string.format("p99_ms=%.3f", latency:percentile(99) / 1000),
    string.format("max_ms=%.3f", latency.max / 1000),
    string.format("responses=%d", sum.responses),
    string.format("ok=%d", ok),
    string.format("non200=%d", sum.non200),
    string.format("failure_reason=%d", sum.failures),
    string.format("no_peers_key=%d", sum.no_peers_key),
    string.format("empty_peers=%d", sum.empty_peers),
    string.format("avg_peers=%.1f", ok > 0 and sum.peers_returned / ok or 0),
    string.format("started=%d", sum.started),
    string.format("sock_connect=%d", e.connect),
    string.format("sock_read=%d", e.read),
    string.format("sock_write=%d", e.write),
    string.format("sock_timeout=%d", e.timeout),
  }
  if sum.sweep_target > 0 then
    parts[#parts + 1] = string.format("sweep_target=%d", sum.sweep_target)
  end
  io.write(table.concat(parts, " "), "\n")
  io.write(string.format(
    "announces: %d responses, %d non-200, %d 'failure reason', %d without peers key, %d with empty peers, %.1f peers per ok response, %d event=started\n",
    sum.responses, sum.non200, sum.failures, sum.no_peers_key, sum.empty_peers,
    ok > 0 and sum.peers_returned / ok or 0, sum.started))
end
