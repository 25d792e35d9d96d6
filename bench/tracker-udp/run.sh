#!/usr/bin/env bash
# UDP announce benchmark (BEP 15): opentracker's UDP port and Swarmport's, same load, one run.
#
#   bench/tracker-udp/run.sh                    # opentracker only
#   bench/tracker-udp/run.sh 127.0.0.1:6969     # both
#
# A benchmark, never a test: nothing here runs in CI. See README.md beside this file.
# Knobs (environment): DURATION=20 RATES="20000 40000" UNBOUNDED=1 SOCKETS=8 WINDOW=32
#   PEERS=100 COUNT=10000 SEED=1 WARMUP=1 WARMUP_MAX=300 QUIET_WAIT=30 ROUNDS=1 CLEANUP=1
#   OT_PORT=6980 OT_UDP_PORT=6981
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
HTTP_BENCH=$HERE/../tracker-http
DURATION=${DURATION:-20}
RATES=${RATES:-20000 40000}
UNBOUNDED=${UNBOUNDED:-1}
SOCKETS=${SOCKETS:-8}
WINDOW=${WINDOW:-32}
PEERS=${PEERS:-100}
COUNT=${COUNT:-10000}
SEED=${SEED:-1}
WARMUP=${WARMUP:-1}
WARMUP_MAX=${WARMUP_MAX:-300}
QUIET_WAIT=${QUIET_WAIT:-30}
ROUNDS=${ROUNDS:-1}
CLEANUP=${CLEANUP:-1}
OT_PORT=${OT_PORT:-6980}
OT_UDP_PORT=${OT_UDP_PORT:-6981}
SWARMPORT=${1:-}

DATA=$HTTP_BENCH/data
WHITELIST=$DATA/whitelist.txt
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$HERE/results/$STAMP
LOAD=$HERE/build/udpload

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"

# ------------------------------------------------------------------ tools, data --

require_tools "opentracker gcc python3 ss" "opentracker gcc python3 iproute2"

SP_HOST="" SP_PORT=""
if [[ -n $SWARMPORT ]]; then
  [[ $SWARMPORT =~ ^(127\.[0-9]+\.[0-9]+\.[0-9]+):([0-9]+)$ ]] \
    || die "Swarmport's UDP tracker must be given as 127.x.x.x:port (loopback only): $SWARMPORT"
  SP_HOST=${BASH_REMATCH[1]} SP_PORT=${BASH_REMATCH[2]}
fi

if [[ ! -s $WHITELIST || "$(cat "$DATA/meta.txt" 2>/dev/null)" != "count=$COUNT seed=$SEED" ]]; then
  /usr/bin/python3 "$HTTP_BENCH/hashes.py" --count "$COUNT" --seed "$SEED" --out "$DATA"
fi
mkdir -p "$RESULTS" "$HERE/build"
if [[ ! -x $LOAD || $HERE/udpload.c -nt $LOAD ]]; then
  gcc -O2 -Wall -Wextra -o "$LOAD" "$HERE/udpload.c" || die "udpload.c does not compile"
fi

# ------------------------------------------------------------ cleanup on exit --

cleanup() { opentracker_stop; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------- helpers --

udp_pid_on_port() { ss -lunpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# run_load NAME HOST PORT TRACKER_PID MODE SECONDS [key=value ...]: $RESULTS/NAME.result is
# udpload's UDP-RESULT line plus the CPU used (% of one core) by the tracker, the load
# tool, softirq and the rest of the machine
run_load() {
  local name=$1 host=$2 port=$3 tpid=$4 mode=$5 secs=$6; shift 6
  local out=$RESULTS/$name.out b0 t0 s0 b1 t1 s1 p0 p1 c0 c1 line
  read -r b0 t0 s0 < <(cpu_busy_total); p0=$(proc_ticks "$tpid"); children_ticks c0
  timeout -s INT $((secs + 30)) "$LOAD" "$host" "$port" "$WHITELIST" "$mode" "$secs" \
      peers="$PEERS" count="$COUNT" sockets="$SOCKETS" window="$WINDOW" seed="$SEED" "$@" >"$out" 2>&1 || true
  read -r b1 t1 s1 < <(cpu_busy_total); p1=$(proc_ticks "$tpid"); children_ticks c1
  line=$(grep '^UDP-RESULT' "$out" || true)
  if [[ -z $line ]]; then log "udpload gave no result for $name: $(tail -3 "$out" | tr '\n' ' ')"; : >"$RESULTS/$name.result"; return 0; fi
  awk -v l="$line" -v busy=$((b1 - b0)) -v tot=$((t1 - t0)) -v tr=$((p1 - p0)) -v ld=$((c1 - c0)) \
      -v si=$((s1 - s0)) -v n="$(nproc)" 'BEGIN {
        per = tot > 0 ? n * 100 / tot : 0
        other = busy - tr - ld - si; if (other < 0) other = 0
        printf "%s cpu_tracker=%.0f cpu_load=%.0f cpu_irq=%.0f cpu_other=%.0f\n", l, tr * per, ld * per, si * per, other * per }' \
      >"$RESULTS/$name.result"
}

# probe HOST PORT: whether one benchmark hash is announced to successfully (action 1)
probe() {
  local line
  line=$("$LOAD" "$1" "$2" "$WHITELIST" sweep 3 count=1 peers=1 sockets=1 window=1 sweep_event=stopped 2>&1 || true)
  [[ $(field answered "$line") == 1 ]]
}

ROWS=() NOTES=()
declare -A RPS

warm_up() {  # NAME HOST PORT PID
  local tname=$1 host=$2 port=$3 tpid=$4 line
  [[ $WARMUP == 1 ]] || return 0
  log "$tname: warm-up sweep, every (torrent, peer) once: $COUNT x $PEERS announces (event=started), at most ${WARMUP_MAX}s"
  run_load "$tname-warmup" "$host" "$port" "$tpid" sweep "$WARMUP_MAX"
  line=$(cat "$RESULTS/$tname-warmup.result")
  log "$tname: warm-up $(field answered "$line") answered of $(field sent "$line") in $(field elapsed "$line")s, lost $(field lost "$line"), errors $(field errors "$line")"
  NOTES+=("$tname warm-up: $(field answered "$line") of $(field sweep_done "$line") announces answered in $(field elapsed "$line") s, lost $(field lost "$line"), errors $(field errors "$line"), avg peers $(field avg_peers "$line")")
}

measure() {  # NAME HOST PORT PID LOAD ROUND
  local tname=$1 host=$2 port=$3 tpid=$4 load=$5 round=$6 idle tag line
  tag=$tname-$load; ((ROUNDS > 1)) && tag=$tag-$round
  idle=$(wait_quiet)
  log "$tname: $load (round $round/$ROUNDS), ${DURATION}s (machine ${idle}% busy before)"
  if [[ $load == unbounded ]]; then
    run_load "$tag" "$host" "$port" "$tpid" unbounded "$DURATION"
  else
    run_load "$tag" "$host" "$port" "$tpid" rate "$DURATION" rate="${load#rate-}"
  fi
  line=$(cat "$RESULTS/$tag.result")
  [[ -n $line ]] || { NOTES+=("$tname $load round $round: no result"); return 0; }
  ROWS+=("$tname $load $round $line")
  RPS[$tname-$load]+="$(field rps "$line") "
  log "$tname $load: $(field rps "$line") answers/s, p50 $(field p50_us "$line") us, p99 $(field p99_us "$line") us, lost $(field lost "$line")"
}

# ---------------------------------------------------------------- opentracker --

opentracker_start "$OT_PORT" "$OT_UDP_PORT" "$WHITELIST" "$RESULTS/opentracker.log"
# the whitelist is loaded by a background thread: wait until a benchmark hash is accepted
for i in $(seq 1 25); do
  kill -0 "$OT_PID" 2>/dev/null || die "opentracker exited: $(cat "$RESULTS/opentracker.log")"
  probe 127.0.0.1 "$OT_UDP_PORT" && break
  ((i == 25)) && die "opentracker's UDP port does not accept the whitelisted hashes"
  sleep 0.2
done
warm_up opentracker 127.0.0.1 "$OT_UDP_PORT" "$OT_PID"

# ------------------------------------------------------------------ Swarmport --

SP_PID=""
if [[ -n $SWARMPORT ]]; then
  if probe "$SP_HOST" "$SP_PORT"; then
    SP_PID=$(udp_pid_on_port "$SP_PORT")
    warm_up swarmport "$SP_HOST" "$SP_PORT" "$SP_PID"
  else
    NOTES+=("swarmport: not measured, udp://$SWARMPORT gave no announce answer for a benchmark hash (needs SWARMPORT_TRACKER_MODE=open, or the hashes registered)")
    log "Swarmport at udp://$SWARMPORT does not answer an announce for a benchmark hash, skipping"
  fi
fi

# ------------------------------------------- measured runs, the trackers in turn --

# Taking turns load by load, round by round, spreads whatever else the shared machine
# does over both trackers; the idle one waits in epoll/receive and costs nothing.
LOADS=(); for rate in $RATES; do LOADS+=("rate-$rate"); done
if [[ $UNBOUNDED == 1 ]]; then LOADS+=(unbounded); fi
for ((round = 1; round <= ROUNDS; round++)); do
  for load in "${LOADS[@]}"; do
    measure opentracker 127.0.0.1 "$OT_UDP_PORT" "$OT_PID" "$load" "$round"
    if [[ -n $SP_PID ]]; then measure swarmport "$SP_HOST" "$SP_PORT" "$SP_PID" "$load" "$round"; fi
  done
done
opentracker_stop

if [[ -n $SP_PID && $CLEANUP == 1 ]]; then
  log "swarmport: clean-up sweep, every (torrent, peer) announces event=stopped"
  run_load swarmport-cleanup "$SP_HOST" "$SP_PORT" "$SP_PID" sweep "$WARMUP_MAX" sweep_event=stopped
  line=$(cat "$RESULTS/swarmport-cleanup.result")
  NOTES+=("swarmport clean-up: $(field answered "$line") event=stopped announces answered in $(field elapsed "$line") s")
fi

# ---------------------------------------------------------------------- table --

{
  echo "UDP announce benchmark, $STAMP"
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1); udpload $SOCKETS sockets, window $WINDOW per socket (unbounded), ${DURATION}s per load; $COUNT torrents x $PEERS peers, numwant 50"
  echo
  printf '%-12s %-11s %3s %9s %9s %8s %8s %8s %7s %7s %9s %8s %8s %8s %8s\n' tracker load run sent 'answers/s' 'p50 us' 'p90 us' 'p99 us' lost errors 'peers/ans' \
    'cpu trk' 'cpu load' 'cpu irq' 'cpu oth'
  for row in "${ROWS[@]}"; do
    read -r tn ld round line <<<"$row"
    printf '%-12s %-11s %3s %9s %9s %8s %8s %8s %7s %7s %9s %7s%% %7s%% %7s%% %7s%%\n' "$tn" "$ld" "$round" "$(field sent "$line")" \
      "$(field rps "$line")" "$(field p50_us "$line")" "$(field p90_us "$line")" "$(field p99_us "$line")" \
      "$(field lost "$line")" "$(field errors "$line")" "$(field avg_peers "$line")" \
      "$(field cpu_tracker "$line")" "$(field cpu_load "$line")" "$(field cpu_irq "$line")" "$(field cpu_other "$line")"
  done
  echo
  for ld in "${LOADS[@]}"; do
    o=$(median <<<"${RPS[opentracker-$ld]:-}") sp=$(median <<<"${RPS[swarmport-$ld]:-}")
    printf 'median answers/s, %-11s opentracker %-9s swarmport %-9s ' "$ld:" "${o:--}" "${sp:--}"
    if [[ -n $o && -n $sp ]]; then awk -v o="$o" -v s="$sp" 'BEGIN { printf "ratio swarmport/opentracker %.2f", s / o }'; fi
    echo
  done
  echo
  for n in "${NOTES[@]}"; do echo "$n"; done
  echo "lost = announces unanswered within 1 s (dropped by a full socket buffer); errors = BEP 15 error answers"
  echo "cpu: % of one core over the run ($(nproc) cores = $(( $(nproc) * 100 ))%); irq = kernel softirq; oth = everything else on the machine"
  echo "raw output: $RESULTS"
} | tee "$RESULTS/summary.txt"
