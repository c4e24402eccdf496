#!/usr/bin/env python3
"""Reference values for dev.magmaeval.metrics.mind2web: SeeClick's own Mind2Web evaluation code
(agent_tasks/mind2web_test.py), run on generated episodes and responses. Debian python3 with numpy:

    /usr/bin/python3 scripts/oracle/oracle_mind2web.py /work/ref/seeclick metrics/src/test/resources/oracle

The script is a command-line program that loads a model at import time, so it is not imported: its function
definitions and its evaluation section (from `results = []` to the end) are taken from its syntax tree and executed
unchanged, with the model, tokenizer, image loader and file checks replaced by stand-ins that replay generated
responses.
"""
import ast
import contextlib
import json
import logging
import os
import random
import sys
import types

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyvalues  # noqa: E402
from pyvalues import outcome, py, random_string, write  # noqa: E402

pyvalues.set_numpy_float_types(np.floating)
logging.disable(logging.CRITICAL)


def load_seeclick(checkout):
    path = os.path.join(checkout, "agent_tasks", "mind2web_test.py")
    tree = ast.parse(open(path, encoding="utf-8").read(), path)
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    start = next(k for k, n in enumerate(tree.body)
                 if isinstance(n, ast.Assign) and any(getattr(t, "id", None) == "results" for t in n.targets))
    evaluation = tree.body[start:]
    ns = {"ast": ast, "np": np, "logging": logging, "json": json, "re": __import__("re")}
    exec(compile(ast.Module(body=functions, type_ignores=[]), path, "exec"), ns)
    return ns, compile(ast.Module(body=evaluation, type_ignores=[]), path, "exec")


class FakeModel:
    def __init__(self, responses):
        self.responses = iter(responses)

    def chat(self, tokenizer, query=None, history=None):
        return next(self.responses), None


def run_evaluation(ns, code, episodes, responses, sizes, missing):
    size_iter = iter(sizes)

    class FakeImage:
        @staticmethod
        def open(path):
            return types.SimpleNamespace(size=next(size_iter))

    fake_os = types.SimpleNamespace(path=types.SimpleNamespace(join=os.path.join,
                                                               exists=lambda p: os.path.basename(p) not in missing))
    env = dict(ns)
    env.update({"mind2web_test": episodes, "mind2web_imgs_dir": "imgs", "tqdm": lambda x: x, "os": fake_os,
                "Image": FakeImage, "model": FakeModel(responses),
                "tokenizer": types.SimpleNamespace(from_list_format=lambda x: x),
                "torch": types.SimpleNamespace(no_grad=contextlib.nullcontext),
                "prompt_origin": "Please generate the next move according to the ui screenshot, instruction and "
                                 "previous actions. Instruction: {}. Previous actions: {}"})
    try:
        with contextlib.redirect_stdout(open(os.devnull, "w")):
            exec(code, env)
    except ZeroDivisionError:  # no steps: SeeClick's own report fails; `results` is kept in env
        env["error"] = "ZeroDivisionError"
    return env


VALUES = ["Blue", "new york", "2 adults", "", "Jan 5", "SEARCH term", "a b c", "x\"y", "back\\slash", "Ünïcode",
          "ß", "İ"]


def response_for(rng, ref, step):
    a = ast.literal_eval(ref) if rng.random() < 2 else None
    r = rng.random()
    t = a["action_type"]
    cp = a["click_point"]
    if r < 0.25:
        return ref
    if r < 0.45:
        dx, dy = rng.uniform(-0.1, 0.1), rng.uniform(-0.1, 0.1)
        p = f"({cp[0] + dx:.2f},{cp[1] + dy:.2f})"
        v = a.get("value", rng.choice(VALUES))
        v = rng.choice([v, v.upper(), v + " extra", rng.choice(VALUES)])
        tt = rng.choice([t, t, 4, 2, 3])
        if tt in (2, 3):
            return '{"action_type": %d, "click_point": %s, "value": "%s"}' % (tt, p, v.replace('"', ""))
        return '{"action_type": %d, "click_point": %s}' % (tt, p)
    options = [
        "{'action_type': 4, 'click_point': [%s, %s]}" % cp,
        '{"action_type": 4.0, "click_point": (%s, %s)}' % cp,
        '{"action_type": True, "click_point": (%s, %s)}' % cp,
        '{"action_type": "4", "click_point": (%s, %s)}' % cp,
        '{"action_type": %d}' % t,
        '{"action_type": %d, "click_point": "0.5,0.5"}' % t,
        '{"action_type": %d, "click_point": (%s,)}' % (t, cp[0]),
        '{"action_type": %d, "click_point": {0: %s, 1: %s}}' % ((t,) + cp),
        '{"action_type": 3, "click_point": (%s, %s), "value": 5}' % cp,
        '{"action_type": 3, "click_point": (%s, %s), "value": b"abc"}' % cp,
        '{"action_type": 2, "click_point": (%s, %s), "value": "A" "B"}' % cp,
        '{"action_type": 4+0j, "click_point": (%s, %s)}' % cp,
        '{"action_type": 4, "click_point": (%s, %s)} trailing' % cp,
        '{"action_type": 4, "click_point": (%s, %s)}\n' % cp,
        '  {"action_type": 4, "click_point": (%s, %s)}  # note' % cp,
        '[4, (%s, %s)]' % cp, "click(0.5, 0.5)", "", "None", "{}", "{'action_type': 4, 'click_point': (1e-1, .5)}",
        "{'action_type': 0x4, 'click_point': (-0.0, +1)}", "{'action_type': 4, 'click_point': (0.5, 0.5), }",
        "{\"action_type\": 3, \"click_point\": (0.1,0.2), \"value\": 'it\\'s'}", "{'a': 1, 'a': 2}",
        "{'action_type': 4, 'click_point': (1_0e-2, 0b1)}", "{'action_type': 04}", "{'action_type': 4,,}",
        "{'action_type': 3, 'value': '\\x41\\u00e9\\N{BULLET}', 'click_point': (0.5, 0.5)}",
        "{'action_type': 3, 'click_point': (0.5, 0.5), 'value': r'\\n'}", "{1, 2, 3}", "set()", "(4)", "-4",
        "{'action_type': -4, 'click_point': (-(0.5), -0.5)}", "{'action_type': --4}", "{'action_type': 1+2j}",
        "{'click_point': (0.5, 0.5), 'action_type': 4}", "{\"action_type\": 2, \"click_point\": (0.5, 0.5), "
                                                         "\"value\": \"\"}",
        random_string(rng, 6), "{'action_type': 4, 'click_point': [True, False]}",
        "{'action_type': 4, 'click_point': ('0.5', '0.5')}", "{'action_type': 4, 'click_point': (None, 0.5)}",
        "{'action_type': 4, 'click_point': (0.5, None)}", "{'action_type': 4, 'click_point': (1j, 0.5)}",
        "{'action_type': 2, 'click_point': (0.5, 0.5), 'value': '''multi\nline'''}",
    ]
    return rng.choice(options)


def main(checkout, out):
    ns, code = load_seeclick(checkout)
    rng = random.Random(71)
    cases = []
    for c in range(220):
        episodes, responses, sizes, missing = [], [], [], set()
        for e in range(rng.choice([1, 1, 2, 3, 6])):
            actions = []
            for s in range(rng.choice([0, 1, 2, 4, 7])):
                op = rng.choice(["CLICK", "CLICK", "TYPE", "SELECT", "HOVER", "ENTER"])
                W, H = rng.choice([(1280, 720), (1280, 1000), (1920, 1080), (1344, 1344), (1000, 1000)])
                x = rng.choice([rng.randint(0, W - 50), rng.uniform(0, W - 50)])
                y = rng.choice([rng.randint(0, H - 50), rng.uniform(0, H - 50)])
                w = rng.choice([rng.randint(1, 300), rng.uniform(0.5, 300), 5, 10, 125])
                h = rng.choice([rng.randint(1, 100), rng.uniform(0.5, 100), 5, 10, 125])
                step = {"action_uid": f"u{c}_{e}_{s}", "operation": {"original_op": op,
                                                                     "value": rng.choice(VALUES)}}
                if rng.random() > 0.05:
                    step["bbox"] = {"x": x, "y": y, "width": w, "height": h}
                annot = f"a{c}_{e}"
                if rng.random() < 0.05:
                    missing.add(f"{annot}-{step['action_uid']}.jpg")
                actions.append(step)
                if "bbox" in step and f"{annot}-{step['action_uid']}.jpg" not in missing:
                    sizes.append((W, H))
                    ref, _ = ns["action2step"](step, (W, H), return_bbox=True)
                    try:
                        ast.literal_eval(ref)
                        responses.append(response_for(rng, ref, step))
                    except Exception:  # noqa: BLE001 - SeeClick skips the step before querying the model
                        pass
                step["_size"] = [W, H]
            episodes.append({"confirmed_task": "t", "annotation_id": f"a{c}_{e}", "actions": actions})
        env = run_evaluation(ns, code, episodes, list(responses), list(sizes), missing)
        steps = [[{"Op_match": r["Op_match"], "Ele_match": r["Ele_match"], "Op_F1": py(r["Op_F1"])}
                  for r in ep] for ep in env["results"]]
        refs = []
        for ep in episodes:
            for st in ep["actions"]:
                if "bbox" in st:
                    ref = outcome(ns["action2step"], st, tuple(st["_size"]), True)
                    refs.append({"step": py(st), "ref": ref})
        summary = {"error": env["error"]} if "error" in env else {}
        if "error" not in env:
            summary = {"op_f1": py(env["marco_op_f1"]), "ele_acc": py(env["num_ele"] / env["num_step"]),
                       "step_sr": py(env["num_step_success"] / env["num_step"]),
                       "episode_sr": py(env["num_episode_success"] / env["num_episode"]),
                       "macro_ele_acc": py(env["macro_ele_acc"]), "macro_op_f1": py(env["macro_action_f1"]),
                       "macro_step_sr": py(env["macro_step_acc"])}
        cases.append({"episodes": py(episodes), "missing": sorted(missing), "responses": responses, "refs": refs,
                      "steps": steps, "scores": summary})
    write(os.path.join(out, "mind2web_seeclick.json"), {"seeclick": checkout}, cases)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
