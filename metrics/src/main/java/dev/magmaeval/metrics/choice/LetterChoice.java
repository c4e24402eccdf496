package dev.magmaeval.metrics.choice;

import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.metrics.py.PyUnicode;
import java.util.List;

/**
 * The anchored letter rule of BLINK, CV-Bench and EmbSpatial ({@code _extract_answer_letter} in their lmms-eval
 * {@code utils.py}): {@code re.match(r"[\(\s]*([A-Z])[\)\.\s]*", text.strip(), re.IGNORECASE)}, upper-cased.
 */
public final class LetterChoice {
    private LetterChoice() {}

    /**
     * The first letter after leading {@code (} and whitespace, upper-cased; {@code ""} when that character is not a
     * letter. Python's case-insensitive {@code [A-Z]} also matches {@code İ ı ſ K(U+212A)}, so those return their
     * {@code upper()} ({@code "İ"}, {@code "I"}, {@code "S"}, {@code "K"}).
     */
    public static String extract(String text) {
        String t = PyStr.strip(text);
        int i = 0;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            if (cp != '(' && !PyUnicode.isSpace(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i >= t.length()) {
            return "";
        }
        int cp = t.codePointAt(i);
        boolean letter = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == 0x130 || cp == 0x131
                || cp == 0x17F || cp == 0x212A;
        return letter ? PyStr.upper(new String(Character.toChars(cp))) : "";
    }

    /** BLINK / CV-Bench {@code is_correct}: the extracted letter equals {@code answer.strip("()")}. */
    public static boolean isCorrect(String response, String answer) {
        return extract(response).equals(PyStr.strip(answer, "()"));
    }

    /** EmbSpatial {@code is_correct}: the extracted letter equals {@code "ABCD"[answer]}. */
    public static boolean isCorrectIndex(String response, int answer) {
        return extract(response).equals(List.of("A", "B", "C", "D").get(answer));
    }

    /**
     * {@code blink_aggregate_results} / {@code cv_bench_aggregate_results} / {@code embspatial_aggregate_results}:
     * correct / total, the int 0 for no results.
     */
    public static Object accuracy(List<Boolean> isCorrect) {
        long correct = isCorrect.stream().filter(b -> b).count();
        return isCorrect.isEmpty() ? (Object) 0L : PyOps.truediv(correct, (long) isCorrect.size());
    }

    /**
     * {@code _aggregate_by_source} (EmbSpatial's per-{@code data_source} accuracies): over the results of that
     * source, {@code sum(scores) / len(scores)}, the float 0.0 when there are none.
     */
    public static Object sourceAccuracy(List<Boolean> isCorrect, List<String> sources, String source) {
        long n = 0;
        long correct = 0;
        for (int i = 0; i < isCorrect.size(); i++) {
            if (source.equals(sources.get(i))) {
                n++;
                correct += isCorrect.get(i) ? 1 : 0;
            }
        }
        return n == 0 ? (Object) 0.0 : PyOps.truediv(correct, n);
    }
}
