#!/usr/bin/env python3
"""Times lmms-eval's own vqav2_process_results on the samples from metrics_vqav2_gen.py (parsing excluded).

    /usr/bin/python3 scripts/bench/metrics_vqav2_python.py /work/ref/lmms-eval /tmp/vqav2_bench.jsonl

Prints samples/s and a SHA-256 over repr() of every per-doc exact_match, which the Java run must reproduce.
"""
import hashlib
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "oracle"))
import lmms_loader  # noqa: E402


def main(checkout, path):
    lmms_loader.setup(checkout)
    vqav2 = lmms_loader.load("lmms_eval.tasks.vqav2.utils")
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    t0 = time.perf_counter()
    values = [vqav2.vqav2_process_results(d, [d["pred"]])["exact_match"] for d in docs]
    elapsed = time.perf_counter() - t0
    digest = hashlib.sha256("\n".join(repr(v) for v in values).encode()).hexdigest()
    print(f"python {sys.version.split()[0]}: {len(docs)} samples in {elapsed:.3f} s = "
          f"{len(docs) / elapsed:,.0f} samples/s; per-doc sha256 {digest}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
