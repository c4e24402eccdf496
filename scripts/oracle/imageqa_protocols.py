"""The two tasks lmms-eval does not have, written a second time in Python from their YAML comments
(configs/tasks/vsr/vsr.yaml, configs/tasks/spatialeval/_default_template_yaml), so the oracle checks the Java
functions against an independent implementation. VSR's yes/no reading is lmms-eval's own MME parser."""
import re

# ---- VSR -------------------------------------------------------------------------------------------------------


def vsr_question(caption):
    c = caption.strip()
    if c.endswith("."):
        c = c[:-1]
    return "Is it true that " + c[:1].lower() + c[1:] + "?"


def vsr_doc_to_text(doc, kwargs):
    return kwargs.get("pre_prompt", "") + vsr_question(doc["caption"]) + kwargs.get("post_prompt", "")


def vsr_doc_to_target(doc):
    assert doc["label"] in (0, 1)
    return "yes" if doc["label"] == 1 else "no"


def vsr_process_results(parse_pred_ans, doc, results):
    return {"vsr_acc": 1.0 if parse_pred_ans(results[0]) == vsr_doc_to_target(doc) else 0.0}


# ---- SpatialEval -----------------------------------------------------------------------------------------------

MARKER = "Available options:"
LINE = re.compile(r"^\s*([A-Z])\.\s*(.*?)\s*$", re.ASCII)
LEADING = re.compile(r"(?:\(([A-Z])\)|([A-Z])(?:[.):,]|$))")
WS = r"[ \t\n\r\f\v]"  # Java's \s
NAMED = re.compile(r"(?<!\w)(?:answer|option)(?:" + WS + r"+is)?" + WS + r"*:?" + WS + r"*\(?(?-i:([A-Z]))(?!\w)",
                   re.IGNORECASE)


def spatialeval_subset(doc):
    return doc["id"].split(".", 1)[0]


def spatialeval_doc_to_text(doc, kwargs):
    return (kwargs.get("pre_prompt") or "") + doc["text"] + (kwargs.get("post_prompt") or "")


def spatialeval_options(doc):
    text = doc["text"]
    options = {}
    at = text.rfind(MARKER)
    if at >= 0:
        for line in text[at + len(MARKER):].split("\n"):
            m = LINE.match(line)
            if not m:
                continue
            option = m.group(2)
            if option.endswith("."):
                option = option[:-1]
            options.setdefault(m.group(1), option.strip())
    if not options:
        options[doc["oracle_option"]] = doc["oracle_answer"]
    return options


def spatialeval_pick(options, response):
    r = response.strip()
    m = LEADING.match(r)
    if m:
        letter = m.group(1) or m.group(2)
        if letter in options:
            return letter
    for m in NAMED.finditer(r):
        if m.group(1) in options:
            return m.group(1)
    best, best_at, best_len = None, None, -1
    for letter, text in options.items():
        if not text:
            continue
        m = re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", r, re.IGNORECASE)
        if m and (best_at is None or m.start() < best_at or (m.start() == best_at and len(text) > best_len)):
            best, best_at, best_len = letter, m.start(), len(text)
    return best


def spatialeval_process_results(doc, results):
    picked = spatialeval_pick(spatialeval_options(doc), results[0])
    return {"spatialeval_acc": 1.0 if picked == doc["oracle_option"] else 0.0}
