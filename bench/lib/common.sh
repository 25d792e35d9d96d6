# Shell pieces the tracker benchmarks share (bench/tracker-http, bench/tracker-udp): logging,
# CPU accounting, waiting for a quiet machine, and opentracker, the anchor, started and
# stopped. Sourced, not run; the caller sets RESULTS (and QUIET_WAIT for wait_quiet).

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# "busy total softirq" jiffies of all CPUs, from /proc/stat
cpu_busy_total() { awk '/^cpu / { b = $2 + $3 + $4 + $7 + $8 + $9; t = b + $5 + $6; print b, t, $7 + $8 }' /proc/stat; }
# user+sys ticks of one process
proc_ticks() { [[ -r /proc/$1/stat ]] && awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" || echo 0; }
HZ=$(getconf CLK_TCK)

# children_ticks VAR: CPU ticks (user+sys) used by this shell's finished children
# (the builtin must run in this shell, not in a $(...) subshell, hence the file)
children_ticks() {
  times >"$RESULTS/.times"
  printf -v "$1" '%s' "$(awk -v hz="$HZ" 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } printf "%d", t * hz }' "$RESULTS/.times")"
}

# wait (at most QUIET_WAIT s) until the machine is mostly idle: other sessions' builds
# on this 2-core machine would otherwise be measured along with the trackers
wait_quiet() {
  local deadline=$((SECONDS + QUIET_WAIT)) b0 t0 b1 t1 pct
  while :; do
    read -r b0 t0 _ < <(cpu_busy_total); sleep 1; read -r b1 t1 _ < <(cpu_busy_total)
    pct=$(( (b1 - b0) * 100 / (t1 - t0 > 0 ? t1 - t0 : 1) ))
    if ((pct < 25)); then echo "$pct"; return; fi
    if ((SECONDS >= deadline)); then log "machine still ${pct}% busy after ${QUIET_WAIT}s: measuring anyway (see the 'cpu oth' column)"; echo "$pct"; return; fi
  done
}

# value of key=value field NAME in a result line
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<"$2"; }

median() { tr ' ' '\n' | { grep . || true; } | sort -g | awk '{ a[NR] = $1 } END { if (NR) printf "%.1f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# opentracker_start TCP_PORT UDP_PORT WHITELIST LOG: starts opentracker on 127.0.0.1 in
# whitelist mode and sets OT_PID and OT_DIR. opentracker chroots into -d and opens the
# whitelist (a path inside the chroot) after dropping to -u, so it gets a fresh
# world-readable directory of its own holding the whitelist. It loads the whitelist in a
# background thread: the caller polls until a hash is accepted.
OT_PID="" OT_DIR=""
opentracker_start() {
  local tcp=$1 udp=$2 whitelist=$3 out=$4 args
  [[ -z $(ss -ltnH "sport = :$tcp") ]] || die "TCP port $tcp is in use; set OT_PORT"
  [[ -z $(ss -lunH "sport = :$udp") ]] || die "UDP port $udp is in use; set OT_UDP_PORT"
  OT_DIR=$(mktemp -d /tmp/swarmport-bench-ot.XXXXXX)
  chmod 755 "$OT_DIR"
  cp "$whitelist" "$OT_DIR/whitelist.txt"
  chmod 644 "$OT_DIR/whitelist.txt"
  args=(-i 127.0.0.1 -p "$tcp" -P "$udp" -d "$OT_DIR" -w /whitelist.txt)
  [[ $(id -u) == 0 ]] && args+=(-u nobody)
  opentracker "${args[@]}" >"$out" 2>&1 &
  OT_PID=$!
  log "opentracker ${args[*]} (pid $OT_PID)"
}

# opentracker_stop: stops the opentracker opentracker_start started (by its pid) and removes
# its directory; safe to call twice
opentracker_stop() {
  if [[ -n $OT_PID ]] && kill -0 "$OT_PID" 2>/dev/null; then
    kill "$OT_PID" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$OT_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$OT_PID" 2>/dev/null && kill -9 "$OT_PID" 2>/dev/null || true
    log "opentracker (pid $OT_PID) stopped"
  fi
  [[ -n $OT_DIR && -d $OT_DIR ]] && rm -rf "$OT_DIR"
  OT_PID="" OT_DIR=""
  return 0
}

# require_tools "TOOL..." "PACKAGE...": installs the Debian packages with apt-get when a tool
# is missing and this runs as root, else stops naming them
require_tools() {
  local tool missing=()
  for tool in $1; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  ((${#missing[@]})) || return 0
  [[ $(id -u) == 0 ]] || die "missing ${missing[*]}: apt-get install $2"
  log "installing $2 with apt-get (missing ${missing[*]})"
  # shellcheck disable=SC2086
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $2 >/dev/null
}
