package dev.magmaeval.metrics.chartqa;

import dev.magmaeval.metrics.py.PyFloat;
import dev.magmaeval.metrics.py.PyStr;
import java.util.LinkedHashMap;
import java.util.Map;

/** ChartQA's relaxed accuracy, as {@code tasks/chartqa/utils.py} in lmms-eval. */
public final class ChartQaMetrics {
    private ChartQaMetrics() {}

    /**
     * {@code relaxed_correctness(prediction, target, 0.05)}: when the prediction parses as a number and the target
     * parses to a non-zero number, {@code |p - t| / |t| <= 0.05}; otherwise case-insensitive string equality.
     * Numbers are Python {@code float()} ({@code " 1_000 "}, {@code "inf"}, full-width digits); a trailing run of
     * {@code %} divides by 100.
     */
    public static boolean relaxedCorrectness(String prediction, String target) {
        Double p = toFloat(prediction);
        Double t = toFloat(target);
        if (p != null && t != null && t != 0.0) { // NaN is truthy in Python, and NaN != 0.0 here
            double relativeChange = Math.abs(p - t) / Math.abs(t);
            return relativeChange <= 0.05;
        }
        return PyStr.lower(prediction).equals(PyStr.lower(target));
    }

    // _to_float: "x%" -> float(x.rstrip("%")) / 100.0, else float(x); None on ValueError
    static Double toFloat(String text) {
        try {
            if (text.endsWith("%")) {
                return PyFloat.parse(PyStr.rstrip(text, "%")) / 100.0;
            }
            return PyFloat.parse(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code chartqa_process_results}: {@code relaxed_overall} for every doc plus {@code relaxed_human_split} when
     * {@code type == "human_test"}, else {@code relaxed_augmented_split}; each 1.0 or 0.0.
     */
    public static Map<String, Object> processResults(String prediction, String answer, String type) {
        double score = relaxedCorrectness(prediction, answer) ? 1.0 : 0.0;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("relaxed_overall", score);
        out.put(type.equals("human_test") ? "relaxed_human_split" : "relaxed_augmented_split", score);
        return out;
    }
}
