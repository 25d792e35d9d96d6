#!/usr/bin/env bash
# Portal pages benchmark (issue #7): the search page and the torrent page under wrk, with
# 100,000 torrents in the catalogue, both wars in one WildFly on PostgreSQL.
#
#   bench/portal/run.sh            # uses what the last build left in server/target, platform/target
#   BUILD=1 bench/portal/run.sh    # builds first (mvn -o package, no tests)
#
# A benchmark, never a test. See README.md beside this file. Knobs (environment):
#   COUNT=100000 SEED=5 CONNECTIONS=16 THREADS=2 DURATION=30s WARMUP=10s PAGES="search torrent"
#   DB=swarmport_portal_bench PGHOST=127.0.0.1 PGUSER=swarmport PGPASSWORD=swarmport
#   LOCK=/tmp/swarmport-wildfly.lock (shared with the integration tests, which use the same ports)
#   PORT_OFFSET=0 (e.g. 200: every port of the server moved up, the lock not taken; for profiling
#   while integration tests run)
#   JFR=0 (1: a Flight Recorder file of the server during the measured runs)  KEEP=0 (1: keep the
#   server's base directory and the database for a look afterwards)  QUIET_WAIT=30
#   JBOSS_JAVA_SIZING (the server's heap options, e.g. "-Xms2g -Xmx2g"; unset: the shipped default)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
COUNT=${COUNT:-100000}
SEED=${SEED:-5}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
PAGES=${PAGES:-search torrent}
DB=${DB:-swarmport_portal_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-swarmport} PGPASSWORD=${PGPASSWORD:-swarmport}
LOCK=${LOCK:-/tmp/swarmport-wildfly.lock}
JFR=${JFR:-0}
KEEP=${KEEP:-0}
QUIET_WAIT=${QUIET_WAIT:-30}
BUILD=${BUILD:-0}
PORT_OFFSET=${PORT_OFFSET:-0}
TARGET_P95_MS=50

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
# the sources' commit when the run starts (the wars are what the last build made of them: BUILD=1)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')
RESULTS=$HERE/results/$STAMP
JBOSS_HOME=$ROOT/server/target/wildfly
WARS=$ROOT/platform/target/wars
PORTAL=http://127.0.0.1:$((8080 + PORT_OFFSET))
JDBC=jdbc:postgresql://$PGHOST:5432/$DB
R=${MAVEN_REPO:-$HOME/.m2/repository}

# shellcheck source=../lib/common.sh
. "$HERE/../lib/common.sh"
mkdir -p "$RESULTS"

require_tools "wrk curl psql java javac flock" "wrk curl postgresql-client openjdk-17-jdk-headless util-linux"

if [[ $BUILD == 1 ]]; then
  log "building server, tracker.war and portal.war (mvn -o package, no tests)"
  (cd "$ROOT" && mvn -B -o -q -pl platform -am package -DskipTests) || die "build failed"
fi
[[ -x $JBOSS_HOME/bin/standalone.sh ]] || die "no assembled server in $JBOSS_HOME: run with BUILD=1"
[[ -s $WARS/tracker.war && -s $WARS/portal.war ]] || die "no wars in $WARS: run with BUILD=1"
[[ -d $ROOT/tracker-war/target/classes/org ]] || die "no tracker-war/target/classes: run with BUILD=1"
CP=$ROOT/tracker-war/target/classes:$R/org/apache/lucene/lucene-core/9.12.3/lucene-core-9.12.3.jar
CP=$CP:$R/org/apache/lucene/lucene-analysis-common/9.12.3/lucene-analysis-common-9.12.3.jar
CP=$CP:$(ls "$R"/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar | sort -V | tail -1)

# ------------------------------------------------------------ cleanup on exit --

BASE="" WRK_PID="" JAVA_PID="" DB_MADE=0
stop_server() {
  [[ -n $JAVA_PID ]] || return 0
  if kill -0 "$JAVA_PID" 2>/dev/null; then
    kill -TERM "$JAVA_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$JAVA_PID" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$JAVA_PID" 2>/dev/null; then
      log "server (pid $JAVA_PID) did not stop in 30 s: killing it"
      kill -9 "$JAVA_PID" 2>/dev/null || true
    fi
    log "server (pid $JAVA_PID) stopped"
  fi
  JAVA_PID=""
}
cleanup() {
  local rc=$?
  if [[ -n $WRK_PID ]] && kill -0 "$WRK_PID" 2>/dev/null; then kill "$WRK_PID" 2>/dev/null || true; fi
  stop_server
  if [[ -n $BASE && -d $BASE ]]; then
    cp "$BASE"/log/server.log "$RESULTS/server.log" 2>/dev/null || true
    if [[ $KEEP == 1 ]]; then log "kept the server's base directory $BASE"; else rm -rf "$BASE"; fi
  fi
  if [[ $DB_MADE == 1 && $KEEP != 1 ]]; then drop_db || true; fi
  ((rc == 0)) || log "failed (exit $rc); logs in $RESULTS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --------------------------------------------------------------------- helpers --

# as_postgres SQL: as the database superuser (through su when root, else as PGADMIN over TCP)
as_postgres() {
  if [[ $(id -u) == 0 ]]; then
    su postgres -c "env -u PGHOST -u PGUSER -u PGPASSWORD PGOPTIONS='-c client_min_messages=warning' psql -q -v ON_ERROR_STOP=1 -c \"$1\""
  else
    PGOPTIONS='-c client_min_messages=warning' psql -q -v ON_ERROR_STOP=1 -h "$PGHOST" -U "${PGADMIN:-postgres}" -c "$1" postgres
  fi
}
drop_db() { as_postgres "drop database if exists $DB" >/dev/null; }

dur_seconds() { local d=$1; case $d in *m) echo $((${d%m} * 60)) ;; *s) echo "${d%s}" ;; *) echo "$d" ;; esac; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# start_server N: WildFly with both wars on the fresh base directory, in the background;
# waits until both health checks answer 200 (at most 300 s)
start_server() {
  local n=$1 deadline=$((SECONDS + 300))
  for port in 8080 9990 6969 8443; do
    port=$((port + PORT_OFFSET))
    [[ -z $(ss -ltnH "sport = :$port") ]] || die "port $port is in use (another WildFly?)"
  done
  # JFR keeps 64 frames per sample by default, too few to see which page a Faces frame serves;
  # given to the java launcher itself, so that JBOSS_JAVA_SIZING stays the caller's (unset: the
  # server's own default heap, as shipped)
  local launcher_options=""
  [[ $JFR != 1 ]] || launcher_options="-XX:FlightRecorderOptions:stackdepth=256"
  JDK_JAVA_OPTIONS=$launcher_options JBOSS_JAVA_SIZING=${JBOSS_JAVA_SIZING:-} LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$BASE/server.pid JBOSS_HOME=$JBOSS_HOME \
  SWARMPORT_DB_URL=$JDBC SWARMPORT_DB_USER=$PGUSER SWARMPORT_DB_PASSWORD=$PGPASSWORD \
  SWARMPORT_DATA_DIR=$BASE/data/swarmport SWARMPORT_TRACKER_URL=$PORTAL/tracker \
  SWARMPORT_TRACKER_HTTP_PORT=$((6969 + PORT_OFFSET)) SWARMPORT_UDP_PORT=$((6969 + PORT_OFFSET)) \
      "$JBOSS_HOME/bin/standalone.sh" -Djboss.server.base.dir="$BASE" -Djboss.socket.binding.port-offset="$PORT_OFFSET" \
      >"$RESULTS/server-$n.out" 2>&1 &
  local shell_pid=$!
  while [[ ! -s $BASE/server.pid ]]; do
    kill -0 "$shell_pid" 2>/dev/null || die "WildFly did not start: $(tail -5 "$RESULTS/server-$n.out")"
    ((SECONDS < deadline)) || die "WildFly wrote no pid file in 300 s"
    sleep 0.2
  done
  JAVA_PID=$(cat "$BASE/server.pid")
  log "server start $n: pid $JAVA_PID, waiting for both health checks"
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "$PORTAL/health") == 200 \
        && $(curl -s -o /dev/null -w '%{http_code}' "$PORTAL/tracker/api/v1/health") == 200 ]]; do
    kill -0 "$JAVA_PID" 2>/dev/null || die "WildFly exited: $(tail -5 "$RESULTS/server-$n.out")"
    ((SECONDS < deadline)) || die "health checks not 200 after 300 s (server.log in $RESULTS)"
    sleep 0.5
  done
}

# ------------------------------------------------------------------ the server --

exec 9>"$LOCK"
if ((PORT_OFFSET == 0)) && ! flock -n 9; then
  log "waiting for $LOCK (an integration test is using the server ports)"
  flock -w 3600 9 || die "$LOCK still taken after an hour"
fi

log "database $DB on $PGHOST, created afresh"
drop_db
as_postgres "create database $DB owner $PGUSER" >/dev/null || die "cannot create database $DB"
DB_MADE=1

BASE=$(mktemp -d /tmp/swarmport-bench-portal.XXXXXX)
mkdir -p "$BASE/deployments" "$BASE/configuration"
(cd "$JBOSS_HOME/standalone/configuration" && tar --exclude=standalone_xml_history -cf - .) | tar -C "$BASE/configuration" -xf -
cp "$WARS/tracker.war" "$WARS/portal.war" "$BASE/deployments/"

start_server 1   # migrates both schemas

log "compiling the loader (bench/search's generator)"
mkdir -p "$RESULTS/loader"
javac -nowarn -d "$RESULTS/loader" -cp "$CP" "$ROOT/bench/search/SearchBench.java" "$HERE/CatalogueLoad.java" \
    2>"$RESULTS/loader.err" || die "loader does not compile: $(cat "$RESULTS/loader.err")"
log "loading $COUNT torrents into tracker.torrent and tracker.torrent_file (COPY)"
LOAD_LINE=$(java -Xmx1g -cp "$RESULTS/loader:$CP" CatalogueLoad "$COUNT" "$SEED" "$JDBC" "$PGUSER" "$PGPASSWORD") \
    || die "load failed"
log "$LOAD_LINE"

# The index follows the catalogue's change events, which rows written by COPY do not send;
# at start it reconciles itself with the catalogue, so a restart indexes them.
stop_server
start_server 2
t0=$SECONDS
until [[ $(curl -s "$PORTAL/tracker/api/v1/search?q=&sort=added&size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p') == "$COUNT" ]]; do
  kill -0 "$JAVA_PID" 2>/dev/null || die "WildFly exited while indexing"
  ((SECONDS - t0 < 600)) || die "the index does not hold $COUNT torrents after 600 s"
  sleep 1
done
INDEX_SECONDS=$((SECONDS - t0))
log "index holds $COUNT torrents ${INDEX_SECONDS} s after the health checks"
for path in "/search?q=1080p" "/torrent?id=1" "/torrent?id=$COUNT"; do
  code=$(curl -s -o "$RESULTS/probe.html" -w '%{http_code}' "$PORTAL$path")
  [[ $code == 200 ]] || die "$path answers $code"
  ! grep -q 'id="tracker-unavailable"' "$RESULTS/probe.html" || die "$path says the tracker cannot be reached"
done

# ------------------------------------------------------------------- measuring --

JFR_FILE=""
if [[ $JFR == 1 ]]; then
  JFR_FILE=$RESULTS/server.jfr
  jcmd "$JAVA_PID" JFR.start name=portalbench settings=profile >/dev/null || die "JFR.start failed"
fi

# pg_ticks: CPU ticks (user+sys) of the PostgreSQL backends serving $DB (the server's pooled
# connections, which live through a run) and of the postmaster's auxiliary processes (WAL
# writer, checkpointer, autovacuum: shared with other databases, small while only reading)
pg_ticks() {
  local pid cmd total=0 t
  for pid in $(pgrep -x postgres || true); do
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
    case $cmd in
      *" $DB "*|*"writer"*|*"checkpointer"*|*"autovacuum"*|*"walwriter"*) t=$(proc_ticks "$pid"); total=$((total + t)) ;;
    esac
  done
  echo "$total"
}

# request_ticks: CPU ticks (user+sys) of the server's request threads ("default task-N", the
# servlets of both wars, and "default I/O-N", Undertow's HTTP parsing and writing): the pages'
# own work, without the JIT, GC and timers (the tracker's known-torrent reload every 60 s, the
# index commit every 5 s), which a busy machine spreads over fewer pages
request_ticks() {
  local total=0 t f
  for f in /proc/"$JAVA_PID"/task/*; do
    case $(cat "$f/comm" 2>/dev/null) in
      "default task"*|"default I/O"*) t=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$f/stat" 2>/dev/null || echo 0); total=$((total + t)) ;;
    esac
  done
  echo "$total"
}

# run_wrk NAME PAGE SECONDS: wrk's output to $RESULTS/NAME.out, its PORTAL-RESULT line on stdout
# with the CPU each page cost appended: server_cpu_ms (the WildFly JVM: portal, tracker, GC,
# JIT), pg_cpu_ms and wrk_cpu_ms, each the ticks over the run divided by the requests. Steadier
# than latency on a shared machine: other work delays a page but does not add to its CPU.
run_wrk() {
  local name=$1 page=$2 secs=$3 java0 pg0 java1 pg1 c0 c1 req0 req1 line requests
  java0=$(proc_ticks "$JAVA_PID") pg0=$(pg_ticks) req0=$(request_ticks)
  children_ticks c0
  timeout -s INT $((secs + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --latency --timeout 5s \
      -s "$HERE/pages.lua" "$PORTAL" -- "$page" "$SEED" "$COUNT" >"$RESULTS/$name.out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || true
  WRK_PID=""
  # wrk (through timeout) is the only child that finished in between
  children_ticks c1
  java1=$(proc_ticks "$JAVA_PID") pg1=$(pg_ticks) req1=$(request_ticks)
  line=$(grep '^PORTAL-RESULT' "$RESULTS/$name.out") || die "wrk gave no result for $name: $(tail -5 "$RESULTS/$name.out")"
  requests=$(field requests "$line")
  awk -v l="$line" -v n="$requests" -v hz="$HZ" -v j=$((java1 - java0)) -v p=$((pg1 - pg0)) -v w=$((c1 - c0)) -v r=$((req1 - req0)) \
      'BEGIN { n = n > 0 ? n : 1; printf "%s server_cpu_ms=%.2f request_cpu_ms=%.2f pg_cpu_ms=%.2f wrk_cpu_ms=%.2f\n", l, j * 1000 / hz / n, r * 1000 / hz / n, p * 1000 / hz / n, w * 1000 / hz / n }'
}

ROWS=()
for page in $PAGES; do
  log "$page: warm-up ${WARMUP}"
  run_wrk "$page-warmup" "$page" "$(dur_seconds "$WARMUP")" >/dev/null
  busy=$(wait_quiet)
  before=$(loadavg)
  log "$page: measuring ${DURATION} (machine ${busy}% busy before, load $before)"
  line=$(run_wrk "$page" "$page" "$(dur_seconds "$DURATION")")
  ROWS+=("$page|$line|$before|$(loadavg)")
done
if [[ -n $JFR_FILE ]]; then jcmd "$JAVA_PID" JFR.stop name=portalbench filename="$JFR_FILE" >/dev/null; fi

# ---------------------------------------------------------------------- report --

FAILED=0 NOTES=() TABLE=()
for row in "${ROWS[@]}"; do
  IFS='|' read -r page line before after <<<"$row"
  errs=$(( $(field unavailable "$line") + $(field incomplete "$line") + $(field sock_connect "$line") + $(field sock_read "$line") + $(field sock_write "$line") + $(field sock_timeout "$line") ))
  n2=$(field non2xx "$line")
  p95=$(field p95_ms "$line")
  TABLE+=("$(printf '%-8s %9s %8s %8s %8s %8s %7s %7s %8s %8s %8s %8s %-16s %-16s' "$page" "$(field rps "$line")" "$(field p50_ms "$line")" "$p95" \
    "$(field p99_ms "$line")" "$(field max_ms "$line")" "$errs" "$n2" "$(field server_cpu_ms "$line")" "$(field pg_cpu_ms "$line")" \
    "$(field wrk_cpu_ms "$line")" "$(field request_cpu_ms "$line")" "$before" "$after")")
  if ((errs + n2 > 0)); then FAILED=1; fi
  NOTES+=("$page: p95 $p95 ms, target <= $TARGET_P95_MS ms: $(awk -v p="$p95" -v t="$TARGET_P95_MS" 'BEGIN { print (p <= t ? "met" : "MISSED") }')")
done
{
  echo "Portal pages benchmark, $STAMP, commit $COMMIT"
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "catalogue: $LOAD_LINE (PostgreSQL $DB); index complete ${INDEX_SECONDS} s after the second start"
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up) -s pages.lua"
  echo
  printf '%-8s %9s %8s %8s %8s %8s %7s %7s %8s %8s %8s %8s %-16s %-16s\n' page 'req/s' 'p50 ms' 'p95 ms' 'p99 ms' 'max ms' errors non2xx \
    'srv cpu' 'pg cpu' 'wrk cpu' 'req cpu' 'load before' 'load after'
  printf '%s\n' "${TABLE[@]}"
  echo
  printf '%s\n' "${NOTES[@]}"
  echo "errors = pages saying the tracker cannot be reached + pages without results/torrent + wrk socket errors"
  echo "srv/pg/wrk cpu = CPU ms per page (user+sys from /proc over the measured run / requests): the WildFly JVM, the PostgreSQL backends of $DB, wrk"
  echo "req cpu = the part of srv cpu in the server's request threads (default task-N, default I/O-N): no JIT, GC or timers"
  [[ -z $JFR_FILE ]] || echo "flight recording of the server during the measured runs: $JFR_FILE"
  echo "raw output: $RESULTS"
} | tee "$RESULTS/summary.txt"
((FAILED == 0)) || die "errors or non-2xx answers during the measured runs (see $RESULTS)"
