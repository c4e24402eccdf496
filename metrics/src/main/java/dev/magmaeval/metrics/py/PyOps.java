package dev.magmaeval.metrics.py;

import java.math.BigInteger;

/**
 * Python binary arithmetic on the value model: {@link Long}/{@link Integer}/{@link BigInteger} and {@link Boolean}
 * are {@code int}, {@link Double} is {@code float}, {@link NpFloat64} is {@code numpy.float64}. The result type
 * follows Python: any numpy operand gives {@code NpFloat64}, else any float gives {@code Double}, else {@code Long}
 * (or {@code BigInteger} past 64 bits).
 */
public final class PyOps {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PyOps() {}

    /** True for the Python int types of the value model ({@code bool} included). */
    public static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Boolean || o instanceof BigInteger
                || o instanceof Short || o instanceof Byte;
    }

    /** True for int, float and numpy float values. */
    public static boolean isNumber(Object o) {
        return isInt(o) || o instanceof Double || o instanceof NpFloat64 || o instanceof Float;
    }

    static BigInteger bigInt(Object o) {
        if (o instanceof BigInteger b) {
            return b;
        }
        return BigInteger.valueOf(longValue(o));
    }

    static long longValue(Object o) {
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof BigInteger b) {
            return b.longValueExact();
        }
        return ((Number) o).longValue();
    }

    /** The value as a double, as Python's {@code float(x)} (ints rounded half-even; too large raises). */
    public static double toDouble(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof NpFloat64 f) {
            return f.value();
        }
        if (o instanceof Float f) {
            return f;
        }
        if (o instanceof BigInteger b) {
            double d = b.doubleValue();
            if (Double.isInfinite(d)) {
                throw new ArithmeticException("int too large to convert to float");
            }
            return d;
        }
        if (o instanceof Boolean || o instanceof Long || o instanceof Integer || o instanceof Short
                || o instanceof Byte) {
            return (double) longValue(o);
        }
        throw new IllegalArgumentException("not a Python number: " + PyRepr.typeName(o));
    }

    static Object normalizeInt(BigInteger b) {
        return b.compareTo(LONG_MIN) >= 0 && b.compareTo(LONG_MAX) <= 0 ? (Object) b.longValue() : b;
    }

    private static void check(Object a, Object b) {
        if (!isNumber(a) || !isNumber(b)) {
            throw new IllegalArgumentException("unsupported operand types: " + PyRepr.typeName(a) + " and "
                    + PyRepr.typeName(b));
        }
    }

    private static boolean numpy(Object a, Object b) {
        return a instanceof NpFloat64 || b instanceof NpFloat64;
    }

    private static boolean floaty(Object a, Object b) {
        return a instanceof Double || b instanceof Double || a instanceof Float || b instanceof Float;
    }

    /** {@code a + b}. */
    public static Object add(Object a, Object b) {
        check(a, b);
        if (numpy(a, b)) {
            return new NpFloat64(toDouble(a) + toDouble(b));
        }
        if (floaty(a, b)) {
            return toDouble(a) + toDouble(b);
        }
        if (!(a instanceof BigInteger) && !(b instanceof BigInteger)) {
            long x = longValue(a);
            long y = longValue(b);
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return r;
            }
        }
        return normalizeInt(bigInt(a).add(bigInt(b)));
    }

    /** {@code a - b}. */
    public static Object sub(Object a, Object b) {
        check(a, b);
        if (numpy(a, b)) {
            return new NpFloat64(toDouble(a) - toDouble(b));
        }
        if (floaty(a, b)) {
            return toDouble(a) - toDouble(b);
        }
        return normalizeInt(bigInt(a).subtract(bigInt(b)));
    }

    /** {@code a * b}. */
    public static Object mul(Object a, Object b) {
        check(a, b);
        if (numpy(a, b)) {
            return new NpFloat64(toDouble(a) * toDouble(b));
        }
        if (floaty(a, b)) {
            return toDouble(a) * toDouble(b);
        }
        return normalizeInt(bigInt(a).multiply(bigInt(b)));
    }

    /** {@code a ** 2}. */
    public static Object square(Object a) {
        return mul(a, a);
    }

    /**
     * {@code a / b}: int/int is correctly rounded; division by zero raises ArithmeticException for Python types and
     * gives inf/nan for numpy operands, as numpy does.
     */
    public static Object truediv(Object a, Object b) {
        check(a, b);
        if (numpy(a, b)) {
            return new NpFloat64(toDouble(a) / toDouble(b));
        }
        if (floaty(a, b)) {
            double y = toDouble(b);
            if (y == 0) {
                throw new ArithmeticException("float division by zero");
            }
            return toDouble(a) / y;
        }
        BigInteger y = bigInt(b);
        if (y.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        BigInteger x = bigInt(a);
        if (x.bitLength() <= 53 && y.bitLength() <= 53) {
            return x.doubleValue() / y.doubleValue();
        }
        return ExactRatio.toDouble(x, y);
    }
}
