#!/usr/bin/env python3
"""Writes N VQAv2-shaped samples (10 answer dicts + a prediction) as JSON lines, deterministically.

    python3 scripts/bench/metrics_vqav2_gen.py 200000 /tmp/vqav2_bench.jsonl
"""
import json
import random
import sys

POOL = ["yes", "no", "2", "two", "1", "3", "red", "blue", "white", "black", "dog", "cat", "tennis", "baseball",
        "pizza", "left", "right", "kitchen", "none", "0", "table", "frisbee", "skateboarding", "surfing", "green",
        "brown", "umbrella", "train", "bus", "giraffe", "elephant", "10", "12:00", "1,000", "t-shirt", "don't know",
        "man", "woman", "wood", "grass", "snow", "water", "sunny", "cloudy", "clock", "phone", "laptop", "kite"]


def variant(rng, a):
    r = rng.random()
    if r < 0.6:
        return a
    if r < 0.7:
        return a.capitalize()
    if r < 0.8:
        return a + "."
    if r < 0.9:
        return "the " + a
    return rng.choice(POOL)


def main(n, path):
    rng = random.Random(2024)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            main_answer = rng.choice(POOL)
            answers = [{"answer": variant(rng, main_answer) if rng.random() < 0.7 else rng.choice(POOL),
                        "answer_confidence": rng.choice(["yes", "maybe"]), "answer_id": k + 1} for k in range(10)]
            pred = variant(rng, main_answer) if rng.random() < 0.6 else rng.choice(POOL)
            if rng.random() < 0.05:
                pred = "The answer is " + pred + "."
            f.write(json.dumps({"question_id": i, "answers": answers, "pred": pred}) + "\n")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
