"""Shared helpers for the oracle scripts: the typed JSON encoding the Java tests decode, and hard test strings.

Typed values keep Python's types across JSON: "i:<int>", "f:<float repr>", "n:<numpy.float64 repr>", "b:True",
"s:<str>", "N" (None); lists stay lists, dicts stay objects. Floats go through repr, so every bit survives.
"""
import gzip
import io
import json
import math
import random
import sys

NP_FLOAT64_TYPES = ()
TYPED_TUPLES = False  # tuples and dict keys keep their types only where a reference needs it


def set_numpy_float_types(*types):
    global NP_FLOAT64_TYPES
    NP_FLOAT64_TYPES = tuple(types)


def py(v):
    if v is None:
        return "N"
    if NP_FLOAT64_TYPES and isinstance(v, NP_FLOAT64_TYPES):
        return "n:" + repr(float(v))
    if isinstance(v, bool):
        return "b:" + repr(v)
    if isinstance(v, int):
        return "i:" + repr(v)
    if isinstance(v, float):
        if type(v) is not float:
            raise TypeError(f"unexpected float subclass {type(v)}")
        return "f:" + repr(v)
    if isinstance(v, str):
        return "s:" + v
    if isinstance(v, complex):
        return "c:" + repr(v)
    if isinstance(v, bytes):
        return "y:" + v.hex()
    if isinstance(v, (set, frozenset)):
        return {"set": sorted((py(x) for x in v), key=str)}
    if isinstance(v, tuple) and TYPED_TUPLES:
        return {"tuple": [py(x) for x in v]}
    if isinstance(v, (list, tuple)):
        return [py(x) for x in v]
    if isinstance(v, dict):
        if TYPED_TUPLES:
            return {"dict": [[py(k), py(x)] for k, x in v.items()]}
        return {str(k): py(x) for k, x in v.items()}
    t = type(v).__name__
    if t in ("float64", "bool_", "int64"):
        return py(v.item()) if t != "float64" else "n:" + repr(float(v))
    raise TypeError(f"cannot encode {type(v)}")


DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def pylist(xs):
    """A long list of typed values, compactly: {"palette": [distinct typed values], "index": one char per item}.

    Falls back to a plain list when there are more distinct values than index characters.
    """
    palette, index = [], []
    seen = {}
    for x in xs:
        key = py(x)
        if key not in seen:
            seen[key] = len(palette)
            palette.append(key)
        index.append(seen[key])
    if len(palette) > len(DIGITS):
        return [py(x) for x in xs]
    return {"palette": palette, "index": "".join(DIGITS[i] for i in index)}


def outcome(fn, *args, **kwargs):
    """{"ok": typed result} or {"error": exception class name}."""
    try:
        return {"ok": py(fn(*args, **kwargs))}
    except Exception as e:  # noqa: BLE001 - the error class is the expected value
        return {"error": type(e).__name__}


def write(path, meta, cases):
    """Writes path + ".gz" (gzip, fixed mtime so reruns are byte-identical); read with zcat."""
    path += ".gz"
    with gzip.GzipFile(path, "wb", mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8") as f:
        json.dump({"meta": meta, "cases": cases}, f, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {path}", file=sys.stderr)


# Pieces of hard strings: Unicode whitespace, non-ASCII digits, case-mapping oddities, punctuation, quotes.
PIECES = [
    "a", "B", "z", "Yes", "no", "the", "an", "A", "two", "ten", "none", "dont", "Im", "youre", "y'all",
    "0", "1", "7", "42", "3.14", "1,000", "1,2", "10%", "-5", "+3", "1e5", "inf", "NaN", "1_000", "_",
    " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u2000",
    "\u2009", "\u200b", "\u2028", "\u202f", "\u3000", "\x00", "\x7f",
    "０", "１２", "٣", "४", "²", "½", "一", "三", "Ⅻ", "①",
    "ß", "ẞ", "İ", "ı", "Σ", "σ", "ς", "ΑΣ", "ǅ", "ǆ", "ﬁ", "ŉ", "ᾳ", "\u0301", "\u0345", "é", "É",
    "😀", "𝟘", "'", '"', "\\", ".", ",", "?", "!", ";", ":", "/", "[", "]", "{", "}", "(", ")", "=",
    "+", "_", "-", ">", "<", "@", "`", "#", "$", "%", "&", "*", "^", "|", "~", "'s", "...", "a.b",
    "(A)", "B.", "C)", "<think>", "</think>", "Answer:", "é", "Ünïcödé",
]


def random_string(rng, max_pieces=8):
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, max_pieces)))


def hard_strings(seed, n):
    rng = random.Random(seed)
    fixed = [
        "", " ", "\t\n", "a", "  Hello World  ", "ΑΣ", "ΑΣ Σ", "ΑΣ.", "Σ", "aΣ\u0301b", "ΑΣ\u0345", "İstanbul",
        "ß", "STRASSE", "ǅungla", "ﬁle", "ŉ", "\x1c1\x1f", "1\x85", "\u3000１２３\u3000", "x" * 2000,
        "a\x00", "\x00", "it's", "\"quoted\"", "'both\"", "tab\there", "new\nline", "\x7f\x80\x9f\xa0\xad",
        "\ud7ff\ue000\uffff", "\U0001f600", "\U000e0001", "Ⅻ½²", "一二三", "٣٫١٤",
    ]
    return fixed + [random_string(rng) for _ in range(n - len(fixed))]


def number_strings(seed, n):
    rng = random.Random(seed)
    fixed = [
        "1", "1.5", " 1.5 ", "1_000", "1__000", "_1", "1_", "1_.5", "1._5", "1e1_0", "1e_10", "inf", "-inf", "+inf",
        "Infinity", "-infinity", "iNf", "infinit", "nan", "-nan", "NaN", "+nan", "nan1", "1e400", "-1e400",
        "1e-400", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "0x10", "1f", "1d", "1.",
        ".5", ".", "e5", "1e", "1e+", "1e-5", "1E5", "--1", "+-1", "１２", "٣.١", "1\x1c", "\x1c1", "1\x85",
        "\u30001\u3000", "1\x00", "\x0b1\x0c", "1 2", "", " ", "10%", "1,000", "1.2.3", "0.1", "-0", "-0.0",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096"
        "330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730"
        "270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
        "9007199254740993", "0.30000000000000004", "1" * 400, "0." + "0" * 400 + "1", "², ", "²", "½", "一",
    ]
    out = list(fixed)
    while len(out) < n:
        x = rng.choice([rng.random(), rng.uniform(-1e6, 1e6), 10 ** rng.uniform(-30, 30), rng.randint(-10**6, 10**6)])
        s = rng.choice([repr(x), f"{x:.3f}" if isinstance(x, float) else str(x), f"{x:e}", str(x).upper()])
        mut = rng.random()
        if mut < 0.15:
            s = rng.choice([" ", "\t", "\u3000", "\xa0", "\n"]) + s + rng.choice(["", " ", "\x85"])
        elif mut < 0.3:
            s = s.translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"})
        elif mut < 0.4 and len(s) > 2:
            i = rng.randint(1, len(s) - 1)
            s = s[:i] + "_" + s[i:]
        elif mut < 0.5:
            s = s + rng.choice(["%", "x", ".", "e", "_"])
        out.append(s)
    return out
