package dev.magmaeval.metrics.aggregate;

import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PySum;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** lmms-eval's registered aggregations ({@code lmms_eval/api/metrics.py}) over Python-typed per-doc values. */
public final class Aggregations {
    private Aggregations() {}

    /**
     * {@code mean}: {@code sum(arr) / len(arr)} with CPython 3.12's {@code sum}; returns {@link Double}, or
     * {@code NpFloat64} when the sum is a numpy float.
     *
     * @throws ArithmeticException for an empty list (ZeroDivisionError)
     */
    public static Object mean(List<Object> items) {
        if (items.isEmpty()) {
            throw new ArithmeticException("division by zero");
        }
        return PyOps.truediv(PySum.sum(items), (long) items.size());
    }

    /** {@code median}: {@code arr[len(arr) // 2]} without sorting, as upstream. */
    public static Object median(List<Object> items) {
        return items.get(items.size() / 2);
    }

    /**
     * {@code aggregate_subtask_metrics(metrics, sizes, weight_by_size)}:
     * {@code sum([metric * size ...]) / sum(sizes)}, sizes all 1 when not weighting. {@link Double} metrics are
     * Python floats, {@link Long}/{@link Integer} ints.
     */
    public static double subtaskMean(List<? extends Number> metrics, List<Integer> sizes, boolean weightBySize) {
        return PyOps.toDouble(subtaskMeanPy(new ArrayList<Object>(metrics), sizes, weightBySize));
    }

    /** {@link #subtaskMean} over any Python-typed metric values, returning the Python-typed result. */
    public static Object subtaskMeanPy(List<Object> metrics, List<Integer> sizes, boolean weightBySize) {
        List<Integer> s = weightBySize ? sizes : Collections.nCopies(sizes.size(), 1);
        if (metrics.size() != s.size()) {
            throw new IllegalArgumentException("metrics and sizes differ in length: " + metrics.size() + " vs "
                    + s.size());
        }
        List<Object> products = new ArrayList<>(metrics.size());
        for (int i = 0; i < metrics.size(); i++) {
            products.add(PyOps.mul(metrics.get(i), (long) s.get(i)));
        }
        return PyOps.truediv(PySum.sum(products), PySum.sum(s));
    }
}
