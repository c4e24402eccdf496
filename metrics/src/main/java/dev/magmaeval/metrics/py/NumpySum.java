package dev.magmaeval.metrics.py;

import java.util.List;

/**
 * numpy 1.24's float64 reductions: pairwise summation ({@code DOUBLE_pairwise_sum}, 8-way unrolled blocks of up to
 * 128), and {@code np.std(xs, ddof)} over a Python list as {@code numpy/core/_methods.py::_var} computes it. An int or
 * bool array is summed with a cast to float64, which numpy buffers in chunks of 8192 elements, each chunk summed
 * pairwise and the chunk sums added left to right.
 */
public final class NumpySum {
    static final int BUFSIZE = 8192;

    private NumpySum() {}

    /** {@code np.add.reduce} of a float64 array: {@code 0.0 + pairwise(xs)}. */
    public static double sum(double[] xs) {
        return 0.0 + pairwise(xs, 0, xs.length);
    }

    /** {@code np.mean} of an int or bool array (given as doubles): the cast sum over the length. */
    public static double meanCast(double[] xs) {
        return sumCast(xs) / xs.length;
    }

    /** {@code np.add.reduce(arr, dtype=float64)} of an int or bool array (given as doubles). */
    static double sumCast(double[] xs) {
        double acc = 0.0;
        for (int s = 0; s < xs.length; s += BUFSIZE) {
            acc += pairwise(xs, s, Math.min(BUFSIZE, xs.length - s));
        }
        return acc;
    }

    static double pairwise(double[] a, int lo, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) {
                res += a[lo + i];
            }
            return res;
        } else if (n <= 128) {
            double r0 = a[lo];
            double r1 = a[lo + 1];
            double r2 = a[lo + 2];
            double r3 = a[lo + 3];
            double r4 = a[lo + 4];
            double r5 = a[lo + 5];
            double r6 = a[lo + 6];
            double r7 = a[lo + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[lo + i];
                r1 += a[lo + i + 1];
                r2 += a[lo + i + 2];
                r3 += a[lo + i + 3];
                r4 += a[lo + i + 4];
                r5 += a[lo + i + 5];
                r6 += a[lo + i + 6];
                r7 += a[lo + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[lo + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
        }
    }

    /**
     * {@code np.mean(items)} of a list of Python numbers: NaN for an empty list; an all-int (or bool) list is summed
     * with numpy's buffered cast, any float makes it a float64 pairwise sum.
     */
    public static double mean(List<?> items) {
        if (items.isEmpty()) {
            return Double.NaN;
        }
        double[] xs = new double[items.size()];
        boolean allInt = true;
        for (int i = 0; i < xs.length; i++) {
            Object o = items.get(i);
            allInt &= PyOps.isInt(o);
            xs[i] = PyOps.toDouble(o);
        }
        return (allInt ? sumCast(xs) : sum(xs)) / xs.length;
    }

    /**
     * {@code np.std(items, ddof=ddof)} of a list of Python numbers: the list becomes a bool, int64 or float64 array
     * (any float makes it float64), then mean, squared deviations and their pairwise sum.
     */
    public static double std(List<?> items, int ddof) {
        int n = items.size();
        double[] xs = new double[n];
        boolean allInt = true;
        for (int i = 0; i < n; i++) {
            Object o = items.get(i);
            if (!PyOps.isNumber(o)) {
                throw new IllegalArgumentException("np.std: not a number: " + PyRepr.typeName(o));
            }
            allInt &= PyOps.isInt(o);
            xs[i] = PyOps.toDouble(o);
        }
        double mean = (allInt ? sumCast(xs) : sum(xs)) / n;
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            double d = xs[i] - mean;
            sq[i] = d * d;
        }
        double var = sum(sq) / Math.max(n - ddof, 0);
        return Math.sqrt(var);
    }
}
