#!/usr/bin/env bash
# HTTP announce benchmark: opentracker and Swarmport under the same wrk load, in one run.
#
#   bench/tracker-http/run.sh [swarmport-base-url]
#   bench/tracker-http/run.sh http://127.0.0.1:6969                 # the tracker's own HTTP port
#   bench/tracker-http/run.sh http://127.0.0.1:8080/tracker         # through WildFly's web server
#
# A benchmark, never a test: nothing here runs in CI. See README.md beside this file.
# Knobs (environment): DURATION=30s THREADS=2 CONNECTIONS=50 VARIANTS="close keepalive"
#   PEERS=100 COUNT=10000 SEED=1 WARMUP=1 WARMUP_MAX=300 WARMUP_CONN=keepalive
#   QUIET_WAIT=30 ROUNDS=1 CLEANUP=1 OT_PORT=6980 OT_UDP_PORT=6981
#   OPENTRACKER=0 (Swarmport only, e.g. while profiling it)
#   HEALTH=<url answering 200 when Swarmport is up; default <base>/api/v1/health, or
#          http://127.0.0.1:8080/tracker/api/v1/health when the base has no path>
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DURATION=${DURATION:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}
VARIANTS=${VARIANTS:-close keepalive}
PEERS=${PEERS:-100}
COUNT=${COUNT:-10000}
SEED=${SEED:-1}
WARMUP=${WARMUP:-1}
WARMUP_MAX=${WARMUP_MAX:-300}
WARMUP_CONN=${WARMUP_CONN:-keepalive}
QUIET_WAIT=${QUIET_WAIT:-30}
ROUNDS=${ROUNDS:-1}
CLEANUP=${CLEANUP:-1}
OT_PORT=${OT_PORT:-6980}
OT_UDP_PORT=${OT_UDP_PORT:-6981}
OPENTRACKER=${OPENTRACKER:-1}
SWARMPORT=${1:-}
SWARMPORT=${SWARMPORT%/}
if [[ $SWARMPORT =~ ^http://[^/]+$ ]]; then
  HEALTH=${HEALTH:-http://127.0.0.1:8080/tracker/api/v1/health}
else
  HEALTH=${HEALTH:-$SWARMPORT/api/v1/health}
fi

DATA=$HERE/data
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$HERE/results/$STAMP
HASHES=$DATA/hashes.url

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"

dur_seconds() {  # 30s, 2m, 45 -> seconds
  local d=$1
  case $d in
    *m) echo $(( ${d%m} * 60 )) ;;
    *s) echo "${d%s}" ;;
    *) echo "$d" ;;
  esac
}

# ------------------------------------------------------------------ tools, data --

require_tools "wrk opentracker curl python3" "wrk opentracker curl python3"

if [[ -n $SWARMPORT ]]; then
  SWARMPORT=${SWARMPORT%/}
  [[ $SWARMPORT =~ ^http://(127\.[0-9]+\.[0-9]+\.[0-9]+|localhost|\[::1\])(:[0-9]+)?(/.*)?$ ]] \
    || die "Swarmport URL must be http:// on loopback (127.x, localhost, [::1]): $SWARMPORT"
fi

if [[ ! -s $DATA/whitelist.txt || ! -s $HASHES || "$(cat "$DATA/meta.txt" 2>/dev/null)" != "count=$COUNT seed=$SEED" ]]; then
  /usr/bin/python3 "$HERE/hashes.py" --count "$COUNT" --seed "$SEED" --out "$DATA"
fi
mkdir -p "$RESULTS"

# ------------------------------------------------------------ cleanup on exit --

WRK_PID=""
cleanup() {
  if [[ -n $WRK_PID ]] && kill -0 "$WRK_PID" 2>/dev/null; then kill "$WRK_PID" 2>/dev/null || true; fi
  opentracker_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------- helpers --

active_opens() { awk '/^Tcp:/ { if (!h) { for (i = 1; i <= NF; i++) n[i] = $i; h = 1 } else { for (i = 1; i <= NF; i++) if (n[i] == "ActiveOpens") print $i } }' /proc/net/snmp; }
# snapshot FILE: "pid ticks" of every process (to see what else used the CPU meanwhile)
snapshot() { cat /proc/[0-9]*/stat 2>/dev/null | awk '{ pid = $1; sub(/^.*\) /, ""); print pid, $12 + $13 }' >"$1"; }
# others_ticks BEFORE AFTER EXCLUDE_PID: ticks used between the snapshots by processes
# alive at the end, except EXCLUDE_PID (wrk is in neither snapshot)
others_ticks() {
  awk -v x="$3" 'NR == FNR { b[$1] = $2; next } $1 != x { d = $2 - ($1 in b ? b[$1] : 0); if (d > 0) t += d } END { printf "%d", t }' "$1" "$2"
}
tracker_pid_on_port() {  # pid of the process listening on a TCP port, or empty
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

# run_wrk NAME URL TRACKER_PID MODE CONN DURATION_SECONDS [extra lua args]
# writes $RESULTS/NAME.out (wrk's output) and $RESULTS/NAME.result (its ANNOUNCE-RESULT
# line extended with connections opened and cpu use); runs in this shell so that the
# EXIT trap can stop wrk
run_wrk() {
  local name=$1 url=$2 tpid=$3 mode=$4 conn=$5 secs=$6; shift 6
  local out=$RESULTS/$name.out donedir=$RESULTS/$name.done res=$RESULTS/$name.result
  local a0 a1 b0 t0 s0 b1 t1 s1 p0 p1 c0 c1 o start elapsed line
  mkdir -p "$donedir"; : >"$res"
  snapshot "$RESULTS/.procs0"
  a0=$(active_opens); read -r b0 t0 s0 < <(cpu_busy_total); p0=$(proc_ticks "$tpid"); children_ticks c0
  start=$(date +%s.%N)
  # timeout runs wrk in its own process group and passes a SIGINT on to it
  timeout -s INT $((secs + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency --timeout 5s \
      -s "$HERE/announce.lua" "$url" -- hashes="$HASHES" threads="$THREADS" peers="$PEERS" seed="$SEED" \
      conn="$conn" mode="$mode" donedir="$donedir" "$@" >"$out" 2>&1 &
  WRK_PID=$!
  if [[ $mode == sweep ]]; then
    # wrk always runs its full -d: once every thread has written its sweep-done
    # file, stop it with SIGINT (wrk then prints its results as usual)
    while kill -0 "$WRK_PID" 2>/dev/null; do
      if (( $(find "$donedir" -name 'sweep-done-*' | wc -l) >= THREADS )); then
        kill -INT "$WRK_PID" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  fi
  wait "$WRK_PID" || true
  WRK_PID=""
  elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  a1=$(active_opens); read -r b1 t1 s1 < <(cpu_busy_total); p1=$(proc_ticks "$tpid"); children_ticks c1
  snapshot "$RESULTS/.procs1"
  o=$(others_ticks "$RESULTS/.procs0" "$RESULTS/.procs1" "${tpid:-0}")
  line=$(grep '^ANNOUNCE-RESULT' "$out" || true)
  if [[ -z $line ]]; then
    log "wrk produced no result for $name: $(tail -5 "$out" | tr '\n' ' ')"
    return 0
  fi
  # cpu figures in % of one core over the wall time of the run
  awk -v l="$line" -v a=$((a1 - a0)) -v busy=$((b1 - b0)) -v tot=$((t1 - t0)) -v tr=$((p1 - p0)) \
      -v wk=$((c1 - c0)) -v ot="$o" -v si=$((s1 - s0)) -v n="$(nproc)" -v el="$elapsed" -v tp="${tpid:-0}" 'BEGIN {
        split(l, f, " "); for (i in f) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
        per = tot > 0 ? n * 100 / tot : 0
        printf "%s conns=%d conns_per_req=%.2f cpu_tracker=%.0f cpu_wrk=%.0f cpu_other=%.0f cpu_irq=%.0f cpu_busy=%.0f elapsed=%s\n",
               l, a, (v["requests"] > 0 ? a / v["requests"] : 0), (tp > 0 ? tr * per : -1), wk * per, ot * per, si * per, busy * per, el }' >"$res"
}

ROWS=()          # "tracker variant round result-line"
NOTES=()
declare -A RPS

measure_tracker() {  # NAME ANNOUNCE_URL PID
  local tname=$1 url=$2 tpid=$3 secs line warmed=0
  secs=$(dur_seconds "$DURATION")
  if [[ $WARMUP == 1 ]]; then
    log "$tname: warm-up sweep, every (torrent, peer) once: $COUNT x $PEERS announces (event=started, $WARMUP_CONN), at most ${WARMUP_MAX}s"
    run_wrk "$tname-warmup" "$url" "$tpid" sweep "$WARMUP_CONN" "$WARMUP_MAX"
    line=$(cat "$RESULTS/$tname-warmup.result")
    if [[ -n $line ]]; then
      log "$tname: warm-up $(field requests "$line") announces in $(field elapsed "$line")s ($(field rps "$line")/s), $(field non200 "$line") non-200, $(field failure_reason "$line") failure reason"
      NOTES+=("$tname warm-up: $(field requests "$line") announces in $(field elapsed "$line") s ($(field rps "$line")/s; target $(field sweep_target "$line") + 1 per thread), non-200 $(field non200 "$line"), failure reason $(field failure_reason "$line")")
      warmed=1
    fi
    local chk; chk=$(cd "$HERE" && /usr/bin/python3 check.py "$url" --hashes "$HASHES" --peers "$PEERS" 2>&1 || true)
    printf '%s\n' "$chk" >"$RESULTS/$tname-check.txt"
    log "$tname: $chk"
    NOTES+=("$tname after warm-up: ${chk%%$'\n'*}")
  fi
  local round
  for ((round = 1; round <= ROUNDS; round++)); do
    for variant in $VARIANTS; do
      local idle tag=$tname-$variant; ((ROUNDS > 1)) && tag=$tag-$round
      idle=$(wait_quiet)
      log "$tname: $variant (round $round/$ROUNDS), $THREADS threads, $CONNECTIONS connections, $DURATION (machine ${idle}% busy before)"
      run_wrk "$tag" "$url" "$tpid" random "$variant" "$secs" warmed="$warmed"
      line=$(cat "$RESULTS/$tag.result")
      if [[ -z $line ]]; then NOTES+=("$tname $variant round $round: no result (see $RESULTS/$tag.out)"); continue; fi
      ROWS+=("$tname $variant $round $line")
      RPS[$tname-$variant]+="$(field rps "$line") "
      log "$tname $variant: $(field rps "$line") req/s, p50 $(field p50_ms "$line") ms, p99 $(field p99_ms "$line") ms, cpu other processes $(field cpu_other "$line")%"
    done
  done
}

# ---------------------------------------------------------------- opentracker --

if [[ $OPENTRACKER == 1 ]]; then
  opentracker_start "$OT_PORT" "$OT_UDP_PORT" "$DATA/whitelist.txt" "$RESULTS/opentracker.log"

  # the whitelist is loaded by a background thread: wait until our hashes are accepted
  OT_URL=http://127.0.0.1:$OT_PORT/announce
  probe="$OT_URL?info_hash=$(head -1 "$HASHES")&peer_id=-WB0100-probeprobepr&port=1&uploaded=0&downloaded=0&left=0&compact=1&numwant=1&event=stopped"
  for i in $(seq 1 50); do
    kill -0 "$OT_PID" 2>/dev/null || die "opentracker exited: $(cat "$RESULTS/opentracker.log")"
    body=$(curl -s --max-time 2 "$probe" || true)
    [[ -n $body && $body != *"failure reason"* ]] && break
    ((i == 50)) && die "opentracker does not accept the whitelisted hashes: $body"
    sleep 0.2
  done

  measure_tracker opentracker "$OT_URL" "$OT_PID"
  opentracker_stop
fi

# ------------------------------------------------------------------ Swarmport --

if [[ -n $SWARMPORT ]]; then
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$HEALTH" || true)
  if [[ $code != 200 ]]; then
    NOTES+=("swarmport: not measured, $HEALTH answered '$code'")
    log "Swarmport at $SWARMPORT: health answered '$code', skipping"
  else
    SP_URL=$SWARMPORT/announce
    body=$(curl -s --max-time 5 "$SP_URL?info_hash=$(head -1 "$HASHES")&peer_id=-WB0100-probeprobepr&port=1&uploaded=0&downloaded=0&left=0&compact=1&numwant=1&event=stopped" || true)
    if [[ $body != d* || $body == *"failure reason"* ]]; then
      NOTES+=("swarmport: not measured, $SP_URL answered '${body:0:120}' (needs access mode 'open', or these hashes registered)")
      log "Swarmport announce does not answer a bencoded success: '${body:0:120}', skipping"
    else
      sp_port=80
      [[ $SWARMPORT =~ ^http://[^/]*:([0-9]+) ]] && sp_port=${BASH_REMATCH[1]}
      sp_pid=$(tracker_pid_on_port "$sp_port")
      measure_tracker swarmport "$SP_URL" "$sp_pid"
      if [[ $CLEANUP == 1 ]]; then
        # leave the server as we found it: every benchmark peer announces event=stopped
        log "swarmport: clean-up sweep, every (torrent, peer) announces event=stopped"
        run_wrk swarmport-cleanup "$SP_URL" "$sp_pid" sweep keepalive "$WARMUP_MAX" sweep_event=stopped
        line=$(cat "$RESULTS/swarmport-cleanup.result")
        chk=$(cd "$HERE" && /usr/bin/python3 check.py "$SP_URL" --hashes "$HASHES" --scrape-only 2>&1 || true)
        log "swarmport: clean-up $(field requests "$line") announces in $(field elapsed "$line")s; $chk"
        NOTES+=("swarmport clean-up: $(field requests "$line") event=stopped announces in $(field elapsed "$line") s; then ${chk%%$'\n'*}")
      fi
    fi
  fi
fi

# ---------------------------------------------------------------------- table --

{
  echo "HTTP announce benchmark, $STAMP"
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1); wrk $THREADS threads, $CONNECTIONS connections, $DURATION per variant; $COUNT torrents x $PEERS peers, numwant 50"
  echo
  printf '%-12s %-10s %3s %10s %8s %8s %7s %9s %8s %8s %8s %8s\n' tracker variant run 'req/s' 'p50 ms' 'p99 ms' errors 'conns/req' \
    'cpu trk' 'cpu wrk' 'cpu irq' 'cpu oth'
  for row in "${ROWS[@]}"; do
    read -r tn var round line <<<"$row"
    errs=$(( $(field non200 "$line") + $(field failure_reason "$line") + $(field no_peers_key "$line") + $(field sock_connect "$line") + $(field sock_write "$line") + $(field sock_timeout "$line") ))
    printf '%-12s %-10s %3s %10s %8s %8s %7s %9s %7s%% %7s%% %7s%% %7s%%\n' "$tn" "$var" "$round" "$(field rps "$line")" \
      "$(field p50_ms "$line")" "$(field p99_ms "$line")" "$errs" "$(field conns_per_req "$line")" \
      "$(field cpu_tracker "$line")" "$(field cpu_wrk "$line")" "$(field cpu_irq "$line")" "$(field cpu_other "$line")"
  done
  echo
  for variant in $VARIANTS; do
    o=$(median <<<"${RPS[opentracker-$variant]:-}") sp=$(median <<<"${RPS[swarmport-$variant]:-}")
    printf 'median req/s, %-10s opentracker %-9s swarmport %-9s' "$variant:" "${o:--}" "${sp:--}"
    if [[ -n $o && -n $sp ]]; then
      awk -v o="$o" -v s="$sp" 'BEGIN { printf "ratio swarmport/opentracker %.2f", s / o }'
    fi
    echo
  done
  echo
  echo "errors = non-200 + 'failure reason' + bodies without peers + wrk connect/write/timeout errors"
  echo "(wrk read errors are not counted: opentracker closes every connection after its answer while"
  echo " answering HTTP/1.1 without 'Connection: close', so wrk sees one read error per request)"
  for row in "${ROWS[@]}"; do
    read -r tn var round line <<<"$row"
    echo "$tn $var #$round: wrk read errors $(field sock_read "$line"), connections opened $(field conns "$line"), responses with empty peers $(field empty_peers "$line"), avg peers per answer $(field avg_peers "$line"), event=started $(field started "$line")"
  done
  for n in "${NOTES[@]}"; do echo "$n"; done
  echo "cpu: % of one core over the run ($(nproc) cores = $(( $(nproc) * 100 ))%); irq = kernel softirq/irq (loopback TCP);"
  echo "     oth = other processes on the machine (anything above a few % means the run shared the CPU)"
  echo "raw wrk output: $RESULTS"
} | tee "$RESULTS/summary.txt"
