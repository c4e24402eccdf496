"""Magma-8B in plain PyTorch, its ONNX export and the tiny test twin (see scripts/export_magma_onnx.py)."""
