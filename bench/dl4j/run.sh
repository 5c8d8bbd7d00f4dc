#!/bin/sh
# Runs the DL4J bench built by `mvn -q -DskipTests package` (in this folder) on one thread, with the same
# JavaCPP memory caps as the app's Nd4jRuntime. Arguments go to Dl4jBench: [--json] [--seconds S] [--warmup S]
# [--workload NAME]. DL4J_HELPERS=1 turns on DL4J's oneDNN layer helpers (off by default in 1.0.0-M2.1). A copy of the jar and lib/ is run, so a rebuild meanwhile does not break it.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE/target/run}
mkdir -p "$OUT"
cp -r "$HERE/target/lib" "$OUT/"
cp "$HERE/target/dl4j-bench.jar" "$OUT/"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
exec java -Xmx512m ${DL4J_HELPERS:+-Dorg.eclipse.deeplearning4j.helpers.disable=false} -Dorg.bytedeco.javacpp.maxbytes=768m -Dorg.bytedeco.javacpp.maxphysicalbytes=1536m \
  -jar "$OUT/dl4j-bench.jar" "$@"
