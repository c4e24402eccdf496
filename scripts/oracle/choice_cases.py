"""Generated model responses for the multiple-choice and yes/no parsers: formats, ties, reasoning tags, Unicode."""
import random

from pyvalues import PIECES

LETTERS = list("ABCDEFGH")
OPTION_TEXTS = ["red", "blue car", "The dog", "two", "a cat", "none of the above", "42", "3.5 meters", "left",
                "right side", "", "Yes", "no", "B", "(A)", "ß", "İstanbul", "Α Σ", "turn left at the light",
                "he is running", "1,000", "50%", "café"]
TEMPLATES = [
    "{L}", "({L})", "{L}.", "{L})", "{L}:", "{l}", "({l})", " {L} ", "Answer: {L}", "The answer is {L}.",
    "The answer is ({L}).", "the correct answer is {L}", "I choose {L} because {M} is wrong", "{L} and {M}",
    "({L}) or ({M})", "{L}. {O}", "Option {L}", "{O}", "I think it is {O}, not {O2}, definitely {O}.",
    "<think>{M} looks right but</think>{L}", "<think>{L}</think>", "A: {L}", "{L}: {O}", "best answer is {L}",
    "答案是{L}", "정답은 {L}", "答えは{L}", "选{L}", "The image shows {O}. So the best option is {L}", "Ａ", "Ｂ.",
    "\u3000{L}\u3000", "{L}\n", "\n({L})\n", "{L},", "'{L}'", "\"{L}\"", "{L}!", "...{L}...", "{L}{M}", "x{L}",
    "The letter {L} is my final choice among {M} and {L2}", "None of these", "", " ", "I cannot tell.",
    "It is {O2} because the picture shows {O} clearly enough", "{L}) {O}", "{L}.{M}.", "Ans {L} ans {M}",
    "İ", "ı", "ſ", "\u212a", "é {L}", "({L}", "{L} is correct. {M} is not.", "E", "(E)", "F.", "H)",
]


def response(rng, options):
    t = rng.choice(TEMPLATES)
    letters = LETTERS[: max(2, len(options))]
    opts = options or ["x", "y"]
    r = t.format(L=rng.choice(letters), l=rng.choice(letters).lower(), M=rng.choice(letters),
                 L2=rng.choice(letters), O=rng.choice(opts), O2=rng.choice(opts))
    mut = rng.random()
    if mut < 0.1:
        r = r + " " + rng.choice(PIECES)
    elif mut < 0.2:
        r = rng.choice(PIECES) + r
    elif mut < 0.25:
        r = r * 3
    return r


def options(rng, k):
    return rng.sample(OPTION_TEXTS, k)


YES_NO = ["yes", "no", "Yes", "No.", "YES", "yes.", "y", "n", "Y.", "no!", "No, it is not.", "Yes, there is.",
          "nope", "yeah", "not sure", "", " ", "yes no", "noyes", "The answer is yes", "I think no", "yes\n",
          "\u3000yes\u3000", "İyes", "YES.", "Nö", "ño", "n.", "...", "y.e.s", "know", "none", "Yesterday"]


def yes_no(rng):
    r = rng.choice(YES_NO)
    if rng.random() < 0.2:
        r = rng.choice(["", " ", ".", "\t"]) + r + rng.choice(["", " ", ".", "!"])
    return r
