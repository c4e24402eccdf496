"""NpF: numpy.float64 as CPython 3.12's sum() and arithmetic see it, for the interpreter that has no numpy.

numpy.float64 subclasses float and overrides the arithmetic slots, so an operation with a Python float or int yields
numpy.float64 and sum() leaves its exact-float fast path. NpF does the same with Python float arithmetic on the
same doubles.
"""


def _wrap(name):
    base = getattr(float, name)

    def op(self, other):
        r = base(float(self), float(other) if isinstance(other, float) else other)
        return NpF(r) if isinstance(r, float) else r

    return op


class NpF(float):
    pass


for _name in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__", "__rtruediv__",
              "__pow__", "__rpow__"):
    setattr(NpF, _name, _wrap(_name))
