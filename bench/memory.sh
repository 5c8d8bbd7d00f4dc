#!/bin/sh
# The window's memory, for docs/PERFORMANCE.md ("Memory"): starts the packaged app under Xvfb with the launchers'
# options, presses Run (F5) RUNS times, each time waiting until the run is over (the process idles), and prints the
# resident (RSS) and proportional (PSS) set size every SAMPLE seconds, the peak of each run and of the session, and
# the size after a full collection at the end (what the session keeps, as against garbage not yet collected).
#
#   bench/memory.sh a     the first-start example (mlp-resnet-20 + plain twin on the spiral), RUNS=20 by default
#   bench/memory.sh b     cifar-resnet-20 (width WIDTH, default 16) + plain twin on Fashion-MNIST, 28x28
#                         (DOWNSCALE=true: 14x14), STEPS steps (default 120) of BATCH (default 64), RUNS=3 by default
#   bench/memory.sh e ID  the bundled experiment ID from the Experiments menu, run RUNS=1 time by default (Enter
#                         in its tab): the wall time and peak of a preset in the window (docs/PERFORMANCE.md)
#
# Scenario b opens the template through the window's start hook (-Dresnetexplorer.open, ui/StartOptions).
# JAVA_OPTS adds options (e.g. -XX:NativeMemoryTracking=summary: the JVM's own share is printed at the end);
# MEM_OPTS replaces the heap limit (MEM_OPTS= for none, as before decision 0021), MALLOC_ARENA_MAX the launchers' 2
# (16 is glibc's default on 2 cores), GC_OPTS the collector's options.
# Run from the repository after `mvn -DskipTests package`. Needs xvfb and xdotool. Not part of the app.
set -eu
scenario=${1:-a}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x720x24" "$0" "$@"
fi
# the launchers' options, as in src/dist/bin/resnet-explorer and pom.xml (LaunchOptionsTest keeps them alike)
gc=${GC_OPTS:--XX:+UseParallelGC -Xmn32m -XX:MetaspaceSize=128m -XX:-UseAdaptiveSizePolicy -Xms256m -XX:MinHeapFreeRatio=60}
mem=${MEM_OPTS--Xmx640m}
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
case "$scenario" in
  a) runs=${RUNS:-20}; start="" ;;
  b) runs=${RUNS:-3}
     start="-Dresnetexplorer.open=cifar-resnet-20 -Dresnetexplorer.open.width=${WIDTH:-16}"
     start="$start -Dresnetexplorer.training=dataset=fashion-mnist,downscale=${DOWNSCALE:-false},steps=${STEPS:-120},batch=${BATCH:-64},plainTwin=true" ;;
  e) runs=${RUNS:-1}; start="-Dresnetexplorer.experiment=${2:?usage: bench/memory.sh e ID}" ;;
  *) echo "usage: bench/memory.sh a|b|e ID" >&2; exit 2 ;;
esac
home_dir=$(mktemp -d)
echo "scenario $scenario: $start"
echo "options: $gc $mem ${JAVA_OPTS:-} MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # the option lists are word lists
java $gc $mem ${JAVA_OPTS:-} $start -Dresnetexplorer.home="$home_dir" -Dresnetexplorer.prefs=memory \
  -jar target/resnet-explorer.jar > target/memory.log 2>&1 &
pid=$!
window=$(xdotool search --sync --name "ResNet Explorer" | head -1)
# the window's warm-up (an off-screen rehearsal run) and ND4J's loading
sleep 12
sizes() {
  awk '/^Rss:/ {r = int($2 / 1024)} /^Pss:/ {p = int($2 / 1024)} END {print r, p}' "/proc/$pid/smaps_rollup"
}
# the Java heap's committed (total) or used sizes, young and old generation, in MB
heap() {
  jcmd "$pid" GC.heap_info 2>/dev/null | grep -Eo "$1 [0-9]+K" | head -2 | awk '{printf "%d ", $2 / 1024}'
}
ticks() {
  awk '{print $14 + $15}' "/proc/$pid/stat"
}
echo "after start: RSS PSS (MB) $(sizes)"
peak_rss=0
peak_pss=0
t=0
for run in $(seq 1 "$runs"); do
  xdotool windowfocus --sync "$window"
  if [ "$scenario" = e ]; then xdotool key Return; else xdotool key F5; fi
  run_rss=0
  run_pss=0
  idle=0
  elapsed=0
  last=$(ticks)
  # over when the process has used under 15% of a core for 3 s in a row (after at least 5 s)
  while [ "$elapsed" -lt 5 ] || [ "$idle" -lt 3 ]; do
    sleep "${SAMPLE:-1}"
    elapsed=$((elapsed + ${SAMPLE:-1}))
    t=$((t + ${SAMPLE:-1}))
    now=$(ticks)
    if [ $((now - last)) -lt $((15 * ${SAMPLE:-1})) ]; then idle=$((idle + 1)); else idle=0; fi
    last=$now
    set -- $(sizes)
    [ "$1" -gt "$run_rss" ] && run_rss=$1
    [ "$2" -gt "$run_pss" ] && run_pss=$2
    [ -n "${VERBOSE:-}" ] && echo "  t=${t}s RSS $1 PSS $2"
  done
  [ "$run_rss" -gt "$peak_rss" ] && peak_rss=$run_rss
  [ "$run_pss" -gt "$peak_pss" ] && peak_pss=$run_pss
  echo "run $run (${elapsed}s): peak RSS $run_rss MB, PSS $run_pss MB; idle after it: $(sizes); Java heap committed: $(heap total)"
done
echo "session peak: RSS $peak_rss MB, PSS $peak_pss MB"
case "${JAVA_OPTS:-}" in
  *NativeMemoryTracking*) jcmd "$pid" VM.native_memory summary | grep -E "committed=" | head -20 ;;
esac
# growth that a full collection takes back is dead arrays waiting for the collector; what stays is kept
jcmd "$pid" GC.run > /dev/null 2>&1 && sleep 3 && echo "after a full collection: RSS PSS (MB) $(sizes); Java heap (young, old) committed $(heap total)MB, used $(heap used)MB"
kill "$pid"
wait "$pid" 2>/dev/null || true
rm -rf "$home_dir"
