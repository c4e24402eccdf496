#!/usr/bin/env bash
# Tiny-twin throughput, Java ONNX Runtime vs PyTorch eager, on the same 7 reference prompts (4 with images, 1 to 4
# images each, max 20 new tokens), end to end per sample, at batch 1 and 4, same thread count.
#   scripts/bench/magma_bench.sh [threads=1] [repetitions=5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
THREADS="${1:-1}"
REPS="${2:-5}"
MODEL="$ROOT/adapters/src/test/resources/tiny-magma"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
cd "$ROOT"
./mvnw -q -B -ntp -pl adapters -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test >/dev/null
export DJL_OFFLINE=true OPT_OUT_TRACKING=true RUST_FLAVOR=cpu
# The classpath goes in CLASSPATH, not -cp: ONNX Runtime 1.29's native init segfaults when the process command line
# is longer than about 3.5 KB (measured here; ./eval's "lib/*" wildcard stays short).
CLASSPATH="adapters/target/test-classes:adapters/target/classes:$(cat "$OUT/cp.txt")" \
  java -Xmx2g -Djava.awt.headless=true -Dai.djl.offline=true dev.magmaeval.adapters.magma.MagmaBench "$MODEL" "$THREADS" "$REPS" 2>/dev/null | tee "$OUT/java.jsonl"
/usr/bin/python3 scripts/bench/magma_bench.py --model "$MODEL" --threads "$THREADS" --reps "$REPS" | tee "$OUT/torch.jsonl"
/usr/bin/python3 - "$OUT/java.jsonl" "$OUT/torch.jsonl" <<'PY'
import json, sys
java = {r["batch"]: r for r in map(json.loads, open(sys.argv[1]))}
torch = {r["batch"]: r for r in map(json.loads, open(sys.argv[2]))}
for b in sorted(java):
    j, t = java[b], torch[b]
    print(f"batch {b}: java-onnxruntime {j['samples_per_s']:.2f} samples/s, {j['tokens_per_s']:.1f} tokens/s; "
          f"pytorch-eager {t['samples_per_s']:.2f} samples/s, {t['tokens_per_s']:.1f} tokens/s; "
          f"ratio java/torch {j['samples_per_s'] / t['samples_per_s']:.2f}x")
PY
