"""Magma-8B's architecture in plain PyTorch: the reference the ONNX export and the Java backend are checked against.

Module names follow the Hugging Face checkpoint, so `state_dict()` keys are the safetensors keys:
  vision_tower.clip_vision_model.trunk.{stem,stages}   timm ConvNeXt (open_clip `visual.trunk`), stem + stages only
  multi_modal_projector.{proj.0,proj.2,row_seperator}  `mlp2x_gelu` projector and the learned row separator
  language_model.{model.*,lm_head}                     Llama-3 (GQA, RoPE, RMSNorm, SwiGLU)
Mirrors magma/image_tower_magma.py (extract_features_convnext), magma/modeling_magma.py (MagmaForCausalLM, "crop"
strategy) and transformers' modeling_llama (eager attention), without transformers, timm or open_clip.
"""
import math
from dataclasses import dataclass, asdict, field

import torch
import torch.nn.functional as F
from torch import nn


@dataclass
class MagmaArch:
    """Every size the graphs need. Real values come from config.json and the tensor shapes (see checkpoint.py)."""
    vision_dims: list = field(default_factory=lambda: [384, 768, 1536, 3072])
    vision_depths: list = field(default_factory=lambda: [3, 4, 30, 3])
    vision_eps: float = 1e-5
    stem_patch: int = 4
    hidden_size: int = 4096
    num_hidden_layers: int = 32
    num_attention_heads: int = 32
    num_key_value_heads: int = 8
    intermediate_size: int = 14336
    vocab_size: int = 128256
    rms_norm_eps: float = 1e-5
    rope_theta: float = 500000.0
    max_position_embeddings: int = 8192

    @property
    def head_dim(self):
        return self.hidden_size // self.num_attention_heads

    @property
    def mm_hidden_size(self):
        return self.vision_dims[-1]

    @property
    def vision_stride(self):
        return self.stem_patch * 2 ** (len(self.vision_dims) - 1)

    def to_json(self):
        return asdict(self)


class LayerNorm2d(nn.LayerNorm):
    """timm LayerNorm2d: LayerNorm over channels of an NCHW tensor."""

    def forward(self, x):
        x = x.permute(0, 2, 3, 1)
        x = F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)
        return x.permute(0, 3, 1, 2)


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.act = nn.GELU()  # exact (erf)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class ConvNeXtBlock(nn.Module):
    """timm ConvNeXtBlock with conv_mlp=False: dwconv 7x7, channels-last LayerNorm, MLP 4x, layer-scale gamma."""

    def __init__(self, dim, eps):
        super().__init__()
        self.conv_dw = nn.Conv2d(dim, dim, kernel_size=7, padding=3, groups=dim)
        self.norm = nn.LayerNorm(dim, eps=eps)
        self.mlp = Mlp(dim, 4 * dim)
        self.gamma = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        shortcut = x
        x = self.conv_dw(x)
        x = x.permute(0, 2, 3, 1)
        x = self.mlp(self.norm(x))
        x = x.permute(0, 3, 1, 2)
        x = x.mul(self.gamma.reshape(1, -1, 1, 1))
        return x + shortcut


class ConvNeXtStage(nn.Module):
    def __init__(self, in_dim, dim, depth, stride, eps):
        super().__init__()
        if in_dim != dim or stride > 1:
            self.downsample = nn.Sequential(LayerNorm2d(in_dim, eps=eps), nn.Conv2d(in_dim, dim, kernel_size=2, stride=2))
        else:
            self.downsample = nn.Identity()
        self.blocks = nn.Sequential(*[ConvNeXtBlock(dim, eps) for _ in range(depth)])

    def forward(self, x):
        return self.blocks(self.downsample(x))


class ConvNeXtTrunk(nn.Module):
    def __init__(self, arch):
        super().__init__()
        d, eps = arch.vision_dims, arch.vision_eps
        self.stem = nn.Sequential(nn.Conv2d(3, d[0], kernel_size=arch.stem_patch, stride=arch.stem_patch),
                                  LayerNorm2d(d[0], eps=eps))
        stages, prev = [], d[0]
        for i, (dim, depth) in enumerate(zip(d, arch.vision_depths)):
            stages.append(ConvNeXtStage(prev, dim, depth, 1 if i == 0 else 2, eps))
            prev = dim
        self.stages = nn.Sequential(*stages)

    def forward(self, x):
        return self.stages(self.stem(x))


class _Holder(nn.Module):
    """Names one level of the checkpoint's key path."""

    def __init__(self, **children):
        super().__init__()
        for k, v in children.items():
            setattr(self, k, v)


class Projector(nn.Module):
    def __init__(self, arch):
        super().__init__()
        h = arch.hidden_size
        self.proj = nn.Sequential(nn.Linear(arch.mm_hidden_size, h), nn.GELU(), nn.Linear(h, h))
        self.row_seperator = nn.Parameter(torch.zeros(1, 1, h))  # upstream's spelling

    def forward(self, x):
        return self.proj(x)


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x):
        dtype = x.dtype
        x = x.to(torch.float32)
        x = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.weight * x.to(dtype)


def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


class Attention(nn.Module):
    def __init__(self, arch):
        super().__init__()
        self.nh, self.kv, self.hd = arch.num_attention_heads, arch.num_key_value_heads, arch.head_dim
        h = arch.hidden_size
        self.q_proj = nn.Linear(h, self.nh * self.hd, bias=False)
        self.k_proj = nn.Linear(h, self.kv * self.hd, bias=False)
        self.v_proj = nn.Linear(h, self.kv * self.hd, bias=False)
        self.o_proj = nn.Linear(self.nh * self.hd, h, bias=False)

    def forward(self, x, cos, sin, mask, past):
        b, s, _ = x.shape
        q = self.q_proj(x).view(b, s, self.nh, self.hd).transpose(1, 2)
        k = self.k_proj(x).view(b, s, self.kv, self.hd).transpose(1, 2)
        v = self.v_proj(x).view(b, s, self.kv, self.hd).transpose(1, 2)
        q = q * cos + rotate_half(q) * sin
        k = k * cos + rotate_half(k) * sin
        if past is not None:
            k = torch.cat([past[0], k], dim=2)
            v = torch.cat([past[1], v], dim=2)
        present = (k, v)
        groups = self.nh // self.kv
        kr = k[:, :, None].expand(b, self.kv, groups, k.shape[2], self.hd).reshape(b, self.nh, k.shape[2], self.hd)
        vr = v[:, :, None].expand(b, self.kv, groups, v.shape[2], self.hd).reshape(b, self.nh, v.shape[2], self.hd)
        w = torch.matmul(q, kr.transpose(2, 3)) / math.sqrt(self.hd)
        w = w + mask
        w = F.softmax(w, dim=-1, dtype=torch.float32).to(q.dtype)
        out = torch.matmul(w, vr).transpose(1, 2).reshape(b, s, self.nh * self.hd)
        return self.o_proj(out), present


class MLP(nn.Module):
    def __init__(self, arch):
        super().__init__()
        h, i = arch.hidden_size, arch.intermediate_size
        self.gate_proj = nn.Linear(h, i, bias=False)
        self.up_proj = nn.Linear(h, i, bias=False)
        self.down_proj = nn.Linear(i, h, bias=False)

    def forward(self, x):
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class DecoderLayer(nn.Module):
    def __init__(self, arch):
        super().__init__()
        self.self_attn = Attention(arch)
        self.mlp = MLP(arch)
        self.input_layernorm = RMSNorm(arch.hidden_size, arch.rms_norm_eps)
        self.post_attention_layernorm = RMSNorm(arch.hidden_size, arch.rms_norm_eps)

    def forward(self, x, cos, sin, mask, past):
        a, present = self.self_attn(self.input_layernorm(x), cos, sin, mask, past)
        x = x + a
        x = x + self.mlp(self.post_attention_layernorm(x))
        return x, present


class LlamaModel(nn.Module):
    def __init__(self, arch):
        super().__init__()
        self.embed_tokens = nn.Embedding(arch.vocab_size, arch.hidden_size)
        self.layers = nn.ModuleList([DecoderLayer(arch) for _ in range(arch.num_hidden_layers)])
        self.norm = RMSNorm(arch.hidden_size, arch.rms_norm_eps)


class MagmaReference(nn.Module):
    """The whole model. `image_features` and `decode` are the two pieces generation needs (see generate.py)."""

    def __init__(self, arch):
        super().__init__()
        self.arch = arch
        self.vision_tower = _Holder(clip_vision_model=_Holder(trunk=ConvNeXtTrunk(arch)))
        self.multi_modal_projector = Projector(arch)
        self.language_model = _Holder(model=LlamaModel(arch),
                                      lm_head=nn.Linear(arch.hidden_size, arch.vocab_size, bias=False))
        inv = 1.0 / (arch.rope_theta ** (torch.arange(0, arch.head_dim, 2, dtype=torch.int64).float() / arch.head_dim))
        self.register_buffer("inv_freq", inv, persistent=False)

    def image_features(self, pixel_values):
        """(N, 3, 512, 512) crops -> (N, 16, 16, hidden) projected features (the "crop" strategy's per-crop part)."""
        x = self.vision_tower.clip_vision_model.trunk(pixel_values)
        return self.multi_modal_projector(x.permute(0, 2, 3, 1))

    def row_separator(self):
        return self.multi_modal_projector.row_seperator.reshape(-1)

    def embed(self, ids):
        return self.language_model.model.embed_tokens(ids)

    def decode(self, embeds, attention_mask, position_ids, past=None):
        """One decoder pass: (B, S, H) embeddings, (B, P+S) 0/1 mask, (B, S) positions, per-layer (k, v) or None.

        Returns the logits of every position (fp32) and the new per-layer caches. The mask is the 4-D causal mask
        transformers builds for eager attention: key j is visible to query i iff mask[j] == 1 and j <= P + i.
        """
        b, s, _ = embeds.shape
        total = attention_mask.shape[1]
        p = total - s
        dtype = embeds.dtype
        causal = torch.arange(total)[None, :] <= (torch.arange(s) + p)[:, None]
        allowed = causal[None, None] & attention_mask[:, None, None, :].bool()
        mask = torch.zeros(b, 1, s, total, dtype=dtype).masked_fill(~allowed, torch.finfo(dtype).min)
        freqs = position_ids[:, :, None].float() * self.inv_freq[None, None, :]
        emb = torch.cat((freqs, freqs), dim=-1)
        cos, sin = emb.cos().to(dtype)[:, None], emb.sin().to(dtype)[:, None]
        x, presents = embeds, []
        for i, layer in enumerate(self.language_model.model.layers):
            x, present = layer(x, cos, sin, mask, None if past is None else past[i])
            presents.append(present)
        x = self.language_model.model.norm(x)
        return self.language_model.lm_head(x).float(), presents
