#!/bin/sh
# The Decision regions tab's grid inference against the training it shows, for docs/PERFORMANCE.md:
# bench/regions/RegionsCost.java trains the first-start example (mlp-resnet-20 on the spiral) and its plain twin as the
# window does, then runs each state kept at an evaluation over the 100 x 100 grid through one probe, and prints the
# milliseconds a training step, between two evaluations and per grid.
# Run from the repository after `mvn -DskipTests package`:
#   bench/regions.sh
# Not part of the app.
set -eu
OUT=target/bench-regions
mkdir -p "$OUT/classes"
mvn -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt"
CP="target/classes:$(cat "$OUT/classpath.txt")"
javac -d "$OUT/classes" -cp "$CP" bench/regions/RegionsCost.java
load() {
  if [ -r /proc/loadavg ]; then cut -d' ' -f1-3 /proc/loadavg; else uptime; fi
}
echo "load before: $(load)"
java -Djava.awt.headless=true -Dresnetexplorer.language=en -cp "$OUT/classes:$CP" org.resnetexplorer.ui.RegionsCost
echo "load after: $(load)"
