package dev.magmaeval.metrics.py;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's {@code round(x, ndigits)} for floats. */
public final class PyRound {
    private PyRound() {}

    /**
     * {@code round(x, ndigits)}: round half to even on the exact binary value of {@code x} (so
     * {@code round(2.675, 2) == 2.67}), keeping the sign of a zero result; non-finite values are returned as is.
     *
     * @throws ArithmeticException when the rounded value overflows, as CPython's OverflowError
     */
    public static double round(double x, int ndigits) {
        if (!Double.isFinite(x) || x == 0) {
            return x;
        }
        if (ndigits > 323) {
            return x;
        }
        if (ndigits < -308) {
            return 0.0 * x;
        }
        double r = new BigDecimal(x).setScale(ndigits, RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(r)) {
            throw new ArithmeticException("rounded value too large to represent");
        }
        return r == 0 ? Math.copySign(0.0, x) : r;
    }
}
