package dev.magmaeval.metrics.aggregate;

import dev.magmaeval.metrics.py.NpFloat64;
import dev.magmaeval.metrics.py.NumpySum;
import dev.magmaeval.metrics.py.PyMath;
import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyRandom;
import dev.magmaeval.metrics.py.PySum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The standard errors lmms-eval reports ({@code api/metrics.py}, {@code evaluator_utils.py}). Each method needs at
 * least two items; the caller writes {@code "N/A"} otherwise, as upstream does.
 */
public final class Stderr {
    private Stderr() {}

    /** {@code sample_stddev(arr)}: {@code math.sqrt(sum([(x - mu) ** 2 for x in arr]) / (len(arr) - 1))}. */
    public static double sampleStddev(List<Object> items) {
        Object mu = Aggregations.mean(items);
        List<Object> sq = new ArrayList<>(items.size());
        for (Object x : items) {
            sq.add(PyMath.square(PyOps.sub(x, mu)));
        }
        return PyMath.sqrt(PyOps.truediv(PySum.sum(sq), (long) items.size() - 1));
    }

    /** {@code mean_stderr(arr)}: {@code sample_stddev(arr) / math.sqrt(len(arr))}, the {@code _stderr} of {@code mean}. */
    public static double meanStderr(List<Object> items) {
        return sampleStddev(items) / Math.sqrt(items.size());
    }

    /**
     * {@code _stderr_clt}: {@code np.std(items, ddof=1) / np.sqrt(n)} with numpy's pairwise sums. Items are the
     * numbers themselves, or {@code item[score_key]} for dict items (the caller extracts them).
     */
    public static double clt(List<Object> numericItems) {
        return NumpySum.std(numericItems, 1) / Math.sqrt(numericItems.size());
    }

    /**
     * {@code clustered_stderr(scores, cluster_ids)} (Miller 2024, eq. 4): NaN for fewer than two scores. Clusters are
     * grouped in first-seen order; numeric ids equal in Python ({@code 1 == 1.0 == True}) share a cluster.
     */
    public static double clustered(List<Object> scores, List<Object> clusterIds) {
        int n = scores.size();
        if (n < 2) {
            return Double.NaN;
        }
        if (n != clusterIds.size()) {
            throw new IllegalArgumentException("scores and cluster_ids must have the same length");
        }
        Object sBar = PyOps.truediv(PySum.sum(scores), (long) n);
        List<Object> sq = new ArrayList<>(n);
        for (Object s : scores) {
            sq.add(PyMath.square(PyOps.sub(s, sBar)));
        }
        Object seCltSquared = PyOps.truediv(PyOps.truediv(PySum.sum(sq), (long) n - 1), (long) n);
        Map<Object, List<Object>> clusters = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            clusters.computeIfAbsent(clusterKey(clusterIds.get(i)), k -> new ArrayList<>()).add(scores.get(i));
        }
        Object crossTerm = 0.0;
        for (List<Object> cluster : clusters.values()) {
            List<Object> deviations = new ArrayList<>(cluster.size());
            List<Object> squares = new ArrayList<>(cluster.size());
            for (Object s : cluster) {
                Object d = PyOps.sub(s, sBar);
                deviations.add(d);
                squares.add(PyOps.mul(d, d));
            }
            Object clusterSum = PySum.sum(deviations);
            Object sumOfSquares = PySum.sum(squares);
            crossTerm = PyOps.add(crossTerm, PyOps.sub(PyOps.mul(clusterSum, clusterSum), sumOfSquares));
        }
        crossTerm = PyOps.truediv(crossTerm, (long) n * n);
        return PyMath.sqrt(PyOps.add(seCltSquared, crossTerm));
    }

    private static Object clusterKey(Object id) {
        if (id instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (id instanceof Integer i) {
            return (long) i;
        }
        if (id instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return (long) (double) d;
        }
        if (id instanceof NpFloat64 f && f.value() == Math.rint(f.value()) && Math.abs(f.value()) < 0x1p63) {
            return (long) f.value();
        }
        return id;
    }

    /**
     * {@code bootstrap_stderr(f, xs, iters)}: chunks of {@code min(1000, iters)} resamples, chunk {@code i} drawn by
     * {@code random.Random(i).choices(xs, k=len(xs))}, then {@code sample_stddev} of the {@code iters // chunk}
     * statistics in chunk order. Chunks run in parallel; the result does not depend on it. {@code statistic} must be
     * thread-safe and return a Python number.
     */
    public static double bootstrap(Function<List<Object>, Object> statistic, List<Object> items, int iters) {
        int chunk = Math.min(1000, iters);
        int chunks = iters / chunk;
        List<List<Object>> perChunk = IntStream.range(0, chunks).parallel().mapToObj(i -> {
            PyRandom rnd = new PyRandom(i);
            List<Object> res = new ArrayList<>(chunk);
            for (int j = 0; j < chunk; j++) {
                res.add(statistic.apply(rnd.choices(items, items.size())));
            }
            return res;
        }).toList();
        List<Object> all = new ArrayList<>(chunks * chunk);
        perChunk.forEach(all::addAll);
        return sampleStddev(all);
    }

    /**
     * {@code pooled_sample_stderr(stderrs, sizes)}:
     * {@code np.sqrt(sum([(size - 1) * stderr**2 * size ...]) / (sum(sizes) - len(sizes)) / sum(sizes))}.
     */
    public static double pooledSample(List<Double> stderrs, List<Integer> sizes) {
        if (stderrs.size() != sizes.size()) {
            throw new IllegalArgumentException("stderrs and sizes differ in length");
        }
        List<Object> terms = new ArrayList<>(sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            long size = sizes.get(i);
            terms.add(PyOps.mul(PyOps.mul(size - 1, PyMath.square(stderrs.get(i))), size));
        }
        Object var = PyOps.truediv(PySum.sum(terms), PyOps.sub(PySum.sum(sizes), (long) sizes.size()));
        return Math.sqrt(PyOps.toDouble(PyOps.truediv(var, PySum.sum(sizes))));
    }
}
