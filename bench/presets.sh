#!/bin/sh
# Wall time and peak resident memory of every bundled preset headless, for docs/PERFORMANCE.md ("Presets"):
# runs `java <the launcher's options> -jar target/resnet-explorer.jar experiment ID --seed 1` for each preset (its
# runs in parallel, one per core: the command's default) and `train cifar-resnet-20 --dataset fashion-mnist
# --downscale --steps 1500`, and prints a Markdown table: the command, its exit code, wall time, peak RSS.
#
#   bench/presets.sh                      every bundled preset, then the train line
#   bench/presets.sh degradation train    the presets named, and the train line if "train" is named
#
# The options are the launcher's (src/dist/bin/resnet-explorer, LaunchOptionsTest keeps them alike): the collector's,
# -Xmx640m and MALLOC_ARENA_MAX=2. GC_OPTS, MEM_OPTS and MALLOC_ARENA_MAX replace them, JAVA_OPTS adds options,
# JOBS adds --jobs JOBS to the presets. Peak RSS comes from /usr/bin/time (apt-get install -y time; TIME_COMMAND
# names another) or, without it (TIME_COMMAND=none), from the kernel's high-water mark (VmHWM in /proc/PID/status)
# read every 0.2 s, which can miss the last 0.2 s. Run from the repository after `mvn -DskipTests package`.
# Not part of the app.
set -eu
JAR=${JAR:-target/resnet-explorer.jar}
OUT=${OUT:-target/bench-presets}
gc=${GC_OPTS:--XX:+UseParallelGC -Xmn32m -XX:MetaspaceSize=128m -XX:-UseAdaptiveSizePolicy -Xms256m -XX:MinHeapFreeRatio=60}
mem=${MEM_OPTS--Xmx640m}
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
jobs=${JOBS:+--jobs $JOBS}
mkdir -p "$OUT"
# shellcheck disable=SC2086 # the option lists are word lists
java=$(printf '%s ' java $gc $mem ${JAVA_OPTS:-})

if [ $# -eq 0 ]; then
  # the ids, as `experiment` lists them: "ID  title"
  set -- $($java -jar "$JAR" experiment | cut -d' ' -f1) train
fi

# Runs the command line "$@", writing "exit seconds peak-kB" to $OUT/last.txt.
measure() {
  if [ -x "${TIME_COMMAND:-/usr/bin/time}" ]; then
    "${TIME_COMMAND:-/usr/bin/time}" -f "%x %e %M" -o "$OUT/last.txt" "$@" > "$OUT/last.log" 2>&1 || true
    return
  fi
  start=$(date +%s.%N)
  "$@" > "$OUT/last.log" 2>&1 &
  pid=$!
  peak=0
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
    sleep 0.2
  done
  code=0
  wait "$pid" || code=$?
  echo "$code $(echo "$(date +%s.%N) $start" | awk '{print $1 - $2}') $peak" > "$OUT/last.txt"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load before:" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "options: $java MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
echo
echo "| command | exit | wall time | peak RSS |"
echo "|---|---:|---:|---:|"
for id in "$@"; do
  if [ "$id" = train ]; then
    args="train cifar-resnet-20 --dataset fashion-mnist --downscale --steps 1500 --quiet --out $OUT/train"
    shown="train cifar-resnet-20 --dataset fashion-mnist --downscale --steps 1500"
  else
    args="experiment $id --seed 1 $jobs"
    shown="experiment $id --seed 1 $jobs"
  fi
  # shellcheck disable=SC2086
  measure $java -jar "$JAR" $args
  cp "$OUT/last.log" "$OUT/$id.log"
  # the last line: GNU time puts "Command exited with non-zero status N" before it
  last=$(tail -n 1 "$OUT/last.txt")
  code=$(echo "$last" | cut -d' ' -f1)
  seconds=$(echo "$last" | cut -d' ' -f2)
  kb=$(echo "$last" | cut -d' ' -f3)
  printf '| `%s` | %s | %.0f s | %d MB |\n' "$(echo "$shown" | sed 's/ *$//')" "$code" "$seconds" "$((kb / 1024))"
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); each command's output in $OUT/ID.log"
