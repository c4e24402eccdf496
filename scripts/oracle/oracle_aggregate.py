#!/usr/bin/env python3.12
"""Reference values for everything whose last digit depends on CPython 3.12's sum(): lmms-eval's own aggregation
and stderr functions (lmms_eval/api/metrics.py), MME's category sum and ScreenSpot's REC and click metrics.

    ~/.pyenv/versions/3.12.1/bin/python3.12 scripts/oracle/oracle_aggregate.py /work/ref/lmms-eval \
        metrics/src/test/resources/oracle [family...]
"""
import contextlib
import io
import json
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


def aggregate(out, checkout):
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
    for i in range(200):
        n = rng.choice([2, 3, 7, 20, 51, 100])
        xs = per_doc_values(rng, n)
        iters = 100000 if i < 3 else rng.choice([1000, 1000, 1500, 2000, 2500])
        cases.append({"items": py(xs), "iters": iters,
                      "median_stderr": outcome(m.bootstrap_stderr, m.median, xs, iters),
                      "mean_stderr": outcome(m.bootstrap_stderr, m.mean, xs, iters)})
    write(os.path.join(out, "lmms_bootstrap.json"), {"python": sys.version, "lmms_eval": checkout}, cases)


def mme(out, checkout):
    m = lmms_loader.load("lmms_eval.tasks.mme.utils")
    rng = random.Random(61)
    cases = []
    cats = ["existence", "count", "OCR", "artwork", "code_reasoning", "text_translation", "numerical_calculation"]
    for i in range(240):
        records = []
        for img in range(rng.choice([0, 1, 2, 5, 30, 150])):
            cat = rng.choice(cats)
            n = 2 if rng.random() > 0.01 else 3
            for _ in range(n):
                records.append({"question_id": f"{cat}/{img}.png", "category": cat, "score": rng.choice([0.0, 1.0])})
        rng.shuffle(records)
        cases.append({"records": py(records), "score": outcome(m.mme_aggregate_results, records)})
    write(os.path.join(out, "mme_aggregate.json"), {"python": sys.version, "lmms_eval": checkout}, cases)


def screenspot(out, checkout):
    import screenspot_cases as sc

    rec = lmms_loader.load("lmms_eval.tasks.screenspot.utils_rec")
    v2 = lmms_loader.load("lmms_eval.tasks.screenspot_v2.utils")
    pro = lmms_loader.load("lmms_eval.tasks.screenspot_pro.utils")
    rng = random.Random(62)
    docs = []
    for i in range(900):
        gt = sc.gt_box(rng)
        pred_box = sc.threshold_pred(rng, gt) if rng.random() < 0.4 else sc.gt_box(rng)
        text = sc.fmt_box(rng, pred_box)
        doc = {"instruction": "i", "file_name": str(i), "bbox": gt, "data_type": rng.choice(["text", "icon"]),
               "data_source": rng.choice(["ios", "android", "macos", "windows", "gitlab"])}
        res = outcome(lambda: rec.screenspot_rec_process_result(doc, [text])["screenspot_IoU"]["pred"])
        scores = {}
        if "ok" in res:
            parsed = rec.parse_float_sequence_within(text)
            for metric in rec.REC_METRICS:
                scores[metric] = outcome(rec.screenspot_rec_aggregation_result, [{**doc, "pred": parsed}], metric)
        docs.append({"text": text, "bbox": py(gt), "parsed": res, "scores": scores})
    cases = []
    for i in range(240):
        batch = rng.sample(docs, rng.choice([0, 1, 2, 10, 60]))
        results = [{"bbox": [float(v[2:]) for v in d["bbox"]], "pred": rec.parse_float_sequence_within(d["text"]),
                    "data_type": "text", "data_source": "web"} for d in batch]
        cases.append({"texts": [d["text"] for d in batch], "bboxes": [d["bbox"] for d in batch],
                      "metrics": {mt: outcome(rec.screenspot_rec_aggregation_result, results, mt)
                                  for mt in rec.REC_METRICS}})
    write(os.path.join(out, "screenspot_rec.json"), {"python": sys.version, "lmms_eval": checkout},
          {"docs": docs, "aggregates": cases})

    clicks = []
    for i in range(900):
        gt = sc.gt_box(rng)
        size = rng.choice([None, (1920, 1080), (1280, 800), (2560, 1440)])
        style = rng.choice(["norm", "xyxy", "xywh"]) if size else "norm"
        if style == "xyxy":
            box = [round(gt[0] * size[0]), round(gt[1] * size[1]), round(gt[2] * size[0]), round(gt[3] * size[1])]
        elif style == "xywh":
            box = [round(gt[0] * size[0]), round(gt[1] * size[1]), round((gt[2] - gt[0]) * size[0]),
                   round((gt[3] - gt[1]) * size[1])]
        else:
            box = gt
        text = sc.click_pred(rng, gt, size)
        doc = {"bbox": box, "data_type": rng.choice(["text", "icon", "Text", None])}
        if size:
            doc["image_width"], doc["image_height"] = size
        v2res = outcome(lambda: v2.screenspot_v2_process_results(doc, [text])["screenspot_v2_action_acc"]["correct"])
        pdoc = dict(doc)
        form = rng.choice(["list", "json", "text", "bad"])
        if form == "json":
            pdoc["bbox"] = json.dumps(box)
        elif form == "text":
            pdoc["bbox"] = "box: " + " ".join(str(v) for v in box)
        elif form == "bad":
            pdoc["bbox"] = rng.choice(["[1, 2]", "nope", "{}", "[\"a\", 1, 2, 3]", "5"])
        if size and rng.random() < 0.3:
            pdoc["img_size"] = rng.choice([list(size), json.dumps(list(size)), f"{size[0]}x{size[1]}", "[0, 5]"])
        prores = outcome(lambda: pro.screenspot_pro_process_results(pdoc, [text])["screenspot_pro_action_acc"])
        point = outcome(lambda: v2._parse_point(text))
        clicks.append({"text": text, "doc": py(doc), "pro_doc": py(pdoc), "point": point, "v2": v2res, "pro": prores})
    write(os.path.join(out, "screenspot_click.json"), {"python": sys.version, "lmms_eval": checkout}, clicks)


FAMILIES = {"aggregate": aggregate, "mme": mme, "screenspot": screenspot}

if __name__ == "__main__":
    checkout, out = sys.argv[1], sys.argv[2]
    lmms_loader.setup(checkout)
    os.makedirs(out, exist_ok=True)
    for name in sys.argv[3:] or FAMILIES:
        with contextlib.redirect_stdout(io.StringIO()):  # upstream prints per-split tables and progress
            FAMILIES[name](out, checkout)
