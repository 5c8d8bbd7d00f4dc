#!/bin/sh
# The charts' frame times and export time for docs/PERFORMANCE.md: bench/charts/ChartsFrameTime.java feeds a plain
# and a residual 56-layer run to the charts pane (headless Monocle with the software renderer, as the UI tests run)
# and prints pulse-to-pulse intervals, build, paint and copy times per tab, and the time to export every chart.
# Run from the repository after `mvn -DskipTests package` (which compiles the test classes it uses):
#   bench/charts.sh [STEPS]      (the steps of each run; 3000 for the documented figures)
# Not part of the app.
set -eu
STEPS=${1:-3000}
OUT=target/bench-charts
mkdir -p "$OUT/classes"
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
CP="target/classes:target/test-classes:$(cat "$OUT/classpath.txt")"
javac -d "$OUT/classes" -cp "$CP" bench/charts/ChartsFrameTime.java
load() {
  if [ -r /proc/loadavg ]; then cut -d' ' -f1-3 /proc/loadavg; else uptime; fi
}
echo "load before: $(load)"
java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -Dheadless.geometry=1600x1200-32 -Djava.awt.headless=true -Dresnetexplorer.language=en \
  -cp "$OUT/classes:$CP" org.resnetexplorer.ui.charts.ChartsFrameTime "$STEPS"
echo "load after: $(load)"
