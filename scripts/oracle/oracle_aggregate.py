#!/usr/bin/env python3.12
"""Reference values for dev.magmaeval.metrics.aggregate: lmms-eval's own aggregation and stderr functions
(lmms_eval/api/metrics.py) under CPython 3.12, whose sum() decides the last digit.

    ~/.pyenv/versions/3.12.1/bin/python3.12 scripts/oracle/oracle_aggregate.py /work/ref/lmms-eval \
        metrics/src/test/resources/oracle
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lmms_loader  # noqa: E402
import pyvalues  # noqa: E402
from npf import NpF  # noqa: E402
from pyvalues import outcome, py, pylist, write  # noqa: E402

assert sys.version_info[:2] == (3, 12), "run with CPython 3.12"
pyvalues.set_numpy_float_types(NpF)


def per_doc_values(rng, n):
    """Per-doc metric values as tasks produce them."""
    kind = rng.choice(["vqa", "bool", "binary_float", "anls", "np", "int100", "random", "mixed"])
    if kind in ("random", "anls"):
        n = min(n, 240)
    out = []
    for _ in range(n):
        if kind == "vqa":
            out.append(rng.choice([1, 1, 1, 0.0, 1 / 3, 2 / 3, 0.9, 0.3, 0.6, 0.7, 0.8, 0.1]))
        elif kind == "bool":
            out.append(rng.random() < 0.6)
        elif kind == "binary_float":
            out.append(rng.choice([0.0, 1.0]))
        elif kind == "anls":
            out.append(rng.choice([0, 1.0, 1 - rng.randint(0, 49) / rng.randint(50, 120)]))
        elif kind == "np":
            out.append(NpF(rng.choice([0.0, 1.0])))
        elif kind == "int100":
            out.append(rng.choice([0, 100]))
        elif kind == "random":
            out.append(rng.random() * rng.choice([1, 100, 1e-3]))
        else:
            out.append(rng.choice([0, 1, True, False, 0.5, 1 / 3, NpF(1.0)]))
    return out


def pow_exact(bases):
    """Whether libm's pow(b, 2.0), which Python's b ** 2 calls, equals the correctly rounded b * b for all bases.

    glibc's pow is not correctly rounded (about 1 in 1200 random squares differs in the last bit, and which ones
    depends on the libm and on the CPU's FMA support). The Java side squares exactly, so cases where the platform's
    pow deviates are marked and checked to within one ulp instead of bit for bit.
    """
    return all(float(b) ** 2 == float(b) * float(b) for b in bases)


def main(checkout, out):
    lmms_loader.setup(checkout)
    m = lmms_loader.load("lmms_eval.api.metrics")
    rng = random.Random(2024)
    cases = []
    sizes = [2, 3, 5, 10, 50, 100, 240, 1000, 5000]
    for i in range(260):
        n = rng.choice(sizes) if i > 3 else [1, 2, 2, 3][i]
        xs = per_doc_values(rng, n)
        ids = [rng.choice(["v%d" % k for k in range(max(1, min(60, n // rng.choice([1, 3, 4]))))]) for _ in xs]
        mu = m.mean(xs) if xs else 0
        c = {"items": pylist(xs), "cluster_ids": pylist(ids), "pow_exact": pow_exact([x - mu for x in xs]),
             "mean": outcome(m.mean, xs), "median": outcome(m.median, xs),
             "mean_stderr": outcome(m.mean_stderr, xs), "clustered": outcome(m.clustered_stderr, xs, ids)}
        cases.append(c)
    write(os.path.join(out, "lmms_aggregate.json"), {"python": sys.version, "lmms_eval": checkout}, cases)

    cases = []
    for i in range(220):
        k = rng.randint(1, 14)
        metrics_ = [rng.choice([rng.random(), rng.random() * 100, 0.5, 1, 0]) for _ in range(k)]
        sizes_ = [rng.choice([1, 2, 10, 150, 1000, 2000, 3000]) for _ in range(k)]
        stderrs = [rng.random() * 0.05 for _ in range(k)]
        cases.append({"metrics": py(metrics_), "sizes": sizes_, "stderrs": py(stderrs),
                      "weighted": outcome(m.aggregate_subtask_metrics, metrics_, sizes_, True),
                      "unweighted": outcome(m.aggregate_subtask_metrics, metrics_, sizes_, False),
                      "pow_exact": pow_exact(stderrs),
                      "pooled": outcome(lambda a, b: float(m.pooled_sample_stderr(a, b)), stderrs, sizes_)})
    write(os.path.join(out, "lmms_subtasks.json"), {"python": sys.version, "lmms_eval": checkout}, cases)

    cases = []
    for i in range(24):
        n = rng.choice([2, 3, 7, 20, 51, 100])
        xs = per_doc_values(rng, n)
        iters = 100000 if i < 3 else rng.choice([1000, 2000, 3000, 2500])
        cases.append({"items": py(xs), "iters": iters,
                      "median_stderr": outcome(m.bootstrap_stderr, m.median, xs, iters),
                      "mean_stderr": outcome(m.bootstrap_stderr, m.mean, xs, iters)})
    write(os.path.join(out, "lmms_bootstrap.json"), {"python": sys.version, "lmms_eval": checkout}, cases)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
