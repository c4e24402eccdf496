"""The tiny twin: Magma's exact structure at toy sizes, random weights, exported by the real export path, plus the
PyTorch reference outputs the Java tests compare against."""
import hashlib
import json
import os
import tempfile

import numpy as np
import torch
from PIL import Image

from . import fixtures, safetensors_io
from .checkpoint import LM, TRUNK, MagmaCheckpoint, reference_state_dict
from .export import export
from .generate import greedy, greedy_left_padded, merged_embeddings
from .model import MagmaArch, MagmaReference
from .preprocess import CLIP_MEAN, CLIP_STD, preprocess
from .tokenizer import BYTE_TO_CHAR, SYSTEM_PROMPT, TinyTokenizer, chat_prompt, train

ARCH = dict(vision_dims=[8, 16, 32, 64], vision_depths=[1, 1, 2, 1], hidden_size=64, num_hidden_layers=2,
            num_attention_heads=4, num_key_value_heads=2, intermediate_size=128)
MAX_NEW_TOKENS = 20
SAMPLE_STRIDE = 7
EOT_SCALE = 2.0
MIN_GAP = 1e-3  # top-1/top-2 logit gap every reference step must exceed, so runtime rounding cannot flip a token

CORPUS = [SYSTEM_PROMPT, "What is in the image? Answer the question using a single word or phrase.",
          "Describe the colors of the shapes in this picture.", "Is there a circle on the left side?",
          "Hello, who are you? I am an agent that can see, talk and act.", "Compare the two images.",
          "How many rectangles are there? Count them and answer with a number like 3, 12 or 2025.",
          "The answer is yes. The answer is no. The letter on the robot is 'M'.", "user assistant system",
          "What action should the robot take to pick up the red block?", "Coordinate: (0.17, 0.43). Mark: 3."]

# (name, images, question): the generation fixtures. Batch 4 runs BATCH through one left-padded call.
PROMPTS = [
    ("square", ["square_256"], "What is in the image?\nAnswer the question using a single word or phrase."),
    ("wide", ["wide_640x480"], "Describe the colors of the shapes in this picture."),
    ("text_only", [], "Hello, who are you?"),
    ("two_images", ["tall_480x640", "square_256"], "Compare the two images."),
    ("grid_2x2", ["large_800x600"], "How many rectangles are there?"),
    ("phone", ["phone_540x1200"], "  Is there a circle on the left side?  \n"),
    ("modes", ["gray_300x200", "rgba_200x300", "palette_333x222", "cmyk_320x240"], "Which image is gray?"),
]
BATCH = ["square", "text_only", "two_images", "wide"]
LOGLIKELIHOOD = [("square", "What is in the image?", " yes"), ("square", "What is in the image?", " a red circle"),
                 ("text_only", "Is the sky blue?", " no")]


def _tiny_checkpoint(folder, tokenizer, seed):
    """Writes an HF-layout checkpoint (config.json, model.safetensors, tokenizer files) with random weights."""
    torch.manual_seed(seed)
    arch = MagmaArch(**ARCH, vocab_size=tokenizer.size)
    model = MagmaReference(arch)
    gen = torch.Generator().manual_seed(seed)
    state = {}
    for name, p in model.state_dict().items():
        if name.endswith(".gamma"):
            v = torch.rand(p.shape, generator=gen) + 0.5
        elif "norm" in name or name.startswith(TRUNK + "stem.1") or ".downsample.0." in name:
            v = (1.0 if name.endswith("weight") else 0.0) + 0.1 * torch.randn(p.shape, generator=gen)
        elif name.endswith("row_seperator") or name.endswith("embed_tokens.weight"):
            v = torch.randn(p.shape, generator=gen)
        elif name.endswith("lm_head.weight"):
            v = 0.5 * torch.randn(p.shape, generator=gen)
        elif p.dim() >= 2:
            fan_in = int(np.prod(p.shape[1:]))
            v = torch.randn(p.shape, generator=gen) / np.sqrt(fan_in)
        else:
            v = 0.1 * torch.randn(p.shape, generator=gen)
        state[name] = v.float()
    # Never emit non-printable single bytes (keeps decoded fixture texts readable), and make <|eot_id|> likely
    # enough that some fixture prompts stop before max_new_tokens.
    for b, ch in enumerate(BYTE_TO_CHAR.values()):
        if not 0x20 <= list(BYTE_TO_CHAR)[b] <= 0x7E:
            state[LM + "lm_head.weight"][tokenizer.vocab[ch]] = 0.0
    state[LM + "lm_head.weight"][tokenizer.special["<|eot_id|>"]] *= EOT_SCALE
    tensors = {}
    for name, v in state.items():
        m = name.endswith(".gamma") and name.split(".blocks.")[1].startswith("0.")
        # Stage blocks 0 use the `.weight` spelling that transformers' gamma rename produces (see checkpoint.py).
        tensors[name[:-len("gamma")] + "weight" if m else name] = v.numpy()
    safetensors_io.write(os.path.join(folder, "model.safetensors"), tensors, {"format": "pt"})
    sp = tokenizer.special
    config = {"architectures": ["MagmaForCausalLM"], "model_type": "magma", "image_token_index": sp["<image>"],
              "mm_use_image_start_end": True, "torch_dtype": "float32",
              "text_config": {"model_type": "llama", "hidden_size": arch.hidden_size,
                              "intermediate_size": arch.intermediate_size,
                              "num_attention_heads": arch.num_attention_heads,
                              "num_key_value_heads": arch.num_key_value_heads,
                              "num_hidden_layers": arch.num_hidden_layers, "rms_norm_eps": arch.rms_norm_eps,
                              "rope_theta": arch.rope_theta, "rope_scaling": None,
                              "max_position_embeddings": arch.max_position_embeddings,
                              "vocab_size": arch.vocab_size, "tie_word_embeddings": False},
              "vision_config": {"img_anyres_strategy": "crop", "img_size": 512, "max_num_crops": 4,
                                "vision_backbone": "convnext-tiny-twin", "mm_projector_type": "mlp2x_gelu",
                                "mm_hidden_size": arch.mm_hidden_size, "vision_feature_layer": "clip_vis_dense"}}
    files = {
        "config.json": config,
        "tokenizer.json": tokenizer.to_json(),
        "tokenizer_config.json": {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>", "pad_token": "<pad>",
                                  "clean_up_tokenization_spaces": True},
        "generation_config.json": {"bos_token_id": sp["<|begin_of_text|>"], "eos_token_id": sp["<|eot_id|>"],
                                   "pad_token_id": sp["<pad>"]},
        "preprocessor_config.json": {"anyres_strategy": "crop", "base_img_size": 512, "num_crops": 4,
                                     "do_convert_rgb": True, "image_mean": CLIP_MEAN, "image_std": CLIP_STD},
    }
    for name, content in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            json.dump(content, f, ensure_ascii=False, indent=1)


def _pixel_reference(images, ref_dir):
    """pixel_values per image: grid, shape, SHA-256 of the full float32 tensor, and a strided sample."""
    index, blobs, offset = {}, [], 0
    cases = [(name, name, 4) for name in images] + [("large_800x600@1", "large_800x600", 1)]
    for key, name, crops in cases:
        pv, grid = preprocess(Image.open(images[name]), num_crops=crops)
        data = pv.numpy().astype("<f4")
        sample = np.ascontiguousarray(data[:, :, ::SAMPLE_STRIDE, ::SAMPLE_STRIDE])
        index[key] = {"file": os.path.basename(images[name]), "num_crops": crops, "grid": list(grid),
                      "shape": list(data.shape), "sha256": hashlib.sha256(data.tobytes()).hexdigest(),
                      "sample_stride": SAMPLE_STRIDE, "sample_offset": offset, "sample_shape": list(sample.shape)}
        blobs.append(sample.tobytes())
        offset += sample.size
    with open(os.path.join(ref_dir, "pixel_values_sample.f32"), "wb") as f:
        for b in blobs:
            f.write(b)
    return index


def _inputs(model, tokenizer, images, image_names, question, image_id):
    prompt = chat_prompt(question, len(image_names))
    ids = tokenizer.encode(prompt)
    pixel = [preprocess(Image.open(images[n])) for n in image_names]
    return prompt, ids, merged_embeddings(model, ids, pixel, image_id)


@torch.no_grad()
def _loglikelihood(model, tokenizer, images, image_names, context, continuation, image_id):
    """lmms-eval's llava.loglikelihood layout: one forward over context + answer turn, loss on the answer tokens."""
    prompt = chat_prompt(context, len(image_names))
    full = prompt + continuation.strip() + "<|eot_id|>"
    ctx_ids, full_ids = tokenizer.encode(prompt), tokenizer.encode(full)
    pixel = [preprocess(Image.open(images[n])) for n in image_names]
    embeds = merged_embeddings(model, full_ids, pixel, image_id)
    logits, _ = model.decode(embeds[None], torch.ones(1, embeds.shape[0], dtype=torch.long),
                             torch.arange(embeds.shape[0])[None])
    cont = torch.tensor(full_ids[len(ctx_ids):])
    n = len(cont)
    pred = logits[0, -n - 1:-1]
    loss = torch.nn.functional.cross_entropy(pred, cont)
    return {"context": context, "continuation": continuation, "images": image_names, "full_ids": full_ids,
            "context_length": len(ctx_ids), "loss": float(loss), "greedy": bool((pred.argmax(-1) == cont).all())}


def make_tiny(out_dir, seed=0, log=print):
    tokenizer = TinyTokenizer(train(CORPUS, 160))
    with tempfile.TemporaryDirectory() as ckdir:
        _tiny_checkpoint(ckdir, tokenizer, seed)
        config = export(ckdir, out_dir, dtypes=("fp32", "fp16"), external="no", log=log)
        ck = MagmaCheckpoint(ckdir)
        model = MagmaReference(ck.arch())
        model.load_state_dict(reference_state_dict(ck, model))
    model.eval()
    ref_dir = os.path.join(out_dir, "reference")
    images = fixtures.write_images(os.path.join(ref_dir, "images"))
    pixel_index = _pixel_reference(images, ref_dir)
    image_id = config["tokens"]["image_token_id"]
    stops = set(config["tokens"]["stop_token_ids"])
    cases, embeds = {}, {}
    for name, image_names, question in PROMPTS:
        prompt, ids, emb = _inputs(model, tokenizer, images, image_names, question, image_id)
        tokens, margin = greedy(model, emb, MAX_NEW_TOKENS, stops)
        if margin < MIN_GAP:
            raise AssertionError(f"{name}: top-1/top-2 logit gap {margin} < {MIN_GAP}; pick another --seed")
        embeds[name] = emb
        cases[name] = {"images": image_names, "question": question, "prompt": prompt, "input_ids": ids,
                       "merged_length": int(emb.shape[0]), "tokens": tokens,
                       "text": tokenizer.decode(tokens).strip(), "min_top2_gap": round(margin, 6)}
        log(f"{name}: {len(ids)} ids, {emb.shape[0]} merged, {len(tokens)} new, gap {margin:.4f}: "
            f"{cases[name]['text']!r}")
    batched = greedy_left_padded(model, [embeds[n] for n in BATCH], MAX_NEW_TOKENS, stops)
    for name, tokens in zip(BATCH, batched):
        if tokens != cases[name]["tokens"]:
            raise AssertionError(f"PyTorch batch-4 tokens for {name} differ from batch 1: {tokens}")
    # The model's own greedy answer as a continuation: its greedy flag must come out True.
    own = ("text_only", next(p[2] for p in PROMPTS if p[0] == "text_only"), " " + cases["text_only"]["text"])
    unseen = tokenizer.encode("Hello, who are you? Résumé: 12345 apples; naïve café!\n\n  tabs\tand\r\nnewlines ")
    reference = {
        "max_new_tokens": MAX_NEW_TOKENS, "batch": BATCH, "generation": cases,
        "loglikelihood": [_loglikelihood(model, tokenizer, images, imgs, c, a, image_id)
                          for n, c, a in LOGLIKELIHOOD + [own]
                          for imgs in [next(p[1] for p in PROMPTS if p[0] == n)]],
        "tokenizer": {"text": "Hello, who are you? Résumé: 12345 apples; naïve café!\n\n  tabs\tand\r\nnewlines ",
                      "ids_with_bos": unseen,
                      "decoded": tokenizer.decode(unseen[1:], clean_up_tokenization_spaces=False)},
        "pixel_values": pixel_index,
        "note": "written by scripts/export_magma_onnx.py --tiny; PyTorch " + torch.__version__,
    }
    with open(os.path.join(ref_dir, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(reference, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return reference
