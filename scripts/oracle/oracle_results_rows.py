#!/usr/bin/env python3
"""Reference stderr keys of the results rows for the image QA fixture tasks, from lmms-eval's own functions.

The per-doc values come from the task oracles (tasks/src/test/resources/oracle/<task>.json, themselves made by
lmms-eval's process_results). This script turns them into the results-row keys lmms-eval's evaluator writes
(evaluator_utils.TaskOutput): "<m>_stderr,<f>" (api/metrics.py::mean_stderr for `mean`, else "N/A"; "N/A" when
n <= 1), "<m>_stderr_clt,<f>" (np.std(items, ddof=1) / np.sqrt(n), items or item["score"]; "N/A" when n <= 1) and
"<m>_stderr_clustered,<f>" ("N/A": these tasks have no cluster_key). mean_stderr depends on CPython 3.12's sum(),
np.std on numpy, so it runs in two steps:

    ~/.pyenv/versions/3.12.1/bin/python3.12 scripts/oracle/oracle_results_rows.py stderr /work/ref/lmms-eval
    /usr/bin/python3 scripts/oracle/oracle_results_rows.py clt /work/ref/lmms-eval

Both read and update tasks/src/test/resources/oracle/results_rows.json.
"""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lmms_loader  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ORACLE = os.path.join(ROOT, "tasks", "src", "test", "resources", "oracle")
OUT = os.path.join(ORACLE, "results_rows.json")

# (task, metric) -> aggregation kind, as the upstream YAMLs (lmms_eval/tasks/<task>/*.yaml) declare them; vsr and
# spatialeval are ours (configs/tasks/{vsr,spatialeval}), with `mean`.
TASKS = {
    "vqav2_val": {"exact_match": "mean"},
    "textvqa_val": {"exact_match": "mean", "submission": "function"},
    "docvqa_val": {"anls": "mean"},
    "chartqa": {"relaxed_overall": "mean", "relaxed_human_split": "mean", "relaxed_augmented_split": "mean"},
    "gqa": {"exact_match": "mean"},  # per-doc values are numpy.float64 (api/metrics.py exact_match)
    "ai2d": {"exact_match": "mean"},  # likewise
    "pope": {m: "function" for m in ("pope_accuracy", "pope_precision", "pope_recall", "pope_f1_score",
                                     "pope_yes_ratio")},
    "mme": {"mme_perception_score": "function", "mme_cognition_score": "function"},
    "vsr": {"vsr_acc": "mean"},
}


def items(task):
    """Per-doc values per (metric, filter), in doc order, as TaskOutput.sample_metrics collects them."""
    with open(os.path.join(ORACLE, task + ".json"), encoding="utf-8") as f:
        oracle = json.load(f)
    out = {}
    for sample in oracle["samples"]:
        for metric, value in sample["metrics"].items():
            out.setdefault((metric, sample["filter"]), []).append(value)
    return out


# Tasks whose per-doc values are numpy.float64 upstream; CPython's sum() adds those without compensation, so they are
# imitated with npf.NpF here (this interpreter has no numpy).
NUMPY_VALUED = {"gqa", "ai2d"}


def stderr_step(checkout, rows):
    from npf import NpF

    metrics = lmms_loader.load("lmms_eval.api.metrics")
    for task, kinds in TASKS.items():
        row = rows.setdefault(task, {})
        for (metric, flt), xs in items(task).items():
            if metric not in kinds:
                continue
            if task in NUMPY_VALUED:
                xs = [NpF(x) for x in xs]
            ok = kinds[metric] == "mean" and len(xs) > 1
            row[f"{metric}_stderr,{flt}"] = float(metrics.mean_stderr(xs)) if ok else "N/A"
            row[f"{metric}_stderr_clustered,{flt}"] = "N/A"


def clt_step(rows):
    import numpy as np

    for task, kinds in TASKS.items():
        row = rows.setdefault(task, {})
        for (metric, flt), xs in items(task).items():
            if metric not in kinds:
                continue
            numeric = [x for x in xs if isinstance(x, (int, float))]
            numeric += [x["score"] for x in xs if isinstance(x, dict) and "score" in x]
            n = len(numeric)
            value = np.std(numeric, ddof=1) / np.sqrt(n) if n > 1 else "N/A"
            row[f"{metric}_stderr_clt,{flt}"] = float(value) if value != "N/A" else value


def main():
    step, checkout = sys.argv[1], sys.argv[2]
    lmms_loader.setup(checkout)
    rows = {}
    if os.path.exists(OUT):
        with open(OUT, encoding="utf-8") as f:
            rows = json.load(f)
    if step == "stderr":
        assert sys.version_info[:2] == (3, 12), "the stderr step needs CPython 3.12's sum()"
        stderr_step(checkout, rows)
    elif step == "clt":
        clt_step(rows)
    else:
        raise SystemExit("step must be 'stderr' or 'clt'")
    rows["_source"] = {"lmms_eval": checkout, "note": "made by scripts/oracle/oracle_results_rows.py"}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
