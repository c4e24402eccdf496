#!/usr/bin/env python3
"""Expected metric values of the grounding tasks on their fixtures, from the reference implementations:

- screenspot_rec_test, screenspot_v2, screenspot_pro and the seven visualwebbench_* tasks: lmms-eval v0.7.2's own
  process_results and aggregation functions, on the fixture docs (without media) and replies in
  scripts/oracle/cases/<task>.json (replies .strip()ped, as lmms-eval does before process_results);
- mind2web_* and mind2web_som_*: SeeClick's own evaluation loop (agent_tasks/mind2web_test.py, run as
  oracle_mind2web.py runs it), on the steps in the case file: the gold box in the pixels of the window the model saw,
  the window's size, and the reply as a SeeClick action.

The case files come from the fixtures and replay files (regenerate them with
./mvnw -q -B -ntp verify -pl tasks -am -Dtest=GroundingOracleCasesTest -Dsurefire.failIfNoSpecifiedTests=false
-Dfixtures.write=true). Writes tasks/src/test/resources/oracle/<task>.json with the typed values of pyvalues.py. The lmms-eval tasks run on
CPython 3.12, whose float sum() the project matches (lmms-eval's aggregations are sum()/len()); SeeClick's loop needs
numpy, so it runs on Debian's python3:

    ~/.pyenv/versions/3.12.1/bin/python3.12 scripts/oracle/oracle_grounding.py lmms /work/ref/lmms-eval
    /usr/bin/python3 scripts/oracle/oracle_grounding.py seeclick /work/ref/seeclick
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import lmms_loader  # noqa: E402
import pyvalues  # noqa: E402

REC = ["IoU", "ACC@0.1", "ACC@0.3", "ACC@0.5", "ACC@0.7", "ACC@0.9", "Center_ACC"]
REC_AGG = {"IoU": "iou", "ACC@0.1": "acc01", "ACC@0.3": "acc03", "ACC@0.5": "acc05", "ACC@0.7": "acc07",
           "ACC@0.9": "acc09", "Center_ACC": "center_acc"}
VWB = {"action_ground": "accuracy", "action_prediction": "accuracy", "element_ground": "accuracy",
       "element_ocr": "rouge", "heading_ocr": "rouge", "web_caption": "rouge", "webqa": "f1"}
VWB_METRICS = {"accuracy": ["accuracy"], "rouge": ["rouge_1", "rouge_2", "rouge_l"], "f1": ["f1_score"]}


def lmms_task(task, case):
    docs, responses = case["docs"], [r.strip() for r in case["responses"]]
    if task == "screenspot_rec_test":
        m = lmms_loader.load("lmms_eval.tasks.screenspot.utils_rec")
        per_doc = [m.screenspot_rec_process_result(d, [r]) for d, r in zip(docs, responses)]
        return {f"screenspot_{k}": getattr(m, "screenspot_rec_" + REC_AGG[k])([p[f"screenspot_{k}"] for p in per_doc])
                for k in REC}
    if task in ("screenspot_v2", "screenspot_pro"):
        m = lmms_loader.load(f"lmms_eval.tasks.{task}.utils")
        process = getattr(m, f"{task}_process_results")
        per_doc = [process(d, [r]) for d, r in zip(docs, responses)]
        return {f"{task}_{k}": getattr(m, f"{task}_{k}")([p[f"{task}_{k}"] for p in per_doc])
                for k in ("action_acc", "text_acc", "icon_acc")}
    sub = task[len("visualwebbench_"):]
    m = lmms_loader.load("lmms_eval.tasks.visualwebbench.utils")
    kind = VWB[sub]
    process = getattr(m, f"visualwebbench_process_results_{kind}")
    per_doc = [process(d, [r]) for d, r in zip(docs, responses)]
    return {k: getattr(m, f"visualwebbench_{k}_aggregate")([p[k] for p in per_doc]) for k in VWB_METRICS[kind]}


def mind2web_task(oracle_mind2web, seeclick, case):
    ns, code = seeclick
    episodes = []
    for s in case["steps"]:
        if not episodes or episodes[-1]["annotation_id"] != s["annotation_id"]:
            episodes.append({"confirmed_task": "", "annotation_id": s["annotation_id"], "actions": []})
        episodes[-1]["actions"].append({"action_uid": s["action_uid"], "operation": s["operation"], "bbox": s["bbox"]})
    env = oracle_mind2web.run_evaluation(ns, code, episodes, [s["response"] for s in case["steps"]],
                                         [tuple(s["image_size"]) for s in case["steps"]], set())
    return {"element_accuracy": env["num_ele"] / env["num_step"], "operation_f1": env["marco_op_f1"],
            "step_success_rate": env["num_step_success"] / env["num_step"]}


def load_six():
    """pltrdy/rouge imports `six` (pure Python); CPython 3.12 here lacks it, so Debian's copy is loaded by path."""
    try:
        import six  # noqa: F401
    except ImportError:
        import importlib.util
        spec = importlib.util.spec_from_file_location("six", os.environ.get("SIX_PY", "/usr/lib/python3/dist-packages/six.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules["six"] = module
        spec.loader.exec_module(module)


def main():
    family, checkout = sys.argv[1], sys.argv[2]
    if family == "lmms":
        if sys.version_info[:2] != (3, 12):
            raise SystemExit("run the lmms family on CPython 3.12 (float sum() differs before 3.12)")
        lmms_loader.setup(checkout)
        sys.path.insert(0, os.environ.get("ROUGE_CHECKOUT", "/work/ref/rouge"))  # pltrdy/rouge, lmms-eval's `rouge`
        load_six()
    elif family == "seeclick":
        import numpy as np
        import oracle_mind2web
        pyvalues.set_numpy_float_types(np.floating)
        seeclick = (oracle_mind2web, oracle_mind2web.load_seeclick(checkout))
    else:
        raise SystemExit("usage: oracle_grounding.py lmms|seeclick CHECKOUT")
    out_dir = os.path.join(ROOT, "tasks/src/test/resources/oracle")
    os.makedirs(out_dir, exist_ok=True)
    cases_dir = os.path.join(HERE, "cases")
    for name in sorted(os.listdir(cases_dir)):
        case = json.load(open(os.path.join(cases_dir, name), encoding="utf-8"))
        task = case["task"]
        if task.startswith("mind2web") != (family == "seeclick"):
            continue
        metrics = mind2web_task(*seeclick, case) if family == "seeclick" else lmms_task(task, case)
        with open(os.path.join(out_dir, task + ".json"), "w", encoding="utf-8") as f:
            json.dump({"task": task, "reference": "seeclick" if task.startswith("mind2web") else "lmms-eval v0.7.2",
                       "metrics": {k: pyvalues.py(v) for k, v in metrics.items()}}, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(task, {k: v for k, v in metrics.items()})


if __name__ == "__main__":
    main()
