"""A minimal safetensors reader and writer (no `safetensors` package needed).

Format: 8-byte little-endian header length, a JSON header {name: {dtype, shape, data_offsets}, "__metadata__": ...},
then the raw little-endian tensor bytes. bf16 has no numpy dtype; it is widened to float32 exactly.
"""
import json
import os
import struct

import numpy as np

_NUMPY = {
    "F64": np.float64, "F32": np.float32, "F16": np.float16,
    "I64": np.int64, "I32": np.int32, "I16": np.int16, "I8": np.int8, "U8": np.uint8, "BOOL": np.bool_,
}
_CODES = {np.dtype(v): k for k, v in _NUMPY.items()}


class SafetensorsFile:
    """One .safetensors file, memory-mapped; tensors are read one at a time."""

    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            (n,) = struct.unpack("<Q", f.read(8))
            header = json.loads(f.read(n))
        self.metadata = header.pop("__metadata__", {})
        self.entries = header
        self._base = 8 + n
        self._mm = np.memmap(path, dtype=np.uint8, mode="r")

    def keys(self):
        return list(self.entries)

    def shape(self, key):
        return tuple(self.entries[key]["shape"])

    def get(self, key):
        """The tensor as a numpy array (bf16 widened to float32)."""
        e = self.entries[key]
        start, end = e["data_offsets"]
        raw = self._mm[self._base + start:self._base + end]
        shape = tuple(e["shape"])
        if e["dtype"] == "BF16":
            bits = np.frombuffer(raw.tobytes(), dtype="<u2").astype(np.uint32) << 16
            return bits.view(np.float32).reshape(shape)
        if e["dtype"] not in _NUMPY:
            raise ValueError(f"{self.path}: tensor {key}: unsupported dtype {e['dtype']}")
        return np.frombuffer(raw.tobytes(), dtype=np.dtype(_NUMPY[e["dtype"]]).newbyteorder("<")).reshape(shape)


class Checkpoint:
    """All *.safetensors files of a checkpoint folder, as one name -> tensor mapping."""

    def __init__(self, folder):
        files = sorted(f for f in os.listdir(folder) if f.endswith(".safetensors"))
        if not files:
            raise FileNotFoundError(f"{folder}: no *.safetensors files")
        self.files = [SafetensorsFile(os.path.join(folder, f)) for f in files]
        self._where = {}
        for sf in self.files:
            for k in sf.keys():
                if k in self._where:
                    raise ValueError(f"{folder}: tensor {k} appears in two shards")
                self._where[k] = sf

    def keys(self):
        return list(self._where)

    def __contains__(self, key):
        return key in self._where

    def shape(self, key):
        return self._where[key].shape(key)

    def get(self, key):
        if key not in self._where:
            raise KeyError(f"checkpoint has no tensor '{key}'")
        return self._where[key].get(key)


def write(path, tensors, metadata=None):
    """Writes {name: numpy array} as one .safetensors file (keys sorted, as the reference library does)."""
    header, offset, blobs = {}, 0, []
    for name in sorted(tensors):
        a = np.ascontiguousarray(tensors[name])
        code = _CODES.get(a.dtype)
        if code is None:
            raise ValueError(f"tensor {name}: unsupported dtype {a.dtype}")
        data = a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes()
        header[name] = {"dtype": code, "shape": list(a.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)
