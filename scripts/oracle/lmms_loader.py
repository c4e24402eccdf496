"""Imports lmms-eval's own modules from a checkout without installing it or its heavy dependencies.

lmms-eval's package __init__ files pull in torch, datasets, evaluate, ... . The oracles only need leaf modules
(api/metrics.py, tasks/*/utils.py), so the packages are registered as bare namespace modules pointing at the
checkout, and third-party modules that are missing here are replaced by inert stand-ins in sys.modules. The metric
and parser functions themselves always come from the checkout, unchanged.
"""
import importlib
import os
import sys
import types


class _Anything:
    """A stand-in object: any attribute, call or decorator use returns something harmless."""

    def __init__(self, name="stub"):
        self._name = name

    def __getattr__(self, item):
        return _Anything(f"{self._name}.{item}")

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and callable(args[0]) and not kwargs:
            return args[0]
        return _Anything(self._name + "()")

    def __iter__(self):
        return iter(())

    def __mro_entries__(self, bases):
        return (object,)


def _stub_module(name, **attrs):
    mod = types.ModuleType(name)
    mod.__getattr__ = lambda item: _Anything(f"{name}.{item}")
    for k, v in attrs.items():
        setattr(mod, k, v)
    sys.modules[name] = mod
    return mod


def _package(name, path):
    mod = types.ModuleType(name)
    mod.__path__ = [path]
    sys.modules[name] = mod
    return mod


def _identity_decorator(*args, **kwargs):
    return lambda fn: fn


def setup(checkout):
    """Registers lmms-eval's packages from `checkout` and stubs what this interpreter lacks."""
    root = os.path.join(os.path.abspath(checkout), "lmms_eval")
    if not os.path.isfile(os.path.join(root, "api", "metrics.py")):
        raise SystemExit(f"{checkout}: not an lmms-eval checkout (no lmms_eval/api/metrics.py)")
    try:
        import numpy  # noqa: F401
    except ImportError:
        import math

        # Only the python3.12 oracle runs without numpy; it uses np.sqrt (pooled_sample_stderr) and nothing else.
        _stub_module("numpy", sqrt=math.sqrt)
    for third_party in ("loguru", "sacrebleu", "evaluate", "datasets", "tqdm", "openai", "requests", "pandas",
                        "PIL", "PIL.Image", "decord", "cv2", "yaml"):
        try:
            importlib.import_module(third_party)
        except Exception:  # noqa: BLE001 - any import failure means: stub it
            attrs = {}
            if third_party == "loguru":
                attrs["logger"] = _Anything("logger")
            if third_party == "tqdm":
                attrs["tqdm"] = lambda it=None, *a, **k: it if it is not None else _Anything("tqdm")
            _stub_module(third_party, **attrs)
    # Some task modules read HF_HOME at import time to locate videos; nothing is read from it here.
    os.environ.setdefault("HF_HOME", "/nonexistent-hf-home")
    _package("lmms_eval", root)
    _package("lmms_eval.api", os.path.join(root, "api"))
    _package("lmms_eval.tasks", os.path.join(root, "tasks"))
    # Registration decorators only (lmms_eval/api/registry.py imports torch and the model base class).
    _stub_module("lmms_eval.api.registry", register_aggregation=_identity_decorator,
                 register_metric=_identity_decorator)
    return root


def load(module):
    """Imports e.g. 'lmms_eval.api.metrics' or 'lmms_eval.tasks.vqav2.utils' from the registered checkout."""
    parts = module.split(".")
    for i in range(2, len(parts)):
        name = ".".join(parts[:i])
        if name not in sys.modules:
            base = sys.modules[".".join(parts[:i - 1])].__path__[0]
            _package(name, os.path.join(base, parts[i - 1]))
    return importlib.import_module(module)
