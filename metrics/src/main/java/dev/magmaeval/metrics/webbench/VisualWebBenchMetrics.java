package dev.magmaeval.metrics.webbench;

import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** VisualWebBench's scoring, as {@code tasks/visualwebbench/utils.py} in lmms-eval. */
public final class VisualWebBenchMetrics {
    private static final Pattern LETTER_DOT = Pattern.compile("[A-Z]\\.");
    private static final List<String> CHOICES = List.of("A", "B", "C", "D", "E", "F", "G", "H");

    private VisualWebBenchMetrics() {}

    /**
     * {@code parse_multi_choice_response(response, A..H)}: one character → {@code upper()}; empty → {@code "a"};
     * {@code ^[A-Z]\.} → the first character; else, with {@code , . ! ? ; : ' "} deleted and spaces padded,
     * {@code (X)} else {@code " X "}, the last one found; none → {@code "z"}.
     */
    public static String parseChoice(String response) {
        if (PyStr.len(response) == 1) {
            return PyStr.upper(response);
        }
        if (response.isEmpty()) {
            return "a";
        }
        if (LETTER_DOT.matcher(response).lookingAt()) {
            return response.substring(0, 1);
        }
        for (String ch : new String[] {",", ".", "!", "?", ";", ":", "'", "\""}) {
            response = response.replace(ch, "");
        }
        response = " " + response + " ";
        boolean withBracket = false;
        List<String> candidates = new ArrayList<>();
        for (String c : CHOICES) {
            if (response.contains("(" + c + ")")) {
                candidates.add(c);
                withBracket = true;
            }
        }
        if (candidates.isEmpty()) {
            for (String c : CHOICES) {
                if (response.contains(" " + c + " ")) {
                    candidates.add(c);
                }
            }
        }
        if (candidates.isEmpty()) {
            return "z";
        }
        int best = 0;
        int bestPos = Integer.MIN_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            String can = candidates.get(i);
            int pos = withBracket ? response.lastIndexOf("(" + can + ")") : response.lastIndexOf(" " + can + " ");
            if (pos > bestPos) {
                bestPos = pos;
                best = i;
            }
        }
        return candidates.get(best);
    }

    /** The option index of a parsed choice: {@code ord(c) - ord("A")} for one character A-Z, else -1. */
    public static long choiceIndex(String parsed) {
        if (PyStr.len(parsed) != 1) {
            return -1; // ord() of a longer string raises TypeError, which upstream maps to -1
        }
        int cp = parsed.codePointAt(0);
        return cp >= 'A' && cp <= 'Z' ? cp - 'A' : -1;
    }

    /** {@code visualwebbench_process_results_accuracy}'s {@code accuracy}: 100.0 when the index equals the answer. */
    public static double accuracy(String prediction, Object answer) {
        long index = choiceIndex(parseChoice(prediction));
        boolean correct = answer instanceof Number n && !(answer instanceof Double) && n.longValue() == index
                || answer instanceof Double d && d == index
                || answer instanceof Boolean b && (b ? 1 : 0) == index;
        return correct ? 100.0 : 0.0;
    }

    /**
     * {@code visualwebbench_process_results_rouge} for web_caption, heading_ocr and element_ocr: the prediction
     * replaced by " " when empty (element_ocr: also when one character), ROUGE-1/2/L F ×100.
     *
     * @throws IllegalArgumentException for another task type, or when ROUGE rejects an empty text (as upstream)
     */
    public static Map<String, Object> rouge(String taskType, String prediction, String gold) {
        String pred = prediction;
        switch (taskType) {
            case "web_caption", "heading_ocr" -> pred = pred.isEmpty() ? " " : pred;
            case "element_ocr" -> pred = pred.isEmpty() || PyStr.len(pred) == 1 ? " " : pred;
            default -> throw new IllegalArgumentException("Unknown task type: " + taskType);
        }
        double[] f = Rouge.fScores(pred, gold);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rouge_1", f[0] * 100);
        out.put("rouge_2", f[1] * 100);
        out.put("rouge_l", f[2] * 100);
        return out;
    }

    // Python truthiness of a scalar doc value
    private static boolean falsy(Object v) {
        return v == null || "".equals(v) || Boolean.FALSE.equals(v) || (v instanceof Number n && n.doubleValue() == 0);
    }

    /**
     * {@code visualwebbench_process_results_f1} (webqa): the best ROUGE-1 F over the gold answers ×100; a gold that
     * is not a list becomes {@code [gold]} (or {@code [""]} when falsy).
     *
     * @throws ArithmeticException when no ROUGE score could be computed (upstream divides by zero)
     */
    public static double webqaF1(String prediction, Object gold) {
        List<?> golds = gold instanceof List<?> l ? l : List.of(falsy(gold) ? "" : gold);
        String pred = prediction.isEmpty() ? " " : prediction;
        Double best = null;
        try {
            for (Object g : golds) {
                double f = Rouge.rougeN(pred, (String) g, 1).f();
                best = best == null || f > best ? f : best;
            }
        } catch (RuntimeException e) {
            best = null; // upstream's bare except: the doc contributes nothing
        }
        if (best == null) {
            throw new ArithmeticException("division by zero");
        }
        return best * 100;
    }
}
