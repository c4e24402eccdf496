"""Exports a Magma checkpoint folder to the ONNX model folder the Java `magma` backend loads."""
import hashlib
import json
import os
import shutil

import numpy as np

from . import onnx_graphs
from .checkpoint import PROJ, MagmaCheckpoint
from .preprocess import CLIP_MEAN, CLIP_STD
from .tokenizer import SYSTEM_PROMPT

FORMAT = "magma-onnx/1"
GRAPHS = {"vision_encoder": "vision_encoder", "embed_tokens": "embed_tokens", "decoder": "decoder_model_merged"}
TOKENS = {"bos": "<|begin_of_text|>", "eot": "<|eot_id|>", "start_header": "<|start_header_id|>",
          "end_header": "<|end_header_id|>", "pad": "<pad>", "image": "<image>", "image_start": "<image_start>",
          "image_end": "<image_end>"}


def _sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _suffix(dtype):
    return "" if dtype == "fp32" else "_" + dtype


def _special_ids(folder, tokenizer_json, ck):
    by_content = {t["content"]: t["id"] for t in tokenizer_json.get("added_tokens", [])}
    ids = {}
    for key, content in TOKENS.items():
        if content not in by_content:
            raise ValueError(f"{folder}/tokenizer.json: no added token '{content}'")
        ids[key] = by_content[content]
    image_index = ck.config.get("image_token_index")
    if image_index is not None and image_index != ids["image"]:
        raise ValueError(f"{folder}/config.json: image_token_index {image_index} but tokenizer.json has "
                         f"<image> = {ids['image']}")
    gen = ck.side_file("generation_config.json")
    eos = gen.get("eos_token_id", ids["eot"])
    stops = eos if isinstance(eos, list) else [eos]
    return ids, stops


def export(checkpoint_dir, out_dir, dtypes=("fp32",), external="auto", vision_fp32=False, log=print):
    """Writes <out_dir>/{vision_encoder,embed_tokens,decoder_model_merged}{,_fp16}.onnx, row_separator*.bin,
    tokenizer.json and magma_config.json. Returns the parsed magma_config. vision_fp32 keeps the vision tower of
    an fp16 export in fp32 (only image_features are fp16), in case its activations overflow fp16's range."""
    ck = MagmaCheckpoint(checkpoint_dir)
    ck.check_rope_scaling()
    arch = ck.arch()
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(checkpoint_dir, "tokenizer.json"), encoding="utf-8") as f:
        tokenizer_json = json.load(f)
    ids, stops = _special_ids(checkpoint_dir, tokenizer_json, ck)
    shutil.copyfile(os.path.join(checkpoint_dir, "tokenizer.json"), os.path.join(out_dir, "tokenizer.json"))
    params = arch.hidden_size * arch.vocab_size * 2 + arch.num_hidden_layers * (
        4 * arch.hidden_size ** 2 + 3 * arch.hidden_size * arch.intermediate_size)
    use_external = external == "yes" or (external == "auto" and params * 2 > 1 << 30)
    files, variants = {}, {}
    for dtype in dtypes:
        names = {}
        for key, base in GRAPHS.items():
            name = base + _suffix(dtype) + ".onnx"
            log(f"writing {name} ({dtype}{', external data' if use_external else ''})")
            build = {"vision_encoder": onnx_graphs.build_vision, "embed_tokens": onnx_graphs.build_embed,
                     "decoder": onnx_graphs.build_decoder}[key]
            if key == "vision_encoder" and vision_fp32:
                build(ck, arch, dtype, os.path.join(out_dir, name), use_external, compute_dtype="fp32")
            else:
                build(ck, arch, dtype, os.path.join(out_dir, name), use_external)
            names[key] = name
            for f in (name, name + "_data"):
                if os.path.exists(os.path.join(out_dir, f)):
                    files[f] = _sha256(os.path.join(out_dir, f))
        sep_name = "row_separator" + _suffix(dtype) + ".bin"
        sep = ck.get(PROJ + "row_seperator").reshape(-1).astype(np.float16 if dtype == "fp16" else np.float32)
        sep.astype(sep.dtype.newbyteorder("<")).tofile(os.path.join(out_dir, sep_name))
        files[sep_name] = _sha256(os.path.join(out_dir, sep_name))
        names["row_separator"] = sep_name
        variants[dtype] = names
    files["tokenizer.json"] = _sha256(os.path.join(out_dir, "tokenizer.json"))
    pre = ck.side_file("preprocessor_config.json")
    tok_cfg = ck.side_file("tokenizer_config.json")
    vc = ck.config.get("vision_config") or {}
    config = {
        "format": FORMAT,
        "dtypes": variants,
        "default_dtype": dtypes[0],
        "vision_compute_dtype": "fp32" if vision_fp32 else "same",
        "hidden_size": arch.hidden_size,
        "num_hidden_layers": arch.num_hidden_layers,
        "num_attention_heads": arch.num_attention_heads,
        "num_key_value_heads": arch.num_key_value_heads,
        "head_dim": arch.head_dim,
        "vocab_size": arch.vocab_size,
        "context_length": arch.max_position_embeddings,
        "image": {
            "strategy": "crop",
            "base_img_size": int(pre.get("base_img_size", vc.get("img_size", 512))),
            "num_crops": int(pre.get("num_crops", vc.get("max_num_crops", 4))),
            "feature_stride": arch.vision_stride,
            "image_mean": [float(v) for v in pre.get("image_mean", CLIP_MEAN)],
            "image_std": [float(v) for v in pre.get("image_std", CLIP_STD)],
        },
        "tokens": {**{k + "_token_id": v for k, v in ids.items()}, "stop_token_ids": stops,
                   "strings": dict(TOKENS)},
        "chat": {
            "system_prompt": SYSTEM_PROMPT,
            "image_start_end": bool(ck.config.get("mm_use_image_start_end", vc.get("mm_use_image_start_end", True))),
        },
        "generation": {"max_new_tokens": 1024},
        "clean_up_tokenization_spaces": bool(tok_cfg.get("clean_up_tokenization_spaces", True)),
        "architecture": arch.to_json(),
        "files_sha256": files,
    }
    with open(os.path.join(out_dir, "magma_config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    return config
