#!/bin/sh
# The window's figures for docs/PERFORMANCE.md, under Xvfb: time to the first window, resident memory and FX
# frame times while the first-start example trains (Run: the residual MLP and its plain twin on the spiral),
# and a screenshot at the end. Run from the repository after `mvn -DskipTests package`:
#   bench/ui.sh [SECONDS_OF_TRAINING] [SCREENSHOT.png]     (WAIT_BEFORE_RUN=S: seconds between window and Run, default 3;
#   JAVA_OPTS: more JVM options, e.g. -Xlog:gc,safepoint:file=target/gc.log:uptime;
#   GC_OPTS: the collector's options instead of the launchers' (pom.xml, src/dist/bin), e.g. GC_OPTS=-XX:+UseG1GC;
#   MEM_OPTS: the heap limit instead of the launchers' -Xmx640m, as MALLOC_ARENA_MAX their 2; decision 0021;
#   CHART=decision-regions: the chart tab shown while it trains, a ChartKind id; default the error curves)
# Needs xvfb, xdotool and imagemagick (apt-get install -y xvfb xdotool imagemagick). Not part of the app.
set -eu
SECONDS_TRAINING=${1:-60}
SHOT=${2:-target/ui-bench.png}
HOME_DIR=$(mktemp -d)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
java ${GC_OPTS:--XX:+UseParallelGC -Xmn32m -XX:MetaspaceSize=128m -XX:-UseAdaptiveSizePolicy -Xms256m -XX:MinHeapFreeRatio=60} ${MEM_OPTS:--Xmx640m} ${JAVA_OPTS:-} -Dresnetexplorer.home="$HOME_DIR" -Dresnetexplorer.prefs=memory -Dresnetexplorer.frameStats=true \
  ${CHART:+-Dresnetexplorer.chart=$CHART} \
  -jar target/resnet-explorer.jar 2> target/ui-bench.err &
pid=$!
window=$(xdotool search --sync --name "ResNet Explorer")
shown=$(date +%s%N)
echo "time to first window (launch to mapped window): $(( (shown - start) / 1000000 )) ms"
sleep ${WAIT_BEFORE_RUN:-3}
echo "resident memory idle: $(grep VmRSS /proc/$pid/status | awk '{print $2 / 1024 " MB"}'), proportional set size $(grep '^Pss:' /proc/$pid/smaps_rollup | awk '{print $2 / 1024 " MB"}')"
xdotool windowfocus --sync "$window"
xdotool key F5
peak=0
peakpss=0
i=0
while [ "$i" -lt "$SECONDS_TRAINING" ]; do
  rss=$(grep VmRSS /proc/$pid/status | awk '{print int($2 / 1024)}')
  pss=$(grep '^Pss:' /proc/$pid/smaps_rollup | awk '{print int($2 / 1024)}')
  [ "$rss" -gt "$peak" ] && peak=$rss
  [ "$pss" -gt "$peakpss" ] && peakpss=$pss
  sleep 1
  i=$((i + 1))
done
echo "peak resident memory while training the first-start example: $peak MB, proportional set size $peakpss MB (sampled every second)"
import -window "$window" "$SHOT"
echo "screenshot: $SHOT"
kill "$pid"
wait "$pid" 2>/dev/null || true
cat target/ui-bench.err | grep -E "^Render thread during|first window|FX pulse|training ended|warm-up done|chart |late frame|Run pressed|FX thread CPU|^FX thread during|^  +[0-9.]+%"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$HOME_DIR"
