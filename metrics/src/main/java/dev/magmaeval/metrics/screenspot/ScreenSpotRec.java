package dev.magmaeval.metrics.screenspot;

import dev.magmaeval.metrics.py.PyCompare;
import dev.magmaeval.metrics.py.PyFloat;
import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyRegex;
import dev.magmaeval.metrics.py.PySum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ScreenSpot REC (referring expression to box), as {@code tasks/screenspot/utils_rec.py} in lmms-eval. Boxes are
 * {@code [x1, y1, x2, y2]} lists of Python numbers.
 */
public final class ScreenSpotRec {
    /** The seven metrics, in upstream order. */
    public static final List<String> METRICS = List.of("IoU", "ACC@0.1", "ACC@0.3", "ACC@0.5", "ACC@0.7", "ACC@0.9",
            "Center_ACC");
    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern BOX = PyRegex.compile("[\\[\\(]\\s*" + NUM + ",\\s*" + NUM + ",\\s*" + NUM + ",\\s*"
            + NUM + "\\s*[\\]\\)]");

    private ScreenSpotRec() {}

    /**
     * {@code parse_float_sequence_within}: the first bracketed four numbers (no space before a comma) as floats,
     * divided by 1000 when their max exceeds 1; {@code [0, 0, 0, 0]} (ints) when there is none.
     */
    public static List<Object> parse(String prediction) {
        Matcher m = BOX.matcher(prediction);
        List<Object> out = new ArrayList<>(4);
        if (!m.find()) {
            for (int i = 0; i < 4; i++) {
                out.add(0L);
            }
            return out;
        }
        double max = Double.NEGATIVE_INFINITY;
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            v[i] = PyFloat.parse(m.group(i + 1));
            max = i == 0 || v[i] > max ? v[i] : max;
        }
        for (double x : v) {
            out.add(max > 1 ? x / 1000 : x);
        }
        return out;
    }

    /**
     * {@code compute_iou(gt, pred)}: intersection over union without clamping, in Python arithmetic.
     *
     * @throws ArithmeticException when the union is 0 (ZeroDivisionError upstream)
     */
    public static Object iou(List<?> box1, List<?> box2) {
        Object xLeft = PyCompare.max(box1.get(0), box2.get(0));
        Object yTop = PyCompare.max(box1.get(1), box2.get(1));
        Object xRight = PyCompare.min(box1.get(2), box2.get(2));
        Object yBottom = PyCompare.min(box1.get(3), box2.get(3));
        Object inter = PyOps.mul(PyCompare.max(0L, PyOps.sub(xRight, xLeft)),
                PyCompare.max(0L, PyOps.sub(yBottom, yTop)));
        Object area1 = PyOps.mul(PyOps.sub(box1.get(2), box1.get(0)), PyOps.sub(box1.get(3), box1.get(1)));
        Object area2 = PyOps.mul(PyOps.sub(box2.get(2), box2.get(0)), PyOps.sub(box2.get(3), box2.get(1)));
        Object union = PyOps.sub(PyOps.add(area1, area2), inter);
        return PyOps.truediv(inter, union);
    }

    /** {@code compute_accuracy(gt, pred, threshold)}: {@code iou >= threshold}. */
    public static boolean accuracy(List<?> gt, List<?> pred, double threshold) {
        return PyCompare.le(threshold, iou(gt, pred));
    }

    /** {@code compute_center_accuracy(gt, pred)}: the prediction's centre inside the ground-truth box, inclusive. */
    public static boolean centerAccuracy(List<?> gt, List<?> pred) {
        Object cx = PyOps.truediv(PyOps.add(pred.get(0), pred.get(2)), 2L);
        Object cy = PyOps.truediv(PyOps.add(pred.get(1), pred.get(3)), 2L);
        return PyCompare.le(gt.get(0), cx) && PyCompare.le(cx, gt.get(2)) && PyCompare.le(gt.get(1), cy)
                && PyCompare.le(cy, gt.get(3));
    }

    /** The per-doc score of one metric: a float for IoU, a bool for the others. */
    public static Object score(String metric, List<?> gt, List<?> pred) {
        return switch (metric) {
            case "IoU" -> iou(gt, pred);
            case "ACC@0.1" -> accuracy(gt, pred, 0.1);
            case "ACC@0.3" -> accuracy(gt, pred, 0.3);
            case "ACC@0.5" -> accuracy(gt, pred, 0.5);
            case "ACC@0.7" -> accuracy(gt, pred, 0.7);
            case "ACC@0.9" -> accuracy(gt, pred, 0.9);
            case "Center_ACC" -> centerAccuracy(gt, pred);
            default -> throw new IllegalArgumentException("unknown ScreenSpot REC metric '" + metric + "' (known: "
                    + METRICS + ")");
        };
    }

    /**
     * {@code screenspot_rec_aggregation_result(results, metric)} over records with {@code bbox} (ground truth) and
     * {@code pred}: {@code sum(scores) / len(scores)} (CPython 3.12 sum), the int 0 for no records.
     */
    @SuppressWarnings("unchecked")
    public static Object aggregate(String metric, List<Map<String, Object>> results) {
        List<Object> scores = new ArrayList<>(results.size());
        for (Map<String, Object> r : results) {
            scores.add(score(metric, (List<Object>) r.get("bbox"), (List<Object>) r.get("pred")));
        }
        return scores.isEmpty() ? (Object) 0L : PyOps.truediv(PySum.sum(scores), (long) scores.size());
    }
}
