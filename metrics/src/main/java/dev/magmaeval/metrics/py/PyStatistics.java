package dev.magmaeval.metrics.py;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** Python's {@code statistics} module functions the metrics use. */
public final class PyStatistics {
    private PyStatistics() {}

    /**
     * {@code statistics.mean(items)}: the exact rational mean, correctly rounded. The type follows
     * {@code statistics._coerce}: all ints (bools count as ints) give an int when the mean is integral, any
     * {@code numpy.float64} gives {@link NpFloat64}, otherwise {@link Double}. Non-finite floats are summed naively,
     * as CPython does.
     *
     * @throws ArithmeticException for an empty list ({@code StatisticsError})
     */
    public static Object mean(List<?> items) {
        int n = items.size();
        if (n < 1) {
            throw new ArithmeticException("mean requires at least one data point");
        }
        boolean anyFloat = false;
        boolean anyNumpy = false;
        Object nonFinite = null;
        BigDecimal total = BigDecimal.ZERO;
        for (Object o : items) {
            if (o instanceof NpFloat64) {
                anyNumpy = true;
            } else if (o instanceof Double || o instanceof Float) {
                anyFloat = true;
            } else if (!PyOps.isInt(o)) {
                throw new IllegalArgumentException("can't convert type '" + PyRepr.typeName(o) + "' to numerator/denominator");
            }
            if (PyOps.isInt(o)) {
                total = total.add(new BigDecimal(PyOps.bigInt(o)));
                continue;
            }
            double d = PyOps.toDouble(o);
            if (!Double.isFinite(d)) {
                nonFinite = PyOps.add(nonFinite == null ? (Object) 0L : nonFinite, d);
            } else {
                total = total.add(new BigDecimal(d));
            }
        }
        double value;
        if (nonFinite != null) {
            value = PyOps.toDouble(nonFinite) / n;
        } else {
            BigInteger num = total.unscaledValue();
            BigInteger den = BigInteger.valueOf(n);
            if (total.scale() > 0) {
                den = den.multiply(BigInteger.TEN.pow(total.scale()));
            } else if (total.scale() < 0) {
                num = num.multiply(BigInteger.TEN.pow(-total.scale()));
            }
            if (!anyFloat && !anyNumpy) {
                BigInteger[] qr = num.divideAndRemainder(den);
                if (qr[1].signum() == 0) {
                    return PyOps.normalizeInt(qr[0]);
                }
            }
            value = ExactRatio.toDouble(num, den);
        }
        return anyNumpy ? new NpFloat64(value) : (Object) value;
    }
}
