package dev.magmaeval.metrics.py;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python's {@code ==} between values of the value model (plus {@link PyComplex}, tuples as {@code Object[]}). */
public final class PyEquality {
    private PyEquality() {}

    /** {@code a == b}: numbers by value across int/float/bool/complex, containers element-wise. */
    public static boolean eq(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNum(a) && isNum(b)) {
            return numEq(a, b);
        }
        if (a instanceof String || b instanceof String) {
            return a.equals(b);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return seqEq(x.toArray(), y.toArray());
        }
        if (a instanceof Object[] x && b instanceof Object[] y) {
            return seqEq(x, y);
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object other = lookup(y, e.getKey());
                if (other == MISSING || !eq(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Set<?> x && b instanceof Set<?> y) {
            return x.size() == y.size() && x.stream().allMatch(e -> y.stream().anyMatch(f -> eq(e, f)));
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return a.equals(b);
    }

    private static final Object MISSING = new Object();

    /** {@code d[key]} with Python key equality ({@code d[1]} finds the key {@code 1.0}); a marker when absent. */
    static Object lookup(Map<?, ?> d, Object key) {
        for (Map.Entry<?, ?> e : d.entrySet()) {
            if (eq(e.getKey(), key)) {
                return e.getValue();
            }
        }
        return MISSING;
    }

    /** Whether {@code d} has a key equal to {@code key}. */
    public static boolean containsKey(Map<?, ?> d, Object key) {
        return lookup(d, key) != MISSING;
    }

    /**
     * {@code d[key]}.
     *
     * @throws IllegalArgumentException when the key is absent (KeyError)
     */
    public static Object get(Map<?, ?> d, Object key) {
        Object v = lookup(d, key);
        if (v == MISSING) {
            throw new IllegalArgumentException("KeyError: " + PyRepr.repr(key));
        }
        return v;
    }

    private static boolean seqEq(Object[] x, Object[] y) {
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!eq(x[i], y[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNum(Object o) {
        return PyOps.isNumber(o) || o instanceof PyComplex;
    }

    private static boolean numEq(Object a, Object b) {
        if (a instanceof PyComplex || b instanceof PyComplex) {
            PyComplex x = complex(a);
            PyComplex y = complex(b);
            return numEq(x.real(), y.real()) && numEq(x.imag(), y.imag());
        }
        if (PyOps.isInt(a) && PyOps.isInt(b)) {
            return PyOps.bigInt(a).equals(PyOps.bigInt(b));
        }
        if (PyOps.isInt(a) || PyOps.isInt(b)) {
            Object i = PyOps.isInt(a) ? a : b;
            double f = PyOps.toDouble(PyOps.isInt(a) ? b : a);
            return Double.isFinite(f) && new BigDecimal(f).compareTo(new BigDecimal(PyOps.bigInt(i))) == 0;
        }
        return PyOps.toDouble(a) == PyOps.toDouble(b);
    }

    private static PyComplex complex(Object o) {
        return o instanceof PyComplex c ? c : new PyComplex(PyOps.toDouble(o), 0.0);
    }
}
