#!/usr/bin/python3
"""Export Magma-8B (or its tiny test twin) to the ONNX folder the Java `magma` backend loads.

  # the real model: a local copy of huggingface.co/microsoft/Magma-8B (config.json, *.safetensors, tokenizer.json,
  # tokenizer_config.json, generation_config.json, preprocessor_config.json)
  scripts/export_magma_onnx.py --checkpoint ~/models/Magma-8B --out models/magma-8b-onnx --dtype fp16,fp32

  # the tiny twin and its PyTorch references, committed for the tests (--check: only verify the committed files)
  scripts/export_magma_onnx.py --tiny --out adapters/src/test/resources/tiny-magma [--check]

Runs with Debian's python3 (python3-torch 1.13, python3-onnx, python3-numpy, python3-pil); no transformers, timm,
safetensors or onnxruntime needed. Graphs over 1 GiB of weights get ONNX external data (<graph>.onnx_data).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from magma.export import export  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--checkpoint", help="Magma checkpoint folder (Hugging Face layout)")
    src.add_argument("--tiny", action="store_true", help="build the random-weight test twin and its references")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--dtype", default="fp32", help="fp32, fp16 or a list such as fp16,fp32 (first is the default)")
    p.add_argument("--external-data", choices=["auto", "yes", "no"], default="auto",
                   help="store weights in <graph>.onnx_data (auto: when over 1 GiB)")
    p.add_argument("--vision-fp32", action="store_true",
                   help="fp16 exports: keep the ConvNeXt tower in fp32 (upstream runs bf16, whose range fp16 lacks)")
    p.add_argument("--seed", type=int, default=0, help="--tiny: weight seed")
    p.add_argument("--check", action="store_true", help="--tiny: regenerate into a temporary folder and compare")
    args = p.parse_args(argv)
    dtypes = tuple(d.strip() for d in args.dtype.split(","))
    for d in dtypes:
        if d not in ("fp32", "fp16"):
            p.error(f"--dtype: unknown dtype '{d}' (known: fp32, fp16)")
    import torch
    torch.set_num_threads(1)  # reference outputs must not depend on the machine's thread count
    if args.tiny and args.check:
        sys.exit(check_tiny(args.out, args.seed))
    if args.tiny:
        from magma.tiny import make_tiny
        make_tiny(args.out, seed=args.seed)
    else:
        export(args.checkpoint, args.out, dtypes=dtypes, external=args.external_data, vision_fp32=args.vision_fp32)
    print(f"wrote {args.out}")


def check_tiny(committed, seed):
    """0 if regenerating the twin reproduces every committed file byte for byte."""
    import filecmp
    import tempfile
    from magma.tiny import make_tiny
    with tempfile.TemporaryDirectory() as tmp:
        make_tiny(tmp, seed=seed, log=lambda *a: None)
        fresh = {os.path.relpath(os.path.join(d, f), tmp) for d, _, fs in os.walk(tmp) for f in fs}
        old = {os.path.relpath(os.path.join(d, f), committed) for d, _, fs in os.walk(committed) for f in fs}
        differ = sorted(f for f in fresh & old
                        if not filecmp.cmp(os.path.join(tmp, f), os.path.join(committed, f), shallow=False))
        problems = [f"differs: {f}" for f in differ] + [f"missing: {f}" for f in sorted(fresh - old)] + \
                   [f"extra: {f}" for f in sorted(old - fresh)]
    print("\n".join(problems) if problems else f"{committed}: reproduced byte for byte")
    return 1 if problems else 0


if __name__ == "__main__":
    main()
