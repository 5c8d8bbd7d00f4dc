#!/bin/sh
# ND4J (the app's `bench`) against PyTorch on the same workloads, then the peak resident memory of `train` on
# each workload. Run from the repository after `mvn -DskipTests package`:
#   bench/compare.sh [SECONDS] [REPEATS]      e.g. bench/compare.sh 6 3
# Needs Debian's python3-torch and libopenblas0-pthread, and /usr/bin/time. Not part of the app.
set -eu
SECONDS_PER=${1:-6}
REPEATS=${2:-3}
JAR=${JAR:-target/resnet-explorer.jar}
HEAP=${HEAP:--Xmx512m}
OUT=${OUT:-target/bench}
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
mkdir -p "$OUT"
cp -r "$(dirname "$JAR")/lib" "$OUT/" 2>/dev/null || true
cp "$JAR" "$OUT/resnet-explorer.jar"   # a copy: a rebuild while this runs must not break it

echo "machine: $(nproc --all) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
  "$(free -g | awk '/Mem:/ {print $2}') GB RAM; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
i=1
while [ "$i" -le "$REPEATS" ]; do   # interleaved, so both see the same load
  java $HEAP -jar "$OUT/resnet-explorer.jar" bench --json --seconds "$SECONDS_PER" > "$OUT/nd4j-$i.json"
  /usr/bin/python3 bench/pytorch_bench.py --json --seconds "$SECONDS_PER" > "$OUT/torch-$i.json"
  echo "repeat $i done, load $(cut -d' ' -f1-3 /proc/loadavg)"
  i=$((i + 1))
done

/usr/bin/python3 - "$OUT" "$REPEATS" <<'PY'
import json, statistics, sys
out, repeats = sys.argv[1], int(sys.argv[2])
def load(kind):
    runs = [json.load(open(f'{out}/{kind}-{i}.json')) for i in range(1, repeats + 1)]
    table = {}
    for run in runs:
        for r in run:
            table.setdefault((r['workload'], r['metrics']), []).append(r['stepsPerSecond'])
    return {k: statistics.median(v) for k, v in table.items()}, table
nd, ndall = load('nd4j')
pt, ptall = load('torch')
print(f"\n{'workload':16} {'metrics':7} {'ND4J steps/s':>13} {'PyTorch steps/s':>16} {'ratio':>6} {'ND4J metrics overhead':>22}")
for (w, m) in nd:
    overhead = f"{100 * (1 - nd[(w, True)] / nd[(w, False)]):.1f}%" if m else ''
    print(f"{w:16} {'on' if m else 'off':7} {nd[(w, m)]:13.1f} {pt[(w, m)]:16.1f} {nd[(w, m)] / pt[(w, m)]:6.2f} {overhead:>22}")
print('\nmedians of', repeats, 'interleaved repeats; all runs (ND4J | PyTorch):')
for k in nd:
    print(f"  {k[0]:16} {'on ' if k[1] else 'off'}  {ndall[k]} | {ptall[k]}")
PY

echo
echo "peak resident memory of 'train' (300 steps, $HEAP, metrics every 10, test error every 100):"
/usr/bin/python3 bench/make_idx16.py "$OUT/idx16"
for spec in "mlp-plain-8|--dataset spiral --classes 3 --width 32 --no-bn --batch 64 --lr 0.01" \
            "mlp-resnet-32|--dataset spiral --classes 3 --width 32 --no-bn --batch 64 --lr 0.01" \
            "cifar-resnet-8|--dataset mnist --data-dir $OUT/idx16 --width 8 --batch 32 --lr 0.05" \
            "cifar-plain-20|--dataset mnist --data-dir $OUT/idx16 --width 8 --batch 32 --lr 0.05"; do
  model=${spec%%|*}
  args=${spec#*|}
  /usr/bin/time -f "%M %e %U" -o "$OUT/time-$model.txt" java $HEAP -jar "$OUT/resnet-explorer.jar" train "$model" \
      $args --steps 300 --quiet --out "$OUT/run-$model" > "$OUT/train-$model.log"
  set -- $(cat "$OUT/time-$model.txt")
  printf '  %-16s %5d MB peak RSS  (%s s wall, %s s user)\n' "$model" $(($1 / 1024)) "$2" "$3"
done
