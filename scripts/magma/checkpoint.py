"""Reads a Magma checkpoint folder (config.json + *.safetensors with the Hugging Face key names)."""
import json
import os
import re

import numpy as np

from .model import MagmaArch
from .safetensors_io import Checkpoint

TRUNK = "vision_tower.clip_vision_model.trunk."
PROJ = "multi_modal_projector."
LM = "language_model."


def _read_json(folder, name, required=False):
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        if required:
            raise FileNotFoundError(f"{path}: missing")
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class MagmaCheckpoint:
    """Tensors by their reference-model names, with the ConvNeXt layer-scale naming resolved.

    transformers renames any key ending in `gamma` to `weight` when loading (README of microsoft/Magma), so a
    checkpoint saved through it may hold a block's layer-scale as `...blocks.N.weight`. A ConvNeXt block has no
    other direct `weight`, so either spelling is read as `gamma`; losing it would scale every residual branch by
    timm's init value and silently wreck the image features.
    """

    def __init__(self, folder):
        self.folder = folder
        self.config = _read_json(folder, "config.json", required=True)
        self.tensors = Checkpoint(folder)
        self._aliases = {}
        for key in self.tensors.keys():
            m = re.match(r"^(.*\.stages\.\d+\.blocks\.\d+)\.(weight|gamma)$", key)
            if key.startswith(TRUNK) and m:
                self._aliases[m.group(1) + ".gamma"] = key
        vc = self.config.get("vision_config") or {}
        strategy = vc.get("img_anyres_strategy", "crop")
        if strategy != "crop":
            raise ValueError(f"{folder}/config.json: vision_config.img_anyres_strategy is '{strategy}'; "
                             "only 'crop' is supported (see the spec, section 1.1)")

    def get(self, name):
        key = self._aliases.get(name, name)
        if key not in self.tensors:
            raise KeyError(f"{self.folder}: checkpoint has no tensor '{name}'")
        return np.asarray(self.tensors.get(key), dtype=np.float32)

    def shape(self, name):
        return self.tensors.shape(self._aliases.get(name, name))

    def has(self, name):
        return self._aliases.get(name, name) in self.tensors

    def arch(self):
        tc = self.config.get("text_config") or self.config
        vc = self.config.get("vision_config") or {}
        dims, depths, i = [], [], 0
        while self.has(f"{TRUNK}stages.{i}.blocks.0.conv_dw.weight"):
            dims.append(self.shape(f"{TRUNK}stages.{i}.blocks.0.conv_dw.weight")[0])
            depth = 0
            while self.has(f"{TRUNK}stages.{i}.blocks.{depth}.conv_dw.weight"):
                depth += 1
            depths.append(depth)
            i += 1
        if not dims:
            raise ValueError(f"{self.folder}: no ConvNeXt stages under '{TRUNK}stages.'")
        vocab, hidden = self.shape(f"{LM}model.embed_tokens.weight")
        layers = 0
        while self.has(f"{LM}model.layers.{layers}.self_attn.q_proj.weight"):
            layers += 1
        heads = int(tc.get("num_attention_heads", 32))
        return MagmaArch(
            vision_dims=dims, vision_depths=depths, vision_eps=float(vc.get("norm_eps", 1e-5)),
            stem_patch=self.shape(f"{TRUNK}stem.0.weight")[2],
            hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
            num_key_value_heads=int(tc.get("num_key_value_heads", heads)),
            intermediate_size=self.shape(f"{LM}model.layers.0.mlp.gate_proj.weight")[0],
            vocab_size=vocab, rms_norm_eps=float(tc.get("rms_norm_eps", 1e-5)),
            rope_theta=float(tc.get("rope_theta", 500000.0)),
            max_position_embeddings=int(tc.get("max_position_embeddings", 8192)))

    def check_rope_scaling(self):
        tc = self.config.get("text_config") or self.config
        if tc.get("rope_scaling"):
            raise ValueError(f"{self.folder}/config.json: rope_scaling {tc['rope_scaling']} is not supported "
                             "(Magma-8B is Llama-3 with plain RoPE)")

    def side_file(self, name):
        return _read_json(self.folder, name)


def reference_state_dict(ckpt, model):
    """The checkpoint's tensors for every parameter of a MagmaReference (shapes checked)."""
    import torch
    state = {}
    for name, param in model.state_dict().items():
        a = ckpt.get(name)
        if tuple(a.shape) != tuple(param.shape):
            raise ValueError(f"{ckpt.folder}: tensor '{name}' has shape {a.shape}, expected {tuple(param.shape)}")
        state[name] = torch.from_numpy(np.array(a, dtype=np.float32, copy=True))
    return state
