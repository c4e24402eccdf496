#!/usr/bin/env python3
"""Reference values for ChartQA, POPE, MME and the multiple-choice parsers (dev.magmaeval.metrics.{chartqa,pope,
mme,choice}), from lmms-eval's own task functions. Debian python3 with numpy:

    /usr/bin/python3 scripts/oracle/oracle_choice.py /work/ref/lmms-eval metrics/src/test/resources/oracle
"""
import ast
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import choice_cases as cc  # noqa: E402
import lmms_loader  # noqa: E402
import numpy as np  # noqa: E402
import pyvalues  # noqa: E402
from pyvalues import hard_strings, number_strings, outcome, py, write  # noqa: E402

pyvalues.set_numpy_float_types(np.floating)
SEED = 1234


def chartqa(out, lmms):
    m = lmms_loader.load("lmms_eval.tasks.chartqa.utils")
    rng = random.Random(51)
    nums = number_strings(52, 300) + ["10%", "10%%", "10 %", "%", "0", "0.0", "-0", "nan", "inf", "1e-320",
                                      "５０%", "50.0%", "0.5", "1,000", "1000"]
    words = ["Yes", "yes", "ß", "SS", "ss", "İ", "i̇", "ΑΣ", "ας", ""] + hard_strings(53, 60)
    cases = []
    for i in range(900):
        target = rng.choice(nums + words)
        if rng.random() < 0.5 and target in nums:
            try:
                v = float(target.rstrip("%"))
                pred = rng.choice([repr(v * rng.choice([1.049, 1.05, 1.0500001, 0.95, 0.9499, 1.0, -1.0])),
                                   str(v), f"{v:.2f}", target + "%"])
            except ValueError:
                pred = rng.choice(nums)
        else:
            pred = rng.choice(nums + words + [target.upper(), target.lower()])
        t = rng.choice(["human_test", "augmented_test", "other"])
        cases.append({"pred": pred, "answer": target, "type": t,
                      "result": outcome(m.chartqa_process_results, {"type": t, "answer": target}, [pred]),
                      "relaxed": outcome(m.relaxed_correctness, pred, target)})
    write(os.path.join(out, "chartqa.json"), {"lmms_eval": lmms}, cases)


def pope(out, lmms):
    m = lmms_loader.load("lmms_eval.tasks.pope.utils")
    rng = random.Random(54)
    cases, records = [], []
    for i in range(600):
        doc = {"question_id": str(i), "answer": rng.choice(["yes", "no", "Yes", " no ", "YES", "maybe"])}
        pred = cc.yes_no(rng)
        result = outcome(m.pope_process_results, doc, [pred])
        cases.append({"doc": doc, "pred": pred, "result": result})
        if "ok" in result:
            records.append(m.pope_process_results(doc, [pred])["pope_accuracy"])
    write(os.path.join(out, "pope.json"), {"lmms_eval": lmms}, cases)
    aggs = []
    for i in range(240):
        recs = rng.sample(records, rng.choice([0, 1, 2, 5, 20, 100]))
        aggs.append({"records": py(recs),
                     "accuracy": outcome(m.pope_aggregate_accuracy, recs),
                     "precision": outcome(m.pope_aggregate_precision, recs),
                     "recall": outcome(m.pope_aggregate_recall, recs),
                     "f1": outcome(m.pope_aggregate_f1_score, recs),
                     "yes_ratio": outcome(m.pope_aggregate_yes_ratio, recs)})
    write(os.path.join(out, "pope_aggregate.json"), {"lmms_eval": lmms}, aggs)


def mme(out, lmms):
    m = lmms_loader.load("lmms_eval.tasks.mme.utils")
    rng = random.Random(55)
    cases = []
    for i in range(700):
        pred = cc.yes_no(rng)
        answer = rng.choice(["Yes", "No", "yes.", " no", "No."])
        category = rng.choice(["existence", "count", "OCR", "artwork", "code_reasoning", "text_translation", "other"])
        cases.append({"pred": pred, "answer": answer, "category": category,
                      "parsed": outcome(m.parse_pred_ans, pred),
                      "result": outcome(m.mme_process_results, {"question_id": str(i), "answer": answer,
                                                                "category": category}, [pred])})
    write(os.path.join(out, "mme.json"), {"lmms_eval": lmms}, cases)


def choices(out, lmms):
    mcq = lmms_loader.load("lmms_eval.tasks._task_utils.mmmu_mcq_utils")
    extract = lmms_loader.load("lmms_eval.tasks._task_utils.mcq_extract")
    ego = lmms_loader.load("lmms_eval.tasks.egoschema.utils")
    mvb = lmms_loader.load("lmms_eval.tasks.mvbench.utils")
    pt = lmms_loader.load("lmms_eval.tasks.perceptiontest.val.utils")
    blink = lmms_loader.load("lmms_eval.tasks.blink.utils")
    cvb = lmms_loader.load("lmms_eval.tasks.cv_bench.utils")
    emb = lmms_loader.load("lmms_eval.tasks.embspatial.utils")
    vme = lmms_loader.load("lmms_eval.tasks.videomme.utils")
    nextqa = lmms_loader.load("lmms_eval.tasks.nextqa.utils")
    rng = random.Random(56)
    cases = []
    random.seed(SEED)  # the global RNG the random fallbacks draw from, in case order
    for i in range(1000):
        k = rng.choice([2, 3, 4, 4, 5, 5, 5])
        opts = cc.options(rng, k)
        resp = cc.response(rng, opts)
        index2ans, all_choices = mcq.get_multi_choice_info(opts)
        c = {"options": opts, "response": resp,
             "mmmu": outcome(mcq.parse_mmmu_multi_choice_response, resp, all_choices, index2ans),
             "mcq_extract": outcome(extract.extract_mcq_answer, resp, None),
             "videomme": outcome(vme.extract_characters_regex, resp),
             "letter": outcome(blink._extract_answer_letter, resp),
             "letter_cv": outcome(cvb._extract_answer_letter, resp),
             "letter_emb": outcome(emb._extract_answer_letter, resp),
             "mvbench_process": outcome(lambda: mvb.mcq_acc("A", resp)),
             "perceptiontest": outcome(lambda: pt.perceptiontest_val_process_results_mc(
                 {"video_name": "v", "question": "q", "answer_id": i % 4}, [resp])["accuracy"]["pred_id"])}
        if k == 5:
            doc = {f"a{j}": o for j, o in enumerate(opts)}
            doc["answer"] = i % 5
            c["nextqa"] = outcome(nextqa.nextqa_mc_process_results, doc, [resp])
            edoc = {"video_idx": str(i), "answer": i % 5, "option": [f"{'ABCDE'[j]}. {o}" for j, o in enumerate(opts)]}
            c["ego_options"] = edoc["option"]
            c["egoschema"] = outcome(ego.egoschema_process_results_generation, edoc, [resp])
        else:
            c["nextqa"] = None
        mv_doc = {"candidates": opts, "answer": opts[i % k]}
        c["mvbench"] = outcome(mvb.mvbench_process_results, mv_doc, [resp])
        c["mvbench_answer"] = opts[i % k]
        c["blink"] = outcome(blink.blink_process_results, {"answer": f"({'ABCD'[i % 4]})", "idx": i, "sub_task": "s"},
                             [resp])
        c["embspatial"] = outcome(emb.embspatial_process_results, {"answer": i % 4, "question_id": i, "relation": "r",
                                                                    "data_source": "mp3d"}, [resp])
        cases.append(c)
    write(os.path.join(out, "choice.json"), {"lmms_eval": lmms, "global_random_seed": SEED}, cases)

    # aggregations over records
    aggs = []
    for i in range(240):
        n = rng.choice([1, 2, 7, 30, 100])
        mv = [{"pred_answer": rng.choice(["", "A", "x"]), "gt_answer": "A", "score": rng.choice([0, 1])}
              for _ in range(n)]
        ego_recs = [{"pred": rng.choice([0, 1, 2, -1]), "ground_truth": rng.choice([0, 1, "1", 2])} for _ in range(n)]
        pt_recs = [{"correct": rng.choice([0, 1])} for _ in range(n)]
        bl = [{"is_correct": rng.random() < 0.5, "data_source": rng.choice(["ai2thor", "mp3d", "scannet", "x"]),
               "sub_task": rng.choice(["a", "b"])} for _ in range(n)]
        vm = [{"duration": rng.choice(vme.VIDEO_TYPE), "category": rng.choice(vme.CATEGORIES),
               "sub_category": rng.choice(vme.SUB_CATEGORIES), "task_category": rng.choice(vme.TASK_CATEGORIES),
               "pred_answer": rng.choice(["A", "B", "", "a"]), "answer": rng.choice(["A", "B"])} for _ in range(n)]
        if i % 40 == 0:
            vm[0]["category"] = "Unknown"
        aggs.append({
            "mvbench": [py(r) for r in mv], "mvbench_agg": outcome(mvb.mvbench_aggregate_results, mv),
            "ego": [py(r) for r in ego_recs], "ego_agg": outcome(ego.egoschema_aggregate_score, ego_recs, None),
            "pt": [r["correct"] for r in pt_recs], "pt_agg": outcome(pt.perceptiontest_val_aggregate_accuracy, pt_recs,
                                                                      None),
            "blink": [py(r) for r in bl], "blink_agg": outcome(blink.blink_aggregate_results, bl),
            "emb_agg": outcome(emb.embspatial_aggregate_results, bl),
            "emb_sources": {s: outcome(getattr(emb, f"embspatial_aggregate_{s}_accuracy"), bl)
                            for s in ("ai2thor", "mp3d", "scannet")},
            "videomme": [py(r) for r in vm], "videomme_agg": outcome(vme.videomme_aggregate_results, vm)})
    write(os.path.join(out, "choice_aggregate.json"), {"lmms_eval": lmms}, aggs)


def webbench(out, lmms):
    rouge_checkout = os.environ.get("ROUGE_CHECKOUT", "/work/ref/rouge")
    sys.path.insert(0, rouge_checkout)  # pltrdy/rouge, as lmms-eval's `rouge` dependency
    m = lmms_loader.load("lmms_eval.tasks.visualwebbench.utils")
    rng = random.Random(57)
    texts = ["Home", "Sign in to your account", "The quick brown fox. Jumps over the lazy dog.", "a. b. c.", "...",
             "", " ", "x", "Search results for shoes", "Welcome to the site! Sign in.", "1. Introduction",
             "Price: $19.99", "the the the", "Contact us | About us", "ß straße", "İstanbul", "ΑΣ ας",
             "Click here.", ". .", "a .b", "A", "  spaced   out  text  ", "e-mail\tus\nnow"] + hard_strings(58, 40)

    def variant(t):
        r = rng.random()
        if r < 0.3:
            return t
        if r < 0.5:
            words = t.split(" ")
            rng.shuffle(words)
            return " ".join(words)
        if r < 0.6:
            return t.upper()
        if r < 0.8:
            return t + " " + rng.choice(texts)
        return rng.choice(texts)

    cases = []
    for i in range(600):
        gold = rng.choice(texts)
        pred = variant(gold)
        task = rng.choice(["web_caption", "heading_ocr", "element_ocr"])
        cases.append({"task": task, "pred": pred, "gold": gold,
                      "rouge": outcome(m.visualwebbench_process_results_rouge, {"answer": gold, "task_type": task},
                                       [pred])})
    write(os.path.join(out, "webbench_rouge.json"), {"lmms_eval": lmms, "rouge": rouge_checkout}, cases)

    cases = []
    for i in range(500):
        golds = [rng.choice(texts) for _ in range(rng.randint(0, 3))]
        gold = golds if rng.random() < 0.8 else rng.choice(["", "Home", None, 0])
        pred = variant(golds[0]) if golds else rng.choice(texts)
        cases.append({"pred": pred, "gold": py(gold),
                      "f1": outcome(m.visualwebbench_process_results_f1, {"answer": gold}, [pred])})
    for i in range(600):
        k = rng.randint(0, 7)
        pred = cc.response(rng, [])
        if rng.random() < 0.3:
            pred = rng.choice(["", "a", "B", "ß", "é", "Z", "A.", "B. it", "(C)", "x D y", "(A) (B)", "E F",
                               "The answer is (H).", "\"G\"", "'F'", "c.", "a."])
        cases.append({"pred": pred, "answer": k,
                      "parsed": outcome(m.parse_multi_choice_response, pred, [chr(ord("A") + j) for j in range(8)]),
                      "accuracy": outcome(m.visualwebbench_process_results_accuracy, {"answer": k}, [pred])})
    write(os.path.join(out, "webbench_choice.json"), {"lmms_eval": lmms}, cases)


FAMILIES = {"chartqa": chartqa, "pope": pope, "mme": mme, "choice": choices, "webbench": webbench}

if __name__ == "__main__":
    checkout, out = sys.argv[1], sys.argv[2]
    lmms_loader.setup(checkout)
    os.makedirs(out, exist_ok=True)
    for name in sys.argv[3:] or FAMILIES:
        FAMILIES[name](out, checkout)
