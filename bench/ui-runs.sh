#!/bin/sh
# Runs after the first, for docs/PERFORMANCE.md: starts the app under Xvfb (with the launchers' collector and memory
# options, GC_OPTS and MEM_OPTS to compare others), presses Run on the first-start example RUNS times (default 4), 18 s apart, and
# prints the FX frame statistics of each training, the peak proportional set size and the collector's pauses.
# Run from the repository after `mvn -DskipTests package`: RUNS=8 bench/ui-runs.sh
# Needs xvfb, xdotool and imagemagick, as bench/ui.sh. Not part of the app.
set -eu
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
HOME_DIR=$(mktemp -d)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
java ${GC_OPTS:--XX:+UseParallelGC -Xmn32m -XX:MetaspaceSize=128m -XX:-UseAdaptiveSizePolicy -Xms256m -XX:MinHeapFreeRatio=60} ${MEM_OPTS:--Xmx640m} ${JAVA_OPTS:-} -Xlog:gc:file=target/ui-runs-gc.log:uptime \
  -Dresnetexplorer.home="$HOME_DIR" -Dresnetexplorer.prefs=memory -Dresnetexplorer.frameStats=true \
  -jar target/resnet-explorer.jar 2> target/ui-runs.err &
pid=$!
window=$(xdotool search --sync --name "ResNet Explorer")
sleep 8
peak=0
for run in $(seq 1 "${RUNS:-4}"); do
  xdotool windowfocus --sync "$window"
  xdotool key F5
  for s in $(seq 1 18); do
    sleep 1
    pss=$(grep '^Pss:' /proc/$pid/smaps_rollup | awk '{print int($2 / 1024)}')
    [ "$pss" -gt "$peak" ] && peak=$pss
  done
done
kill "$pid"
wait "$pid" 2>/dev/null || true
grep -E "while training" target/ui-runs.err
echo "peak proportional set size: $peak MB"
for kind in "Pause Young" "Pause Full"; do
  grep "$kind" target/ui-runs-gc.log | sed 's/.* \([0-9.]*\)ms$/\1/' | sort -n | awk -v k="$kind" \
    '{n++; s+=$1; m=$1} END {if (n) printf "%s: n=%d mean=%.1f max=%.1f ms\n", k, n, s/n, m}'
done
rm -rf "$HOME_DIR"
