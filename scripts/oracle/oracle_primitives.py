#!/usr/bin/env python3.12
"""Reference values for dev.magmaeval.metrics.py: CPython 3.12's own str methods, float repr/parse, round(),
sum(), statistics.mean and random.Random, run on generated hard cases.

    ~/.pyenv/versions/3.12.1/bin/python3.12 scripts/oracle/oracle_primitives.py metrics/src/test/resources/oracle

numpy.float64 is not importable under this interpreter; npf.NpF models it.
"""
import math
import os
import random
import statistics
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyvalues  # noqa: E402
from npf import NpF  # noqa: E402
from pyvalues import hard_strings, number_strings, outcome, py, write  # noqa: E402

assert sys.version_info[:2] == (3, 12), "run with CPython 3.12"


pyvalues.set_numpy_float_types(NpF)


def strings(out):
    cases = []
    for s in hard_strings(101, 600):
        cases.append({
            "s": s,
            "strip": s.strip(), "lstrip": s.lstrip(), "rstrip": s.rstrip(), "strip_chars": s.strip(" .a!Σ"),
            "split": s.split(), "lower": s.lower(), "upper": s.upper(), "capitalize": s.capitalize(),
            "isnumeric": s.isnumeric(), "isdigit": s.isdigit(), "isdecimal": s.isdecimal(), "isalpha": s.isalpha(),
            "isspace": s.isspace(), "len": len(s), "repr": repr(s), "repr_list": repr([s, s[:3]]),
        })
    write(os.path.join(out, "py_strings.json"), {"python": sys.version}, cases)


def floats(out):
    rng = random.Random(7)
    xs = [0.0, -0.0, 1.0, -1.5, 0.1, 1e-05, 1e-4, 0.0001234, 1e16, 1e15, 9999999999999998.0, 123456789012345678.0,
          5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, float("inf"), float("-inf"), float("nan"),
          2.0 ** -44, 2.0 ** 60, 1 / 3, 2 / 3, 0.5366666666666666, 100.0, 1e22, 1e23, 9.5e-5, 2.675, 0.125, 0.375]
    for e in range(-30, 30):
        xs += [10.0 ** e, 2.0 ** e, 10.0 ** e * 1.5]
    while len(xs) < 1200:
        r = rng.random()
        if r < 0.4:
            xs.append(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0])
        elif r < 0.7:
            xs.append(rng.random() * 10 ** rng.randint(-8, 20))
        else:
            xs.append(rng.randint(0, 1000) / rng.choice([3, 7, 9, 10, 100, 1000, 240]))
    cases = []
    for x in xs:
        c = {"x": py(x), "repr": repr(x)}
        c["round"] = {str(n): outcome(round, x, n) for n in (0, 1, 2, 3, 5, 6, -1, -2)}
        cases.append(c)
    write(os.path.join(out, "py_float_repr.json"), {"python": sys.version}, cases)

    cases = [{"s": s, "float": outcome(float, s)} for s in number_strings(11, 1500) + hard_strings(12, 300)]
    write(os.path.join(out, "py_float_parse.json"), {"python": sys.version}, cases)


def typed_list(rng, n):
    kinds = rng.choice(["float", "int", "mixed", "bool", "np", "npmix", "big", "vqa"])
    out = []
    for _ in range(n):
        k = kinds if kinds not in ("mixed", "npmix") else rng.choice(
            ["float", "int", "bool"] + (["np"] if kinds == "npmix" else []))
        if kinds == "vqa":
            k = rng.choice(["vqa1", "vqaf"])
        if k == "float":
            out.append(rng.choice([rng.random(), rng.uniform(-1e16, 1e16), 1e16, -1e16, 1.0, 0.1, 1e-300,
                                   rng.randint(0, 3) / 3]))
        elif k == "int":
            out.append(rng.choice([0, 1, -1, rng.randint(-10**6, 10**6), 2**62, -2**62]))
        elif k == "bool":
            out.append(rng.random() < 0.5)
        elif k == "np":
            out.append(NpF(rng.choice([rng.random(), 0.5, 1.0, 0.0, 1e16])))
        elif k == "big":
            out.append(rng.choice([2**63 - 1, 2**63, -2**64, rng.random(), 1]))
        elif k == "vqa1":
            out.append(1)
        else:
            out.append(rng.choice([0.0, 1 / 3, 2 / 3, 0.9, 0.3, 0.6, 0.7666666666666667]))
    return out


def sums(out):
    rng = random.Random(3)
    lists = [[], [1e16, 1.0, -1e16], [1e16, 1.0, -1e16, NpF(0.0)], [1e16, 1.0, -1e16, 1], [1e16, 1.0, -1e16, True],
             [0.1] * 10, [1] * 121 + [0.9] * 119, [True, True], [-0.0], [0.5, 2**70, 0.25], [2**63, 0.5],
             [2**62, 2**62, 0.5], [1e308, 1e308, -1e308], [float("inf"), 1.0], [float("nan"), 1.0],
             [NpF(0.1)] * 10, [1, NpF(0.5), 0.25], [0.1, 0.2, NpF(0.3), 0.4]]
    while len(lists) < 400:
        lists.append(typed_list(rng, rng.choice([1, 2, 3, 5, 10, 20, 50, 240] * 4 + [1000])))
    cases = []
    for xs in lists:
        cases.append({"items": py(xs), "sum": outcome(sum, xs), "mean": outcome(statistics.mean, xs)})
    write(os.path.join(out, "py_sum_mean.json"), {"python": sys.version}, cases)


def randoms(out):
    cases = []
    for seed in [0, 1, 2, 42, 99, 1234, 2**32 - 1, 2**32, 2**40 + 5, -7, 2**100 + 3]:
        r = random.Random(seed)
        rnd = [r.random() for _ in range(400)]
        r = random.Random(seed)
        pop = list(range(1, 8))
        choice = [r.choice(pop) for _ in range(300)] + [r.choice(["A"]) for _ in range(5)] + [
            r.choice(list("ABCDE")) for _ in range(300)]
        r = random.Random(seed)
        choices = r.choices(list(range(37)), k=700)
        bits = [random.Random(seed).getrandbits(k) for k in (1, 5, 31, 32)]
        cases.append({"seed": str(seed), "random": [py(x) for x in rnd], "choice": choice, "choices": choices,
                      "getrandbits": bits})
    write(os.path.join(out, "py_random.json"), {"python": sys.version}, cases)


def literals(out):
    import ast

    pyvalues.TYPED_TUPLES = True
    rng = random.Random(13)
    fixed = [
        "1", "-1", "+1", "--1", "-(1)", "(-1)", "-(-1)", "1+2j", "-1-2j", "1+2", "1+2j+3j", "(1+2j)", "-(1+2j)", "2j",
        "1.5", ".5", "5.", "1e5", "1E-5", "1_000", "1__000", "0x1F", "0o17", "0b101", "0x_1f", "017", "00", "0_0",
        "1.e5", "1._5", "1j", "1.5J", "True", "-True", "None", "...", "'a'", '"a"', "'a' 'b'", "'a' b'b'", "b'ab'",
        r"rb'\n'", r"r'\n'", "u'x'", "f'x'", "'''multi\nline'''", r"'\x41\u00e9\U0001F600'", r"'\N{BULLET}'",
        r"'\q'", r"'\101'", "'a\\\nb'", "[1, 2,]", "[,]", "()", "(1,)", "(1)", "(1, 2)", "{}", "{1: 2}", "{1, 2}",
        "{1: 2, 3}", "{1, 2: 3}", "{'a': 1, 'a': 2}", "{1: 'a', True: 'b', 1.0: 'c'}", "{[1]: 2}", "{(1, 2): 3}",
        "set()", "set ( )", "set([1])", "frozenset()", "[1, [2, (3, {4: 5})]]", "  1", "\t1", "\n1", "1\n", "1\n2",
        "[1,\n2]", "[1, # c\n 2]", "1 # comment", "1 \\\n + 2j", "x", "click(1)", "1 if 1 else 2", "[*a]",
        "{**a}", "1, 2", "", " ", "'unterminated", "'a\nb'", r"b'\xe9'", "'é'", "1abc", "1.2.3", "0x", "1e", "1e+",
        "-0.0", "-0", "1_", "_1", "(((1)))", '{"action_type": 4, "click_point": (0.53,0.21)}',
        "{'action_type': 4, 'click_point': [0.5, 0.5]}", "9" * 30, "1e400", "-1e400", "4+0j", "0j", "-0j", "(1-0j)",
        "b'a' b'b'", "Rb'x'", "BR'x'", "'a' # c\n", "[1 2]", "{1: 2,}", "{1:}", "(,)", "[1, 2", "1)", "é",
    ]
    atoms = ["1", "-2", "3.5", "'s'", '"t"', "True", "None", "2j", "(1, 2)", "[3]", "{}", "x", "1+2j", "b'b'", "0x10"]
    cases = list(fixed)
    while len(cases) < 600:
        k = rng.randint(0, 4)
        parts = [rng.choice(atoms) for _ in range(k)]
        shape = rng.choice(["[{}]", "({})", "{{{}}}", "({},)", "{}"])
        if shape == "{{{}}}" and rng.random() < 0.6:
            body = ", ".join(f"{a}: {b}" for a, b in zip(parts, reversed(parts)))
        else:
            body = rng.choice([", ", ",", " , ", ",\n"]).join(parts)
        cases.append(shape.format(body))
    result = [{"s": c, "eval": outcome(ast.literal_eval, c)} for c in cases]
    pyvalues.TYPED_TUPLES = False
    write(os.path.join(out, "py_literal.json"), {"python": sys.version}, result)


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    strings(out)
    floats(out)
    sums(out)
    randoms(out)
    literals(out)
