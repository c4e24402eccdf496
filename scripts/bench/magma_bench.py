#!/usr/bin/python3
"""PyTorch eager side of scripts/bench/magma_bench.sh: the tiny twin's reference prompts, end to end per sample
(image open, preprocessing, tokenization, vision, merge, prefill, greedy decode), at batch 1 and left-padded 4.

The twin's weights are regenerated from the same seed as scripts/export_magma_onnx.py --tiny, and the script
checks its tokens against the committed reference before timing. Prints one JSON line per batch size.
"""
import argparse
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import torch  # noqa: E402
from PIL import Image  # noqa: E402

from magma.checkpoint import MagmaCheckpoint, reference_state_dict  # noqa: E402
from magma.generate import greedy, greedy_left_padded, merged_embeddings  # noqa: E402
from magma.model import MagmaReference  # noqa: E402
from magma.preprocess import preprocess  # noqa: E402
from magma.tiny import CORPUS, _tiny_checkpoint  # noqa: E402
from magma.tokenizer import TinyTokenizer, chat_prompt, train  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", default="adapters/src/test/resources/tiny-magma")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--reps", type=int, default=5)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    ref = json.load(open(os.path.join(args.model, "reference", "reference.json"), encoding="utf-8"))
    tokenizer = TinyTokenizer(train(CORPUS, 160))
    with tempfile.TemporaryDirectory() as ckdir:
        _tiny_checkpoint(ckdir, tokenizer, 0)
        ck = MagmaCheckpoint(ckdir)
        model = MagmaReference(ck.arch())
        model.load_state_dict(reference_state_dict(ck, model))
    model.eval()
    config = json.load(open(os.path.join(args.model, "magma_config.json"), encoding="utf-8"))
    image_id, stops = config["tokens"]["image_token_id"], set(config["tokens"]["stop_token_ids"])
    files = {k: os.path.join(args.model, "reference", "images", v["file"]) for k, v in ref["pixel_values"].items()}
    cases = list(ref["generation"].values())
    max_new = ref["max_new_tokens"]

    def run(batch):
        tokens, outputs = 0, []
        for start in range(0, len(cases), batch):
            embeds = []
            for c in cases[start:start + batch]:
                ids = tokenizer.encode(chat_prompt(c["question"], len(c["images"])))
                pixel = [preprocess(Image.open(files[n])) for n in c["images"]]
                embeds.append(merged_embeddings(model, ids, pixel, image_id))
            if batch == 1:
                outs = [greedy(model, embeds[0], max_new, stops)[0]]
            else:
                outs = greedy_left_padded(model, embeds, max_new, stops)
            outputs += outs
            tokens += sum(len(o) for o in outs)
        return tokens, outputs

    with torch.no_grad():
        for batch in (1, 4):
            _, outputs = run(batch)  # warm-up, and the check that these are the reference weights
            if outputs != [c["tokens"] for c in cases]:
                sys.exit(f"batch {batch}: PyTorch tokens differ from {args.model}/reference/reference.json")
            times = []
            for _ in range(args.reps):
                t0 = time.perf_counter()
                tokens, _ = run(batch)
                times.append(time.perf_counter() - t0)
            median = sorted(times)[len(times) // 2]
            print(json.dumps({"impl": "pytorch-eager", "batch": batch, "threads": args.threads,
                              "samples": len(cases), "new_tokens": tokens, "median_s": round(median, 4),
                              "samples_per_s": round(len(cases) / median, 3),
                              "tokens_per_s": round(tokens / median, 2)}))


if __name__ == "__main__":
    main()
