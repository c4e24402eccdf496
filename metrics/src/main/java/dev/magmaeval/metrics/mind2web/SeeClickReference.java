package dev.magmaeval.metrics.mind2web;

import dev.magmaeval.metrics.py.PyLiteral;
import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyRound;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A Mind2Web step's ground truth as SeeClick builds it ({@code action2step} in
 * {@code agent_tasks/mind2web_test.py}): the action string the model is trained to emit, and the gold box.
 *
 * @param actionString e.g. {@code {"action_type": 4, "click_point": (0.53,0.21)}}
 * @param bbox the gold box, normalized xyxy, each value {@code round(v, 3)}
 * @param action {@code ast.literal_eval(actionString)}, or null when that fails (SeeClick then skips the step)
 */
public record SeeClickReference(String actionString, List<Double> bbox, Map<?, ?> action) {
    private static final List<String> OPS = List.of("CLICK", "TYPE", "SELECT", "HOVER", "ENTER");

    /**
     * {@code action2step(step, image.size, return_bbox=True)} and the reference parse.
     *
     * @param originalOp {@code operation.original_op}: CLICK, TYPE, SELECT, HOVER or ENTER
     * @param value {@code operation.value}, used for SELECT and TYPE
     * @param x the box in screenshot pixels, Python numbers
     * @throws IllegalArgumentException for another operation (upstream asserts)
     */
    public static SeeClickReference of(String originalOp, String value, Object x, Object y, Object width,
            Object height, long imageWidth, long imageHeight) {
        if (!OPS.contains(originalOp)) {
            throw new IllegalArgumentException("Mind2Web operation must be one of " + OPS + ", got " + originalOp);
        }
        Object px = PyOps.add(x, PyOps.truediv(width, 2L));
        Object py = PyOps.add(y, PyOps.truediv(height, 2L));
        String point = "(" + fixed2(PyRound.round(PyOps.toDouble(PyOps.truediv(px, imageWidth)), 3)) + ","
                + fixed2(PyRound.round(PyOps.toDouble(PyOps.truediv(py, imageHeight)), 3)) + ")";
        List<Double> bbox = List.of(
                PyRound.round(PyOps.toDouble(PyOps.truediv(x, imageWidth)), 3),
                PyRound.round(PyOps.toDouble(PyOps.truediv(y, imageHeight)), 3),
                PyRound.round(PyOps.toDouble(PyOps.truediv(PyOps.add(x, width), imageWidth)), 3),
                PyRound.round(PyOps.toDouble(PyOps.truediv(PyOps.add(y, height), imageHeight)), 3));
        String s = switch (originalOp) {
            case "SELECT" -> "{\"action_type\": 2, \"click_point\": " + point + ", \"value\": \"" + value + "\"}";
            case "TYPE" -> "{\"action_type\": 3, \"click_point\": " + point + ", \"value\": \"" + value + "\"}";
            default -> "{\"action_type\": 4, \"click_point\": " + point + "}";
        };
        Map<?, ?> action;
        try {
            action = PyLiteral.eval(s) instanceof Map<?, ?> m ? m : null;
        } catch (RuntimeException e) {
            action = null;
        }
        return new SeeClickReference(s, bbox, action);
    }

    /** Python's {@code f"{x:.2f}"}: half-even on the exact binary value, {@code -0.00} kept. */
    static String fixed2(double x) {
        String t = new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return (x < 0 || (x == 0 && 1 / x < 0)) && !t.startsWith("-") ? "-" + t : t;
    }
}
