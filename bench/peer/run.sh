#!/usr/bin/env bash
# Peer loopback benchmark (issue #6): one torrent, seed -> download on 127.0.0.1, Swarmport's
# peer plug-in against itself and libtorrent against itself, in one run, alternating.
#
#   bench/peer/run.sh                      # 1 GiB, 3 rounds
#   SIZE_MIB=64 ROUNDS=1 bench/peer/run.sh # quick check that everything works
#
# A benchmark, never a test: nothing here runs in CI. See README.md beside this file.
# Knobs (environment): SIZE_MIB=1024 PIECE_KIB=1024 ROUNDS=3 DATA_DIR=/tmp/swarmport-bench-peer
#   TIMEOUT=600 (s per transfer) BUILD=1 (compile peer-plugin first; 0 uses target/classes as it is)
#   JAVA_OPTS (extra JVM flags for the plug-in side, e.g. a JFR recording) SIDES="plugin libtorrent"
#   WARMUP=0 (untimed plug-in transfers in the same JVM before the timed one: steady state, not start-up)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SIZE_MIB=${SIZE_MIB:-1024}
PIECE_KIB=${PIECE_KIB:-1024}
ROUNDS=${ROUNDS:-3}
DATA_DIR=${DATA_DIR:-/tmp/swarmport-bench-peer}
TIMEOUT=${TIMEOUT:-600}
BUILD=${BUILD:-1}
JAVA_OPTS=${JAVA_OPTS:-}
WARMUP=${WARMUP:-0}
SIDES=${SIDES:-plugin libtorrent}
PY=/usr/bin/python3   # Debian's python3-libtorrent lives there, not in other pythons on PATH
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$HERE/results/$STAMP

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"

[[ $HZ == 100 ]] || die "CLK_TCK is $HZ; PeerBench.java assumes 100"
$PY -c 'import libtorrent' 2>/dev/null || die "$PY cannot import libtorrent: apt-get install python3-libtorrent"
command -v java >/dev/null || die "java not found"
mkdir -p "$RESULTS"

# ----------------------------------------------------------------- the plug-in --

if [[ $BUILD == 1 ]]; then
  log "compiling peer-plugin (mvn -o -q -pl peer-plugin -am compile)"
  (cd "$ROOT" && mvn -B -o -q -pl peer-plugin -am compile) >"$RESULTS/build.log" 2>&1 \
    || die "peer-plugin does not compile: see $RESULTS/build.log"
fi
[[ -d $ROOT/peer-plugin/target/classes/org/swarmport/peer/session ]] || die "peer-plugin/target/classes is missing: run with BUILD=1"
BC=$(find ~/.m2/repository/org/bouncycastle/bcprov-jdk18on -name 'bcprov-jdk18on-*.jar' | sort -V | tail -1)
[[ -n $BC ]] || die "bcprov-jdk18on is not in ~/.m2 (build peer-plugin once online)"
CP=$ROOT/peer-plugin/target/classes:$BC
# PeerBench compiled once, not run as a source file: the source launcher compiles it in the
# measured JVM, and C2 then spends a second of CPU on javac's hot methods while the transfer runs.
BENCH_CLASSES=$RESULTS/classes
javac -d "$BENCH_CLASSES" -cp "$CP" "$HERE/PeerBench.java" >"$RESULTS/javac.log" 2>&1 || die "PeerBench.java does not compile: see $RESULTS/javac.log"
CP=$BENCH_CLASSES:$CP

# ------------------------------------------------------------ content, torrent --

NAME=content-$SIZE_MIB.bin
SEED_DIR=$DATA_DIR/seed
CONTENT=$SEED_DIR/$NAME
TORRENT=$DATA_DIR/content-$SIZE_MIB-$PIECE_KIB.torrent
mkdir -p "$SEED_DIR"
log "data in $DATA_DIR: $(df -h --output=fstype,source,avail "$DATA_DIR" | tail -1 | tr -s ' ')"
# PeerBench writes the content once (deterministic, incompressible) and the v1 torrent with
# MetainfoBuilder; libtorrent loads the same .torrent, so both move the same pieces
java -cp "$CP" PeerBench make "$CONTENT" "$SIZE_MIB" "$PIECE_KIB" "$TORRENT" | tee "$RESULTS/make.txt" >&2

# -------------------------------------------------------------------- the runs --

SUMMARY=$RESULTS/summary.txt
run_side() {  # run_side SIDE ROUND: one transfer, its result line appended to $SUMMARY
  local side=$1 round=$2 dl=$DATA_DIR/download-$1 out=$RESULTS/$1-$2 line load before after
  rm -rf "$dl"
  sync                                    # the last run's written pages go to disk before the clock starts
  cat "$CONTENT" >/dev/null               # page cache warm for the seed
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  log "round $round $side (load $load)"
  echo "$(date -u +%T) round $round $side: $(uptime)" >>"$RESULTS/uptime.txt"
  children_ticks before
  case $side in
    plugin)
      # shellcheck disable=SC2086
      java $JAVA_OPTS -Dbench.warmup="$WARMUP" -cp "$CP" PeerBench transfer "$TORRENT" "$SEED_DIR" "$dl" "$TIMEOUT" \
        >"$out.out" 2>"$out.err" || { cat "$out.err" >&2; die "plugin transfer failed (round $round)"; } ;;
    libtorrent)
      $PY "$HERE/lt_bench.py" "$TORRENT" "$SEED_DIR" "$dl" "$TIMEOUT" \
        >"$out.out" 2>"$out.err" || { cat "$out.err" >&2; die "libtorrent transfer failed (round $round)"; } ;;
  esac
  children_ticks after
  line=$(grep "^side=$side " "$out.out") || die "no result line from $side: $out.out"
  cmp "$CONTENT" "$dl/$NAME" || die "$side round $round: the download differs from the content"
  # whole process, JVM or python start and the seed's check included
  line="$line proc_cpu_s=$(awk -v t=$((after - before)) -v hz="$HZ" 'BEGIN { printf "%.2f", t / hz }') load=${load// /,} round=$round verified=cmp"
  echo "$line" | tee -a "$SUMMARY" >&2
  rm -rf "$dl"
}

for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then order=$SIDES; else order=$(tr ' ' '\n' <<<"$SIDES" | tac | xargs); fi
  for side in $order; do run_side "$side" "$r"; done
done

# --------------------------------------------------------------------- summary --

{
  echo
  echo "size ${SIZE_MIB} MiB, pieces ${PIECE_KIB} KiB, ${ROUNDS} rounds, data in $DATA_DIR, $(nproc) cores, $(date -u '+%F %H:%M') UTC"
  printf '%-11s %9s %9s %9s %11s %s\n' side 'wall s' 'MiB/s' 'cpu s' 'proc cpu s' 'load (1,5,15 min) per run'
  for side in $SIDES; do
    rows=$(grep "^side=$side " "$SUMMARY" || true)
    [[ -n $rows ]] || continue
    med() { while read -r l; do field "$1" " $l"; done <<<"$rows" | xargs | median; }
    printf '%-11s %9s %9s %9s %11s %s\n' "$side" "$(med wall_s)" "$(med mib_s)" "$(med cpu_s)" "$(med proc_cpu_s)" \
      "$(while read -r l; do field load " $l"; done <<<"$rows" | xargs)"
    eval "MIB_$side=$(med mib_s) CPU_$side=$(med cpu_s)"
  done
  if [[ -n ${MIB_plugin:-} && -n ${MIB_libtorrent:-} ]]; then
    awk -v a="$MIB_plugin" -v b="$MIB_libtorrent" -v c="$CPU_plugin" -v d="$CPU_libtorrent" 'BEGIN {
      printf "ratio plug-in / libtorrent (medians): throughput %.2fx, CPU seconds %.2fx (target: throughput >= 2x)\n", a / b, c / d }'
  fi
} | tee -a "$SUMMARY"
log "results in $RESULTS"
