package dev.magmaeval.metrics.choice;

import dev.magmaeval.metrics.py.PyRandom;
import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MMMU-style multiple-choice parser: {@code parse_mmmu_multi_choice_response} in lmms-eval's
 * {@code tasks/_task_utils/mmmu_mcq_utils.py}, which NExT-QA's {@code parse_multi_choice_response} repeats.
 */
public final class MmmuChoice {
    private MmmuChoice() {}

    /** {@code get_multi_choice_info(options)}: letters from {@code A} mapped to the options, in order. */
    public static Map<String, String> choiceInfo(List<String> options) {
        Map<String, String> index2ans = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            index2ans.put(String.valueOf((char) ('A' + i)), options.get(i));
        }
        return index2ans;
    }

    /**
     * Parses a response into one of {@code allChoices}: strip {@code , . ! ? ; : '} from both ends (one after the
     * other), pad with spaces, then candidates {@code (X)}, else {@code "X "}, else {@code "X."}, else (more than five
     * words) options whose text occurs case-insensitively; several candidates: the one found last; none:
     * {@code random.choice(allChoices)} drawn from {@code rng}, the caller's stand-in for Python's global RNG.
     */
    public static String parse(String response, List<String> allChoices, Map<String, String> index2ans,
            PyRandom rng) {
        for (String ch : new String[] {",", ".", "!", "?", ";", ":", "'"}) {
            response = PyStr.strip(response, ch);
        }
        response = " " + response + " ";
        boolean indexAns = true;
        boolean withBracket = false;
        List<String> candidates = new ArrayList<>();
        for (String c : allChoices) {
            if (response.contains("(" + c + ")")) {
                candidates.add(c);
                withBracket = true;
            }
        }
        if (candidates.isEmpty()) {
            for (String c : allChoices) {
                if (response.contains(c + " ")) {
                    candidates.add(c);
                }
            }
        }
        if (candidates.isEmpty()) {
            for (String c : allChoices) {
                if (response.contains(c + ".")) {
                    candidates.add(c);
                }
            }
        }
        String lower = null;
        if (candidates.isEmpty() && PyStr.split(response).size() > 5) {
            lower = PyStr.lower(response);
            for (Map.Entry<String, String> e : index2ans.entrySet()) {
                if (lower.contains(PyStr.lower(e.getValue()))) {
                    candidates.add(e.getKey());
                    indexAns = false;
                }
            }
        }
        if (candidates.isEmpty()) {
            return rng.choice(allChoices);
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        int best = 0;
        int bestPos = Integer.MIN_VALUE;
        for (int i = 0; i < candidates.size(); i++) {
            String can = candidates.get(i);
            int pos;
            if (!indexAns) {
                pos = lower.lastIndexOf(PyStr.lower(index2ans.get(can)));
            } else if (withBracket) {
                pos = response.lastIndexOf("(" + can + ")");
            } else {
                pos = response.lastIndexOf(" " + can + " ");
            }
            if (pos > bestPos) { // np.argmax: the first maximum
                bestPos = pos;
                best = i;
            }
        }
        return candidates.get(best);
    }
}
