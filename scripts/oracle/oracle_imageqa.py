#!/usr/bin/env python3
"""Expected values for the image-QA and spatial tasks (tasks/src/test/resources/oracle/<task>.json): lmms-eval's own
utils.py functions and api/metrics.py, imported from a v0.7.2 checkout, run on the fixture cases that
OracleCasesTest exports (scripts/oracle/cases/<task>.json: docs without media, replay outputs). For each doc: the
prompt (doc_to_text with the default lmms_eval_specific_kwargs), str(target), the filtered response and
process_results; for each metric its aggregate. It also checks that our task YAML equals the upstream one.

vsr and spatialeval_* are not lmms-eval tasks: their protocol comes from imageqa_protocols.py (a second
implementation of our YAML comments), with lmms-eval's MME yes/no parser for VSR.

Aggregations over Python floats depend on CPython 3.12's sum(), so most tasks run under 3.12; gqa and ai2d need
numpy (exact_match_hf_evaluate), whose np.float64 items sum the same on 3.11. scripts/oracle/imageqa.sh runs both:

    ~/.pyenv/versions/3.12.1/bin/python3.12 scripts/oracle/oracle_imageqa.py /work/ref/lmms-eval . [task...]
    /usr/bin/python3 scripts/oracle/oracle_imageqa.py /work/ref/lmms-eval . gqa ai2d
"""
import copy
import glob
import inspect
import json
import os
import re
import sys
import tempfile
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
try:
    import yaml
except ImportError:  # CPython 3.12 here has no PyYAML: borrow Debian's pure-Python package (its C part is optional)
    shim = tempfile.mkdtemp()
    os.symlink("/usr/lib/python3/dist-packages/yaml", os.path.join(shim, "yaml"))
    sys.path.insert(0, shim)
    import yaml
import lmms_loader  # noqa: E402
import imageqa_protocols as protocols  # noqa: E402

NUMPY_TASKS = {"gqa", "ai2d"}
OWN_TASKS = {"vsr", "spatialeval_spatialmap", "spatialeval_mazenav", "spatialeval_spatialgrid"}
GROUPS = {"blink": "blink_acc", "spatialeval": "spatialeval_acc"}
CLI_REASONING_TAGS = '[["<think>", "</think>"], ["<analysis>", "</analysis>"]]'  # --reasoning_tags default (v0.7+)


class Func(str):
    """A !function tag: its dotted name."""


class Loader(yaml.SafeLoader):
    pass


Loader.add_constructor("!function", lambda loader, node: Func(loader.construct_scalar(node)))


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        cfg = yaml.load(f, Loader=Loader) or {}
    include = cfg.pop("include", None)
    if include:
        merged = {}
        for inc in reversed(include if isinstance(include, list) else [include]):
            merged.update(load_yaml(os.path.join(os.path.dirname(path), inc)))
        merged.update(cfg)
        cfg = merged
    return cfg


def find_task(root, task):
    for path in sorted(glob.glob(os.path.join(root, "**", "*.yaml"), recursive=True)):
        cfg = load_yaml(path)
        if cfg.get("task") == task:
            return path, cfg
    raise SystemExit(f"no YAML for task {task} under {root}")


def specific_kwargs(cfg):
    """_prepare_model_specific_config for a model without its own entry: default merged into the top level."""
    kw = cfg.get("lmms_eval_specific_kwargs")
    if kw is None:
        return None
    top = copy.deepcopy(kw)
    for fallback in ("default", "dataset"):
        if fallback in top:
            top.update(top[fallback])
            break
    return top


def model_specific(value):
    if not isinstance(value, dict):
        return None
    return value.get("default")


class Task:
    def __init__(self, checkout, ours, name):
        self.name = name
        self.own = name in OWN_TASKS
        our_path, self.ours = find_task(os.path.join(ours, "configs", "tasks"), name)
        if self.own:
            self.cfg = self.ours
            self.utils = None
        else:
            up_path, self.cfg = find_task(os.path.join(checkout, "lmms_eval", "tasks"), name)
            if self.ours != self.cfg:
                diff = {k for k in set(self.ours) | set(self.cfg) if self.ours.get(k) != self.cfg.get(k)}
                raise SystemExit(f"{our_path} differs from {up_path} in {sorted(diff)}")
            folder = os.path.relpath(os.path.dirname(up_path), os.path.join(checkout, "lmms_eval", "tasks"))
            self.utils = lmms_loader.load("lmms_eval.tasks." + folder.replace(os.sep, ".") + ".utils")
        self.kwargs = specific_kwargs(self.cfg)
        self.metrics = lmms_loader.load("lmms_eval.api.metrics")

    def fn(self, ref):
        if self.own:
            return getattr(protocols, ref.split(".", 1)[1])
        return getattr(self.utils, ref.split(".", 1)[1])

    def text(self, doc):
        if self.own:
            f = protocols.vsr_doc_to_text if self.name == "vsr" else protocols.spatialeval_doc_to_text
            return f(doc, self.kwargs)
        return self.fn(self.cfg["doc_to_text"])(doc, self.kwargs)

    def target(self, doc):
        t = self.cfg.get("doc_to_target")
        if self.name == "vsr":
            return protocols.vsr_doc_to_target(doc)
        if isinstance(t, Func):
            return self.fn(t)(doc, model_specific(self.cfg.get("model_specific_target_kwargs")))
        assert "{{" not in t, t
        return doc[t] if t in doc else t

    def filtered(self, resp, doc):
        flist = self.cfg.get("filter_list")
        if not flist:
            return "none", resp
        assert len(flist) == 1
        (step,) = flist[0]["filter"]
        kwargs = {k: v for k, v in step.items() if k != "function"}
        f = self.fn(step["function"])(**kwargs)
        return flist[0]["name"], f.apply([[resp]], [doc])[0]

    def process(self, doc, results, multiple_target):
        if self.own:
            if self.name == "vsr":
                mme = lmms_loader.load("lmms_eval.tasks.mme.utils")
                return protocols.vsr_process_results(mme.parse_pred_ans, doc, results)
            return protocols.spatialeval_process_results(doc, results)
        pr = self.cfg.get("process_results")
        if pr is not None:
            return self.fn(pr)(doc, results)
        # ConfigurableTask.process_results, generate_until without doc_to_choice (lmms_eval/api/task.py)
        gold = self.target(doc)
        out = {}
        for m in self.cfg["metric_list"]:
            metric = m["metric"]
            kw = {k: v for k, v in m.items() if k not in ("metric", "aggregation", "higher_is_better")}
            f = {"exact_match": self.metrics.exact_match_hf_evaluate, "anls": self.metrics.anls}[metric]
            if multiple_target and metric != "anls":
                golds = gold if isinstance(gold, list) else [gold]
                scores = [f(references=[g], predictions=results, **kw)[metric] for g in golds]
                score = 1.0 if any(scores) else 0.0
            else:
                score = f(references=gold if isinstance(gold, list) else [gold], predictions=results, **kw)[metric]
            out[metric] = score
        return out

    def aggregate(self, per_doc):
        """The aggregate of each metric, and the submission files the aggregations wrote (name prefix, content)."""
        values, files = {}, []
        with tempfile.TemporaryDirectory() as out:
            args = types.SimpleNamespace(output_path=out)
            for m in self.cfg["metric_list"]:
                metric = m["metric"]
                items = [d[metric] for d in per_doc if metric in d]
                if not items:
                    continue
                agg = m.get("aggregation", "mean")
                if agg == "mean":
                    values[metric] = self.metrics.mean(items)
                else:
                    f = self.fn(agg)
                    values[metric] = f(items, args=args) if "args" in inspect.signature(f).parameters else f(items)
            for path in sorted(glob.glob(os.path.join(out, "submissions", "*"))):
                name = os.path.basename(path)
                files.append({"prefix": re.sub(r"\d{4}(-\d\d){5}\.json$", "", name), "content": open(path, encoding="utf-8").read()})
        return values, files


def run(checkout, ours, name):
    case = json.load(open(os.path.join(ours, "scripts", "oracle", "cases", name + ".json"), encoding="utf-8"))
    task = Task(checkout, ours, name)
    docs, responses = case["docs"], case["responses"]
    if name.startswith("spatialeval_"):
        keep = [i for i, d in enumerate(docs) if protocols.spatialeval_subset(d) == name.split("_", 1)[1]]
        docs = [docs[i] for i in keep]
    assert len(docs) == len(responses), (name, len(docs), len(responses))
    multiple_target = isinstance(task.target(copy.deepcopy(docs[0])), list)
    reasoning = lmms_loader.load("lmms_eval.api.reasoning")
    tags = reasoning.parse_reasoning_tags_config(cli_value=CLI_REASONING_TAGS, task_value=task.cfg.get("reasoning_tags"))
    rows, per_doc = [], []
    for doc_id, (doc, resp) in enumerate(zip(docs, responses)):
        filter_name, raw = task.filtered(resp, copy.deepcopy(doc))
        filtered = reasoning.strip_reasoning_tags(raw, tags) if tags is not None else raw
        results = [filtered.strip() if filtered is not None else ""]
        values = task.process(copy.deepcopy(doc), results, multiple_target)
        per_doc.append(values)
        row = {"doc_id": doc_id, "input": task.text(copy.deepcopy(doc)), "target": str(task.target(copy.deepcopy(doc)))}
        if raw != filtered:
            row["resps"] = raw  # the samples file keeps the post-filter, pre-strip text when it differs
        row.update({"filtered_resps": filtered, "filter": filter_name, "metrics": values})
        rows.append(row)
    results, files = task.aggregate(per_doc)
    out = {"task": name, "filter": rows[0]["filter"], "samples": rows, "results": results}
    if files:
        out["submission_files"] = files
    return out


def main(checkout, ours, names):
    lmms_loader.setup(checkout)
    try:
        import numpy  # noqa: F401
        has_numpy = not isinstance(getattr(numpy, "__version__", None), type(None))
    except ImportError:
        has_numpy = False
    out_dir = os.path.join(ours, "tasks", "src", "test", "resources", "oracle")
    os.makedirs(out_dir, exist_ok=True)
    cases = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(ours, "scripts", "oracle", "cases", "*.json")))
    names = names or [c for c in cases if c not in NUMPY_TASKS]
    done = {}
    for name in names:
        if name in NUMPY_TASKS and not has_numpy:
            raise SystemExit(f"{name} needs numpy: run it with /usr/bin/python3")
        if name not in NUMPY_TASKS and sys.version_info[:2] != (3, 12):
            raise SystemExit(f"{name} aggregates Python floats: run it with CPython 3.12")
        result = run(checkout, ours, name)
        result["python"] = sys.version.split()[0]
        done[name] = result
        with open(os.path.join(out_dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, ensure_ascii=False)
            f.write("\n")
    metrics = lmms_loader.load("lmms_eval.api.metrics")
    for group, metric in GROUPS.items():
        subtasks = sorted(n for n in done if n.startswith(group + "_"))
        if not subtasks:
            continue
        value = metrics.aggregate_subtask_metrics([done[s]["results"][metric] for s in subtasks],
                                                  [len(done[s]["samples"]) for s in subtasks], weight_by_size=False)
        with open(os.path.join(out_dir, group + ".json"), "w", encoding="utf-8") as f:
            json.dump({"group": group, "subtasks": subtasks, "results": {metric: value},
                       "python": sys.version.split()[0]}, f, indent=1)
            f.write("\n")
    print(f"wrote {len(done)} task oracles to {out_dir}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
