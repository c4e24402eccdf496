package dev.magmaeval.metrics.py;

/** Python's {@code <}, {@code <=}, {@code max(a, b)} and {@code min(a, b)} on numbers of the value model. */
public final class PyCompare {
    private PyCompare() {}

    /** {@code a < b} for numbers (ints compared exactly with floats, as Python does). */
    public static boolean lt(Object a, Object b) {
        return compare(a, b) < 0 && !isNan(a) && !isNan(b);
    }

    /** {@code a <= b}. */
    public static boolean le(Object a, Object b) {
        return compare(a, b) <= 0 && !isNan(a) && !isNan(b);
    }

    /** {@code max(a, b)}: {@code a} unless {@code b > a}. */
    public static Object max(Object a, Object b) {
        return lt(a, b) ? b : a;
    }

    /** {@code min(a, b)}: {@code a} unless {@code b < a}. */
    public static Object min(Object a, Object b) {
        return lt(b, a) ? b : a;
    }

    private static boolean isNan(Object o) {
        return (o instanceof Double d && d.isNaN()) || (o instanceof NpFloat64 f && Double.isNaN(f.value()));
    }

    private static int compare(Object a, Object b) {
        if (!PyOps.isNumber(a) || !PyOps.isNumber(b)) {
            throw new IllegalArgumentException("'<' not supported between instances of '" + PyRepr.typeName(a)
                    + "' and '" + PyRepr.typeName(b) + "'");
        }
        if (PyOps.isInt(a) && PyOps.isInt(b)) {
            return PyOps.bigInt(a).compareTo(PyOps.bigInt(b));
        }
        double x = PyOps.isInt(a) ? Double.NaN : PyOps.toDouble(a);
        double y = PyOps.isInt(b) ? Double.NaN : PyOps.toDouble(b);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y);
        }
        if (PyOps.isInt(a) && !Double.isNaN(y)) {
            return -compareIntFloat(b, a);
        }
        if (PyOps.isInt(b) && !Double.isNaN(x)) {
            return compareIntFloat(a, b);
        }
        return 0; // a NaN operand: every comparison is false, callers check isNan
    }

    // float vs int, exactly
    private static int compareIntFloat(Object f, Object i) {
        double x = PyOps.toDouble(f);
        if (Double.isInfinite(x)) {
            return x > 0 ? 1 : -1;
        }
        return new java.math.BigDecimal(x).compareTo(new java.math.BigDecimal(PyOps.bigInt(i)));
    }
}
