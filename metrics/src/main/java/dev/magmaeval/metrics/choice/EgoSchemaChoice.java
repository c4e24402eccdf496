package dev.magmaeval.metrics.choice;

import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyRandom;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** EgoSchema's generation scoring, as {@code tasks/egoschema/utils.py} in lmms-eval. */
public final class EgoSchemaChoice {
    private static final List<String> OPTIONS = List.of("A", "B", "C", "D", "E");

    private EgoSchemaChoice() {}

    /** A parsed prediction and whether any candidate was found (the tuple upstream returns). */
    public record Parsed(String prediction, boolean matched) {}

    /**
     * {@code parse_multi_choice_response}: all of {@code (X)}, {@code "X "}, {@code "X."} are collected (not tiers);
     * several → the one whose last occurrence comes first ({@code argmin} of {@code rfind}); none and more than five
     * words → option-text matches; still none → {@code random.choice} from {@code rng}.
     */
    public static Parsed parse(String response, List<String> allChoices, Map<String, String> index2ans,
            PyRandom rng) {
        for (String ch : new String[] {",", ".", "!", "?", ";", ":", "'"}) {
            response = PyStr.strip(response, ch);
        }
        response = " " + response + " ";
        boolean indexAns = true;
        List<String> candidates = new ArrayList<>();
        for (String c : allChoices) {
            if (response.contains("(" + c + ")")) {
                candidates.add("(" + c + ")");
            }
        }
        for (String c : allChoices) {
            if (response.contains(c + " ")) {
                candidates.add(c + " ");
            }
        }
        for (String c : allChoices) {
            if (response.contains(c + ".")) {
                candidates.add(c + ".");
            }
        }
        String lower = PyStr.lower(response);
        if (candidates.isEmpty() && PyStr.split(response).size() > 5) {
            for (Map.Entry<String, String> e : index2ans.entrySet()) {
                if (lower.contains(PyStr.lower(e.getValue()))) {
                    candidates.add(e.getKey());
                    indexAns = false;
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Parsed(rng.choice(allChoices), false);
        }
        String pred = candidates.get(0);
        if (candidates.size() > 1) {
            int best = 0;
            int bestPos = Integer.MAX_VALUE;
            for (int i = 0; i < candidates.size(); i++) {
                String can = candidates.get(i);
                int pos = indexAns ? response.lastIndexOf(can) : lower.lastIndexOf(PyStr.lower(index2ans.get(can)));
                if (pos < bestPos) { // np.argmin: the first minimum
                    bestPos = pos;
                    best = i;
                }
            }
            pred = candidates.get(best);
        }
        return new Parsed(PyStr.strip(pred.replace("(", "").replace(")", "").replace(".", "")), true);
    }

    /** {@code get_multi_choice_info(doc)}: A..E mapped to the stripped options. */
    public static Map<String, String> choiceInfo(List<String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            out.put(OPTIONS.get(i), PyStr.strip(options.get(i)));
        }
        return out;
    }

    /** {@code egoschema_process_results_generation}'s predicted index: A..E → 0..4, else -1. */
    public static long predictionIndex(String response, List<String> options, PyRandom rng) {
        Parsed p = parse(response, OPTIONS, choiceInfo(options), rng);
        int i = OPTIONS.indexOf(p.prediction());
        return i;
    }

    /** {@code egoschema_aggregate_score}: the share of records with {@code str(ground_truth) == str(pred)}. */
    public static Object aggregateScore(List<Object> groundTruths, List<Object> preds) {
        long yes = 0;
        for (int i = 0; i < preds.size(); i++) {
            if (PyRepr.str(groundTruths.get(i)).equals(PyRepr.str(preds.get(i)))) {
                yes++;
            }
        }
        return PyOps.truediv(yes, (long) preds.size());
    }
}
