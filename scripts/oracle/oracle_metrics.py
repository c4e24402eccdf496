#!/usr/bin/env python3
"""Reference values for dev.magmaeval.metrics: lmms-eval's own metric and parser functions, imported from a checkout
and run on generated hard cases. Debian's python3 (3.11) with numpy; the parts whose value depends on CPython 3.12's
sum() are in oracle_aggregate.py.

    /usr/bin/python3 scripts/oracle/oracle_metrics.py /work/ref/lmms-eval metrics/src/test/resources/oracle [family...]
"""
import copy
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lmms_loader  # noqa: E402
import numpy as np  # noqa: E402
import pyvalues  # noqa: E402
from pyvalues import hard_strings, outcome, py, pylist, random_string, write  # noqa: E402

pyvalues.set_numpy_float_types(np.floating)

ANSWERS = [
    "yes", "no", "Yes", "YES.", "no!", "2", "two", "Two", "2.", "2.0", "twenty", "1,000", "1000", "1.000", "10%",
    "red", "Red.", "the red one", "a dog", "dog", "dogs", "an apple", "apple", "don't know", "dont know", "cant",
    "can't", "it's", "its", "(A)", "A", "a", "left", "Left side", "left-side", "left side", "t-shirt", "tshirt",
    "t shirt", "none", "0", "zero", "nothing", "ß", "ss", "STRASSE", "straße", "１２", "12", "٣", "3", "three",
    "ten", "10", "\u3000tennis\u3000", "tennis", "ten nis", "playing tennis", "<think>x</think>yes", "", " ",
    "yes\nno", "yes\tno", "a.b.c", "3.14", "3.14.", "3,14", "$5", "5 dollars", "1/2", "half", "blue and white",
    "white/blue", "white, blue", "kite?", "kite!", "kite", "[kite]", "{kite}", "@home", "home", "e-mail", "email",
    "I'm", "Im", "youre", "you're", "ΑΣ", "ας", "İ", "i̇", "x" * 300, "." * 40 + "a", "..." * 20, "1,2,3",
    "1 , 2", "a,b", "a , b", "9:30", "930", "O'clock", "oclock", "not sure", "maybe", "unknown",
]


def vqa_answer(rng):
    r = rng.random()
    if r < 0.7:
        return rng.choice(ANSWERS)
    if r < 0.9:
        a = rng.choice(ANSWERS)
        return rng.choice([a.upper(), a + ".", " " + a + " ", a + "?", "the " + a, a.replace(" ", "  "), a + "'s"])
    return random_string(rng, 5)


def vqa(out, lmms):
    proc_mod = lmms_loader.load("lmms_eval.tasks._task_utils.vqa_eval_metric")
    vqav2 = lmms_loader.load("lmms_eval.tasks.vqav2.utils")
    textvqa = lmms_loader.load("lmms_eval.tasks.textvqa.utils")
    p = proc_mod.EvalAIAnswerProcessor()
    rng = random.Random(41)
    cases = []
    strings = ANSWERS + hard_strings(42, 400)
    for s in strings:
        cases.append({"s": s, "punct": outcome(p.process_punctuation, s), "digit": outcome(p.process_digit_article, s),
                      "call": outcome(p, s)})
    write(os.path.join(out, "vqa_processor.json"), {"lmms_eval": lmms}, cases)

    cases = []
    for i in range(700):
        pool = [vqa_answer(rng) for _ in range(rng.randint(1, 4))]
        answers = [rng.choice(pool) for _ in range(10)]
        pred = rng.choice([rng.choice(answers), vqa_answer(rng), rng.choice(pool).upper() + "."])
        dupes = i % 10 == 0
        doc = {"question_id": i, "answers": [
            {"answer": a, "answer_confidence": "yes", "answer_id": (1 if dupes and k < 3 else k + 1)}
            for k, a in enumerate(answers)]}
        r2 = outcome(lambda d: vqav2.vqav2_process_results(d, [pred]), copy.deepcopy(doc))
        r3 = outcome(lambda d: textvqa.textvqa_process_results(d, [pred]),
                     {"question_id": i, "answers": list(answers)})
        cases.append({"answers": py(doc["answers"]), "pred": pred, "vqav2": r2, "textvqa": r3})
    write(os.path.join(out, "vqa_accuracy.json"), {"lmms_eval": lmms}, cases)


def generic(out, lmms):
    m = lmms_loader.load("lmms_eval.api.metrics")
    rng = random.Random(43)
    strs = ANSWERS + hard_strings(44, 200)
    cases = []
    for i in range(700):
        gold = rng.choice(strs)
        pred = rng.choice([gold, gold.upper(), gold + ".", "".join(reversed(gold)), rng.choice(strs),
                           gold.replace(" ", ""), "(" + gold + ")", gold.lower() + "!"])
        refs = [gold] if i % 7 else [gold, rng.choice(strs)]
        preds = [pred] if len(refs) == 1 else [pred, rng.choice(strs)]
        flags = [rng.random() < 0.7, rng.random() < 0.7, rng.random() < 0.2]
        regexes = None if i % 5 else [r"\s+", "the "]
        em = outcome(lambda: m.exact_match_hf_evaluate(preds, refs, regexes_to_ignore=regexes, ignore_case=flags[0],
                                                       ignore_punctuation=flags[1], ignore_numbers=flags[2])[
            "exact_match"])
        anls_refs = [rng.choice(strs) for _ in range(rng.randint(1, 3))] + ([gold] if i % 2 else [])
        anls_pred = rng.choice([gold, gold.upper() + " ", gold[:-1], gold + "s", pred, rng.choice(strs)])
        an = outcome(lambda: m.anls(anls_refs, [anls_pred])["anls"])
        cases.append({"refs": refs, "preds": preds, "flags": flags, "regexes": regexes, "exact_match": em,
                      "anls_refs": anls_refs, "anls_pred": anls_pred, "anls": an})
    write(os.path.join(out, "generic_metrics.json"), {"lmms_eval": lmms}, cases)


def clt(out, lmms):
    """_stderr_clt: np.std(numeric_items, ddof=1) / np.sqrt(n) exactly as evaluator_utils computes it."""
    rng = random.Random(45)
    cases = []
    for i in range(260):
        n = rng.choice([2, 3, 7, 8, 9, 16, 127, 128, 129, 1000] * 6 + [8192, 8193, 20000])
        kind = rng.choice(["bool", "int", "float", "mixed", "np"])
        xs = []
        for _ in range(n):
            if kind == "bool":
                xs.append(rng.random() < 0.5)
            elif kind == "int":
                xs.append(rng.choice([0, 1, 100]))
            elif kind == "float":
                xs.append(rng.choice([0.0, 1.0, rng.random(), 1 / 3]))
            elif kind == "np":
                xs.append(np.float64(rng.choice([0.0, 1.0])))
            else:
                xs.append(rng.choice([0, 1, True, 0.5, 2 / 3]))
        value = outcome(lambda: np.std(xs, ddof=1) / np.sqrt(len(xs)))
        cases.append({"items": pylist(xs), "clt": value})
    write(os.path.join(out, "numpy_clt.json"), {"lmms_eval": lmms, "numpy": np.__version__}, cases)


FAMILIES = {"vqa": vqa, "generic": generic, "clt": clt}

if __name__ == "__main__":
    checkout, out = sys.argv[1], sys.argv[2]
    lmms_loader.setup(checkout)
    os.makedirs(out, exist_ok=True)
    for name in sys.argv[3:] or FAMILIES:
        FAMILIES[name](out, checkout)
