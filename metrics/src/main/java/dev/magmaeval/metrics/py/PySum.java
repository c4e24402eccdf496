package dev.magmaeval.metrics.py;

import java.math.BigInteger;
import java.util.List;

/**
 * CPython 3.12's builtin {@code sum(items)} with the default start {@code 0}, modelled on
 * {@code builtin_sum_impl} in {@code Python/bltinmodule.c}, item types included:
 * <ol>
 *   <li>leading ints (and bools) are added exactly in an integer accumulator;</li>
 *   <li>the first other item is added with Python's {@code +}; if the result is an exact float, a float loop starts
 *       in which exact floats are added with Neumaier compensation and ints are converted and added without it;</li>
 *   <li>any other item (a {@code numpy.float64}, or an int past 64 bits) leaves that loop: the compensation is
 *       folded in (when non-zero and finite) and the rest is added naively with Python's {@code +}.</li>
 * </ol>
 * So {@code sum} over numpy floats is a naive left-to-right sum returning {@link NpFloat64}.
 */
public final class PySum {
    private PySum() {}

    /** {@code sum(items)}: returns {@link Long} (or {@link BigInteger}), {@link Double} or {@link NpFloat64}. */
    public static Object sum(List<?> items) {
        int n = items.size();
        int i = 0;
        long acc = 0;
        Object result = null;
        while (i < n) {
            Object item = items.get(i++);
            if (fitsLong(item)) {
                long b = PyOps.longValue(item);
                long r = acc + b;
                if (((acc ^ r) & (b ^ r)) >= 0) {
                    acc = r;
                    continue;
                }
            }
            result = PyOps.add(acc, item);
            break;
        }
        if (result == null) {
            return acc;
        }
        if (result instanceof Double d) {
            double f = d;
            double c = 0.0;
            while (true) {
                if (i == n) {
                    return c != 0 && Double.isFinite(c) ? f + c : f;
                }
                Object item = items.get(i++);
                if (item instanceof Double dx) {
                    double x = dx;
                    double t = f + x;
                    if (Math.abs(f) >= Math.abs(x)) {
                        c += (f - t) + x;
                    } else {
                        c += (x - t) + f;
                    }
                    f = t;
                    continue;
                }
                if (fitsLong(item)) {
                    f += (double) PyOps.longValue(item);
                    continue;
                }
                if (c != 0 && Double.isFinite(c)) {
                    f += c;
                }
                result = PyOps.add(f, item);
                break;
            }
        }
        while (i < n) {
            result = PyOps.add(result, items.get(i++));
        }
        return result;
    }

    private static boolean fitsLong(Object o) {
        if (o instanceof BigInteger b) {
            return b.bitLength() < 64;
        }
        return o instanceof Long || o instanceof Integer || o instanceof Boolean || o instanceof Short
                || o instanceof Byte;
    }
}
