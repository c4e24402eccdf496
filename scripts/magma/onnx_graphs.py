"""Builds Magma's three ONNX graphs directly with onnx.helper, streaming weights from a checkpoint.

Why not torch.onnx.export: tracing needs the whole model materialized in fp32 (~36 GB for Magma-8B), CPU torch 1.13
cannot run fp16 matmuls or convolutions, and an 8B export would need a second pass for external data. Writing
the graphs directly keeps one tensor in memory at a time, emits fp16 natively (with fp32 islands where the
reference computes in fp32: RMSNorm, softmax, RoPE tables, logits) and names every input and output exactly.
The graphs compute what model.py computes; the Java tests check that against the PyTorch reference.

Layout (transformers.js / optimum conventions, see the java-runtime spec, section 3):
  vision_encoder.onnx         pixel_values f32 [n,3,h,w] -> image_features T [n,h/32,w/32,hidden]
  embed_tokens.onnx           input_ids i64 [b,s] -> inputs_embeds T [b,s,hidden]
  decoder_model_merged.onnx   inputs_embeds T [b,s,hidden], attention_mask i64 [b,p+s], position_ids i64 [b,s],
                              past_key_values.{i}.key/value T [b,kv,p,d]
                              -> logits f32 [b,1,vocab] (last position only), present.{i}.key/value T [b,kv,p+s,d]
"""
import math
import os

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper

from .checkpoint import LM, PROJ, TRUNK

OPSET = 17
F32_MIN = float(np.finfo(np.float32).min)


class ExternalData:
    """Appends tensors to one <graph>.onnx_data file, page-aligned, and returns external-data TensorProtos."""

    def __init__(self, path):
        self.path = path
        self.file = open(path, "wb")
        self.offset = 0

    def tensor(self, name, array, onnx_type):
        pad = -self.offset % 4096
        self.file.write(b"\0" * pad)
        self.offset += pad
        data = np.ascontiguousarray(array).tobytes()
        self.file.write(data)
        t = TensorProto(name=name, data_type=onnx_type, dims=list(array.shape))
        t.data_location = TensorProto.EXTERNAL
        for k, v in (("location", os.path.basename(self.path)), ("offset", str(self.offset)),
                     ("length", str(len(data)))):
            entry = t.external_data.add()
            entry.key, entry.value = k, v
        self.offset += len(data)
        return t

    def close(self):
        self.file.close()


class Graph:
    def __init__(self, name, dtype, external_path=None):
        self.name = name
        self.fp16 = dtype == "fp16"
        self.T = TensorProto.FLOAT16 if self.fp16 else TensorProto.FLOAT
        self.np_t = np.float16 if self.fp16 else np.float32
        self.nodes, self.inits, self.inputs, self.outputs = [], [], [], []
        self.count = 0
        self.external = ExternalData(external_path) if external_path else None

    def fresh(self, base):
        self.count += 1
        return f"{base}__{self.count}"

    def weight(self, name, array, dtype=None):
        """A weight initializer in the model dtype (or the given numpy dtype)."""
        a = np.asarray(array).astype(dtype or self.np_t)
        onnx_type = helper.np_dtype_to_tensor_dtype(a.dtype) if hasattr(helper, "np_dtype_to_tensor_dtype") \
            else onnx.mapping.NP_TYPE_TO_TENSOR_TYPE[a.dtype]
        if self.external is not None and a.nbytes >= 1024:
            self.inits.append(self.external.tensor(name, a, onnx_type))
        else:
            self.inits.append(numpy_helper.from_array(a, name))
        return name

    def const(self, values, dtype=np.int64):
        return self.weight(self.fresh("const"), np.array(values, dtype=dtype), dtype)

    def op(self, op_type, inputs, out=None, **attrs):
        out = out or self.fresh(op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=self.fresh(op_type), **attrs))
        return out

    def input(self, name, elem_type, shape):
        self.inputs.append(helper.make_tensor_value_info(name, elem_type, shape))
        return name

    def output(self, name, elem_type, shape):
        self.outputs.append(helper.make_tensor_value_info(name, elem_type, shape))

    def to_t(self, x):
        return self.op("Cast", [x], to=self.T) if self.fp16 else x

    def to_f32(self, x):
        return self.op("Cast", [x], to=TensorProto.FLOAT) if self.fp16 else x

    def linear(self, x, w, b=None, prefix=None):
        """x @ w.T (+ b); w is stored transposed so MatMul needs no runtime transpose."""
        y = self.op("MatMul", [x, self.weight(prefix + ".weight.T", np.ascontiguousarray(w.T))])
        return self.op("Add", [y, self.weight(prefix + ".bias", b)]) if b is not None else y

    def gelu(self, x):
        """Exact GELU, 0.5 * x * (1 + erf(x / sqrt 2)), in the pattern ONNX Runtime fuses into one Gelu kernel."""
        y = self.op("Div", [x, self.const(math.sqrt(2.0), self.np_t)])
        y = self.op("Add", [self.op("Erf", [y]), self.const(1.0, self.np_t)])
        return self.op("Mul", [self.op("Mul", [x, y]), self.const(0.5, self.np_t)])

    def save(self, path):
        graph = helper.make_graph(self.nodes, self.name, self.inputs, self.outputs, self.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                                  producer_name="magma-eval scripts/export_magma_onnx.py")
        model.ir_version = 8
        if self.external is not None:
            self.external.close()
            with open(path, "wb") as f:
                f.write(model.SerializeToString())
            onnx.checker.check_model(path)
        else:
            onnx.checker.check_model(model)
            onnx.save(model, path)


def _layer_norm(g, x, w, b, eps):
    return g.op("LayerNormalization", [x, g.weight(w[0], w[1]), g.weight(b[0], b[1])], axis=-1, epsilon=eps)


def _layer_norm_2d(g, x, ck, prefix, eps):
    y = g.op("Transpose", [x], perm=[0, 2, 3, 1])
    y = _layer_norm(g, y, (prefix + ".weight", ck.get(prefix + ".weight")), (prefix + ".bias", ck.get(prefix + ".bias")), eps)
    return g.op("Transpose", [y], perm=[0, 3, 1, 2])


def _conv(g, x, ck, prefix, **attrs):
    w = ck.get(prefix + ".weight")
    return g.op("Conv", [x, g.weight(prefix + ".weight", w), g.weight(prefix + ".bias", ck.get(prefix + ".bias"))],
                kernel_shape=list(w.shape[2:]), **attrs)


def build_vision(ck, arch, dtype, path, external, compute_dtype=None):
    """compute_dtype fp32 with dtype fp16 runs the tower in fp32 and casts only image_features to fp16."""
    g = Graph("magma_vision_encoder", compute_dtype or dtype, path + "_data" if external else None)
    out_type = TensorProto.FLOAT16 if dtype == "fp16" else TensorProto.FLOAT
    x = g.to_t(g.input("pixel_values", TensorProto.FLOAT, ["num_crops", 3, "height", "width"]))
    eps, p = arch.vision_eps, arch.stem_patch
    x = _conv(g, x, ck, TRUNK + "stem.0", strides=[p, p])
    x = _layer_norm_2d(g, x, ck, TRUNK + "stem.1", eps)
    for i, (dim, depth) in enumerate(zip(arch.vision_dims, arch.vision_depths)):
        st = f"{TRUNK}stages.{i}"
        if i > 0:
            x = _layer_norm_2d(g, x, ck, st + ".downsample.0", eps)
            x = _conv(g, x, ck, st + ".downsample.1", strides=[2, 2])
        for j in range(depth):
            bl = f"{st}.blocks.{j}"
            y = _conv(g, x, ck, bl + ".conv_dw", pads=[3, 3, 3, 3], group=dim)
            y = g.op("Transpose", [y], perm=[0, 2, 3, 1])
            y = _layer_norm(g, y, (bl + ".norm.weight", ck.get(bl + ".norm.weight")),
                            (bl + ".norm.bias", ck.get(bl + ".norm.bias")), eps)
            y = g.linear(y, ck.get(bl + ".mlp.fc1.weight"), ck.get(bl + ".mlp.fc1.bias"), bl + ".mlp.fc1")
            y = g.linear(g.gelu(y), ck.get(bl + ".mlp.fc2.weight"), ck.get(bl + ".mlp.fc2.bias"), bl + ".mlp.fc2")
            y = g.op("Mul", [y, g.weight(bl + ".gamma", ck.get(bl + ".gamma"))])
            x = g.op("Add", [x, g.op("Transpose", [y], perm=[0, 3, 1, 2])])
    x = g.op("Transpose", [x], perm=[0, 2, 3, 1])
    x = g.linear(x, ck.get(PROJ + "proj.0.weight"), ck.get(PROJ + "proj.0.bias"), PROJ + "proj.0")
    x = g.linear(g.gelu(x), ck.get(PROJ + "proj.2.weight"), ck.get(PROJ + "proj.2.bias"), PROJ + "proj.2")
    if out_type != g.T:
        x = g.op("Cast", [x], to=out_type)
    g.op("Identity", [x], out="image_features")
    g.output("image_features", out_type, ["num_crops", "grid_h", "grid_w", arch.hidden_size])
    g.save(path)


def build_embed(ck, arch, dtype, path, external):
    g = Graph("magma_embed_tokens", dtype, path + "_data" if external else None)
    ids = g.input("input_ids", TensorProto.INT64, ["batch", "sequence"])
    table = g.weight(LM + "model.embed_tokens.weight", ck.get(LM + "model.embed_tokens.weight"))
    g.op("Gather", [table, ids], out="inputs_embeds", axis=0)
    g.output("inputs_embeds", g.T, ["batch", "sequence", arch.hidden_size])
    g.save(path)


def _rms_norm(g, x, name, weight, eps):
    x32 = g.to_f32(x)
    var = g.op("ReduceMean", [g.op("Pow", [x32, g.const(2.0, np.float32)])], axes=[-1], keepdims=1)
    y = g.op("Div", [x32, g.op("Sqrt", [g.op("Add", [var, g.const(eps, np.float32)])])])
    return g.op("Mul", [g.to_t(y), g.weight(name, weight)])


def _rope(g, x, cos, sin, half):
    x1 = g.op("Slice", [x, g.const([0]), g.const([half]), g.const([-1])])
    x2 = g.op("Slice", [x, g.const([half]), g.const([2 * half]), g.const([-1])])
    rotated = g.op("Concat", [g.op("Neg", [x2]), x1], axis=-1)
    return g.op("Add", [g.op("Mul", [x, cos]), g.op("Mul", [rotated, sin])])


def _attention_mask(g, embeds, mask, groups):
    """Additive fp32 mask [b,1,groups*s,p+s]: 0 where key j is visible to query i (mask[j]==1 and j <= p+i)."""
    s = g.op("Shape", [embeds], start=1, end=2)
    t = g.op("Shape", [mask], start=1, end=2)
    zero, one = g.const(0), g.const(1)
    t0 = g.op("Squeeze", [t, g.const([0])])
    p0 = g.op("Squeeze", [g.op("Sub", [t, s]), g.const([0])])
    keys = g.op("Unsqueeze", [g.op("Range", [zero, t0, one]), g.const([0])])
    queries = g.op("Unsqueeze", [g.op("Range", [p0, t0, one]), g.const([1])])
    causal = g.op("LessOrEqual", [keys, queries])
    present = g.op("Unsqueeze", [g.op("Cast", [mask], to=TensorProto.BOOL), g.const([1, 2])])
    allowed = g.op("And", [causal, present])
    additive = g.op("Where", [allowed, g.const(0.0, np.float32), g.const(F32_MIN, np.float32)])
    return g.op("Tile", [additive, g.const([1, 1, groups, 1])]) if groups > 1 else additive


def build_decoder(ck, arch, dtype, path, external):
    g = Graph("magma_decoder", dtype, path + "_data" if external else None)
    nh, kv, hd, h = arch.num_attention_heads, arch.num_key_value_heads, arch.head_dim, arch.hidden_size
    groups = nh // kv
    x = g.input("inputs_embeds", g.T, ["batch", "sequence", h])
    mask = g.input("attention_mask", TensorProto.INT64, ["batch", "total_sequence"])
    pos = g.input("position_ids", TensorProto.INT64, ["batch", "sequence"])
    pasts = [(g.input(f"past_key_values.{i}.key", g.T, ["batch", kv, "past_sequence", hd]),
              g.input(f"past_key_values.{i}.value", g.T, ["batch", kv, "past_sequence", hd]))
             for i in range(arch.num_hidden_layers)]
    additive = _attention_mask(g, x, mask, groups)
    inv = 1.0 / (arch.rope_theta ** (torch.arange(0, hd, 2, dtype=torch.int64).float() / hd))
    freqs = g.op("Mul", [g.op("Unsqueeze", [g.op("Cast", [pos], to=TensorProto.FLOAT), g.const([-1])]),
                         g.weight("rope.inv_freq", inv.numpy(), np.float32)])
    emb = g.op("Concat", [freqs, freqs], axis=-1)
    cos = g.op("Unsqueeze", [g.to_t(g.op("Cos", [emb])), g.const([2])])  # [b,s,1,d]
    sin = g.op("Unsqueeze", [g.to_t(g.op("Sin", [emb])), g.const([2])])
    scale = g.const(math.sqrt(hd), g.np_t)
    for i in range(arch.num_hidden_layers):
        pre = f"{LM}model.layers.{i}."
        a = _rms_norm(g, x, pre + "input_layernorm.weight", ck.get(pre + "input_layernorm.weight"), arch.rms_norm_eps)
        q = g.op("Reshape", [g.linear(a, ck.get(pre + "self_attn.q_proj.weight"), prefix=pre + "self_attn.q_proj"),
                             g.const([0, 0, nh, hd])])
        k = g.op("Reshape", [g.linear(a, ck.get(pre + "self_attn.k_proj.weight"), prefix=pre + "self_attn.k_proj"),
                             g.const([0, 0, kv, hd])])
        v = g.op("Reshape", [g.linear(a, ck.get(pre + "self_attn.v_proj.weight"), prefix=pre + "self_attn.v_proj"),
                             g.const([0, 0, kv, hd])])
        q = _rope(g, q, cos, sin, hd // 2)
        k = _rope(g, k, cos, sin, hd // 2)
        k = g.op("Concat", [pasts[i][0], g.op("Transpose", [k], perm=[0, 2, 1, 3])], axis=2, out=f"present.{i}.key")
        v = g.op("Concat", [pasts[i][1], g.op("Transpose", [v], perm=[0, 2, 1, 3])], axis=2, out=f"present.{i}.value")
        # Query heads grouped by their KV head ([b,kv,groups*s,d]) instead of repeating K and V groups times.
        q = g.op("Reshape", [q, g.const([0, 0, kv, groups, hd])])
        q = g.op("Reshape", [g.op("Transpose", [q], perm=[0, 2, 3, 1, 4]), g.const([0, 0, -1, hd])])
        w = g.op("Div", [g.op("MatMul", [q, g.op("Transpose", [k], perm=[0, 1, 3, 2])]), scale])
        w = g.to_t(g.op("Softmax", [g.op("Add", [g.to_f32(w), additive])], axis=-1))
        o = g.op("Reshape", [g.op("MatMul", [w, v]), g.const([0, 0, groups, -1, hd])])
        o = g.op("Reshape", [g.op("Transpose", [o], perm=[0, 3, 1, 2, 4]), g.const([0, 0, nh * hd])])
        x = g.op("Add", [x, g.linear(o, ck.get(pre + "self_attn.o_proj.weight"), prefix=pre + "self_attn.o_proj")])
        m = _rms_norm(g, x, pre + "post_attention_layernorm.weight", ck.get(pre + "post_attention_layernorm.weight"),
                      arch.rms_norm_eps)
        gate = g.linear(m, ck.get(pre + "mlp.gate_proj.weight"), prefix=pre + "mlp.gate_proj")
        up = g.linear(m, ck.get(pre + "mlp.up_proj.weight"), prefix=pre + "mlp.up_proj")
        act = g.op("Mul", [g.op("Mul", [gate, g.op("Sigmoid", [gate])]), up])
        x = g.op("Add", [x, g.linear(act, ck.get(pre + "mlp.down_proj.weight"), prefix=pre + "mlp.down_proj")])
    last = g.op("Slice", [x, g.const([-1]), g.const([np.iinfo(np.int64).max]), g.const([1])])
    last = _rms_norm(g, last, LM + "model.norm.weight", ck.get(LM + "model.norm.weight"), arch.rms_norm_eps)
    logits = g.to_f32(g.linear(last, ck.get(LM + "lm_head.weight"), prefix=LM + "lm_head"))
    g.op("Identity", [logits], out="logits")
    g.output("logits", TensorProto.FLOAT, ["batch", 1, arch.vocab_size])
    for i in range(arch.num_hidden_layers):
        for kind in ("key", "value"):
            g.output(f"present.{i}.{kind}", g.T, ["batch", kv, "total_sequence", hd])
    g.save(path)
