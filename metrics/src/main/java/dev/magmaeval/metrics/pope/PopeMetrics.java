package dev.magmaeval.metrics.pope;

import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyStr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POPE's per-doc record and its five aggregations, as {@code tasks/pope/utils.py} in lmms-eval. */
public final class PopeMetrics {
    /** The five metric keys, each fed the same per-doc record. */
    public static final List<String> METRICS = List.of("pope_accuracy", "pope_precision", "pope_recall",
            "pope_f1_score", "pope_yes_ratio");

    private PopeMetrics() {}

    /**
     * {@code pope_process_results}'s record: {@code {question_id, score, prediction, ground_truth}} with the
     * prediction and answer lowercased and stripped, score 1.0 on exact equality ({@code "yes."} is wrong).
     *
     * @throws IllegalArgumentException when the answer is not yes or no (upstream asserts)
     */
    public static Map<String, Object> record(Object questionId, String prediction, String answer) {
        String pred = PyStr.strip(PyStr.lower(prediction));
        String gt = PyStr.strip(PyStr.lower(answer));
        if (!gt.equals("yes") && !gt.equals("no")) {
            throw new IllegalArgumentException("POPE answer must be yes or no, got '" + answer + "'");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("question_id", questionId);
        r.put("score", pred.equals(gt) ? 1.0 : 0.0);
        r.put("prediction", pred);
        r.put("ground_truth", gt);
        return r;
    }

    /** {@code pope_aggregate_accuracy}: the scores added left to right, over the count. */
    public static Object accuracy(List<Map<String, Object>> results) {
        Object total = 0L;
        for (Map<String, Object> r : results) {
            total = PyOps.add(total, r.get("score"));
        }
        return PyOps.truediv(total, (long) results.size());
    }

    /** {@code pope_aggregate_precision}: TP / (TP + FP) over predictions equal to "yes"; int 0 without any. */
    public static Object precision(List<Map<String, Object>> results) {
        long tp = 0;
        long fp = 0;
        for (Map<String, Object> r : results) {
            if (r.get("prediction").equals("yes")) {
                if (r.get("ground_truth").equals("yes")) {
                    tp++;
                } else if (r.get("ground_truth").equals("no")) {
                    fp++;
                }
            }
        }
        return tp + fp > 0 ? PyOps.truediv(tp, tp + fp) : (Object) 0L;
    }

    /** {@code pope_aggregate_recall}: TP / (TP + FN), where FN counts only predictions exactly "no". */
    public static Object recall(List<Map<String, Object>> results) {
        long tp = 0;
        long fn = 0;
        for (Map<String, Object> r : results) {
            if (r.get("ground_truth").equals("yes")) {
                if (r.get("prediction").equals("yes")) {
                    tp++;
                } else if (r.get("prediction").equals("no")) {
                    fn++;
                }
            }
        }
        return tp + fn > 0 ? PyOps.truediv(tp, tp + fn) : (Object) 0L;
    }

    /** {@code pope_aggregate_f1_score}: {@code 2 * (p * r) / (p + r)}, int 0 when both are 0. */
    public static Object f1(List<Map<String, Object>> results) {
        Object p = precision(results);
        Object r = recall(results);
        Object sum = PyOps.add(p, r);
        if (PyOps.toDouble(sum) > 0) {
            return PyOps.truediv(PyOps.mul(2L, PyOps.mul(p, r)), sum);
        }
        return 0L;
    }

    /** {@code pope_aggregate_yes_ratio}: the share of ground-truth answers that are "yes" (not of predictions). */
    public static Object yesRatio(List<Map<String, Object>> results) {
        long yes = 0;
        long no = 0;
        for (Map<String, Object> r : results) {
            if (r.get("ground_truth").equals("yes")) {
                yes++;
            } else if (r.get("ground_truth").equals("no")) {
                no++;
            }
        }
        return yes + no > 0 ? PyOps.truediv(yes, yes + no) : (Object) 0L;
    }

    /** The aggregation named by one of {@link #METRICS}. */
    public static Object aggregate(String metric, List<Map<String, Object>> results) {
        return switch (metric) {
            case "pope_accuracy" -> accuracy(results);
            case "pope_precision" -> precision(results);
            case "pope_recall" -> recall(results);
            case "pope_f1_score" -> f1(results);
            case "pope_yes_ratio" -> yesRatio(results);
            default -> throw new IllegalArgumentException("unknown POPE metric '" + metric + "' (known: " + METRICS
                    + ")");
        };
    }
}
