#!/usr/bin/env bash
# Benchmark: score N VQAv2-shaped samples with magma-eval's Java metrics and with lmms-eval's own Python function,
# on the same cases; prints samples/s for both, the ratio, and checks that the per-doc values are identical.
#   scripts/bench/metrics_vqav2.sh [N=200000] [lmms-eval checkout=/work/ref/lmms-eval]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-200000}"
LMMS="${2:-/work/ref/lmms-eval}"
PY="${PYTHON:-/usr/bin/python3}"
DATA="${TMPDIR:-/tmp}/magma-eval-vqav2-bench-$N.jsonl"
[ -f "$DATA" ] || "$PY" scripts/bench/metrics_vqav2_gen.py "$N" "$DATA"
./mvnw -q -B -ntp -o -pl metrics test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test >/dev/null
CP="metrics/target/classes:metrics/target/test-classes:$(cat metrics/target/bench.cp)"
JAVA_OUT="$(java -Xmx2g -cp "$CP" dev.magmaeval.metrics.bench.VqaV2Bench "$DATA")"
PY_OUT="$("$PY" scripts/bench/metrics_vqav2_python.py "$LMMS" "$DATA")"
echo "$JAVA_OUT"
echo "$PY_OUT"
java_rate="$(sed -E 's/.*= ([0-9,]+) samples\/s.*/\1/' <<<"$JAVA_OUT" | tr -d ,)"
py_rate="$(sed -E 's/.*= ([0-9,]+) samples\/s.*/\1/' <<<"$PY_OUT" | tr -d ,)"
java_sha="${JAVA_OUT##*sha256 }"
py_sha="${PY_OUT##*sha256 }"
awk -v j="$java_rate" -v p="$py_rate" 'BEGIN { printf "ratio java/python: %.1fx\n", j / p }'
if [ "$java_sha" = "$py_sha" ]; then echo "per-doc values identical"; else echo "per-doc values DIFFER" >&2; exit 1; fi
