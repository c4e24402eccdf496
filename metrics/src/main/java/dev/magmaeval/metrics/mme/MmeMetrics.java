package dev.magmaeval.metrics.mme;

import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.metrics.py.PySum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MME's yes/no parsing and its perception/cognition sums, as {@code tasks/mme/utils.py} in lmms-eval. */
public final class MmeMetrics {
    /** The ten perception categories; every other category is cognition. */
    public static final List<String> PERCEPTION = List.of("existence", "count", "position", "color", "posters",
            "celebrity", "scene", "landmark", "artwork", "OCR");

    private MmeMetrics() {}

    /** {@code parse_pred_ans}: "yes", "no" or "other" (lowercase, strip, periods removed, 4-character prefix rule). */
    public static String parsePrediction(String pred) {
        String p = PyStr.strip(PyStr.lower(pred)).replace(".", "");
        if (p.equals("yes") || p.equals("no")) {
            return p;
        }
        if (PyStr.len(p) == 1) {
            return p.equals("y") ? "yes" : p.equals("n") ? "no" : "other";
        }
        String prefix = p.substring(0, p.offsetByCodePoints(0, Math.min(4, PyStr.len(p))));
        if (prefix.contains("yes")) {
            return "yes";
        }
        return prefix.contains("no") ? "no" : "other";
    }

    /** The metric key a doc feeds: {@code mme_perception_score} or {@code mme_cognition_score}. */
    public static String metricKey(String category) {
        return PERCEPTION.contains(category) ? "mme_perception_score" : "mme_cognition_score";
    }

    /**
     * {@code mme_process_results}'s record {@code {question_id, category, score}}, score 1.0 when the parsed
     * prediction equals the answer (lowercased, stripped, periods removed).
     *
     * @throws IllegalArgumentException when the answer is not yes or no (upstream asserts)
     */
    public static Map<String, Object> record(Object questionId, String category, String prediction, String answer) {
        String gt = PyStr.strip(PyStr.lower(answer)).replace(".", "");
        if (!gt.equals("yes") && !gt.equals("no")) {
            throw new IllegalArgumentException("MME answer must be yes or no, got '" + answer + "'");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("question_id", questionId);
        r.put("category", category);
        r.put("score", parsePrediction(prediction).equals(gt) ? 1.0 : 0.0);
        return r;
    }

    /**
     * {@code mme_aggregate_results}: per category (first-seen order), per image ({@code question_id}, exactly two
     * questions), {@code acc + acc_plus} with {@code acc = mean*100} and {@code acc_plus = 100} when both are right;
     * category score = the mean over images; the result is {@code sum()} over categories (CPython 3.12).
     *
     * @return a float, or the int 0 when there are no results
     * @throws IllegalArgumentException when an image has other than two questions (upstream asserts)
     */
    public static Object aggregate(List<Map<String, Object>> results) {
        Map<Object, Map<Object, List<Object>>> byCategory = new LinkedHashMap<>();
        for (Map<String, Object> r : results) {
            byCategory.computeIfAbsent(r.get("category"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.get("question_id"), k -> new ArrayList<>()).add(r.get("score"));
        }
        List<Object> categoryScores = new ArrayList<>();
        for (Map.Entry<Object, Map<Object, List<Object>>> c : byCategory.entrySet()) {
            Object total = 0L;
            for (Map.Entry<Object, List<Object>> q : c.getValue().entrySet()) {
                List<Object> scores = q.getValue();
                if (scores.size() != 2) {
                    throw new IllegalArgumentException("MME only supports pairwise evaluation: question_id "
                            + q.getKey() + " in category " + c.getKey() + " has " + scores.size() + " answers");
                }
                Object s = PySum.sum(scores);
                Object acc = PyOps.mul(PyOps.truediv(s, 2L), 100.0);
                double accPlus = PyOps.toDouble(s) == 2 ? 100.0 : 0.0;
                total = PyOps.add(total, PyOps.add(accPlus, acc));
            }
            categoryScores.add(PyOps.truediv(total, (long) c.getValue().size()));
        }
        return PySum.sum(categoryScores);
    }
}
