package dev.magmaeval.adapters.magma;

import ai.onnxruntime.OnnxJavaType;

/** The floating-point type of an exported graph's activations, weights and KV cache. */
enum ElementType {
  FP32(4, OnnxJavaType.FLOAT),
  FP16(2, OnnxJavaType.FLOAT16);

  final int bytes;
  final OnnxJavaType onnx;

  ElementType(int bytes, OnnxJavaType onnx) {
    this.bytes = bytes;
    this.onnx = onnx;
  }

  static ElementType of(String dtype) {
    return switch (dtype) {
      case "fp32" -> FP32;
      case "fp16" -> FP16;
      default -> throw new IllegalArgumentException("unknown dtype '" + dtype + "' (known: fp32, fp16)");
    };
  }
}
