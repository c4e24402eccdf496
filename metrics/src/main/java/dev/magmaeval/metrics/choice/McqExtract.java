package dev.magmaeval.metrics.choice;

import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.metrics.py.PyUnicode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code extract_mcq_answer} from lmms-eval's {@code tasks/_task_utils/mcq_extract.py} (Video-MME at v0.7.2):
 * candidates in ten formats with priorities, the best by (priority, position) descending, ties to the first found.
 */
public final class McqExtract {
    /** Video-MME's choices. */
    public static final List<String> ABCD = List.of("A", "B", "C", "D");
    private static final List<String> DEFAULT_CHOICES = List.of("A", "B", "C", "D", "E", "F", "G", "H");
    private static final List<String> ANSWER_PHRASES = List.of("the answer is", "answer is", "the correct answer is",
            "correct answer is", "the best answer is", "best answer is", "the correct option is", "correct option is",
            "the best option is", "best option is", "the choice is", "choice is", "the correct choice is",
            "correct choice is", "i choose", "i select", "i pick", "my answer is", "my choice is", "옵션", "정답은",
            "답은", "답:", "答案是", "答案为", "选", "答えは");
    private static final int START = 10;
    private static final int END = 9;
    private static final int PHRASE = 7;
    private static final int PARENTHESES = 6;
    private static final int PERIOD = 5;
    private static final int COLON = 4;
    private static final int RIGHT_PAREN = 3;
    private static final int SPACE = 2;
    private static final int FALLBACK = 0;

    private McqExtract() {}

    private record Candidate(String letter, int position, int priority) {}

    /** {@code extract_mcq_answer(response, choices)}; null or empty choices mean {@code A..H}. Returns "" if none. */
    public static String extract(String response, List<String> choices) {
        if (response == null || PyStr.strip(response).isEmpty()) {
            return "";
        }
        List<String> all = choices == null || choices.isEmpty() ? DEFAULT_CHOICES : choices;
        String s = PyStr.strip(response);
        for (String ch : new String[] {",", ".", "!", "?", ";", ":", "'", "\""}) {
            s = PyStr.strip(s, ch);
        }
        int[] text = CodePoints.of(" " + s + " ");
        List<Candidate> cands = new ArrayList<>();
        addFormat(cands, all, text, "(", ")", PARENTHESES);
        addFormat(cands, all, text, "", ".", PERIOD);
        addFormat(cands, all, text, "", ":", COLON);
        addFormat(cands, all, text, "", ")", RIGHT_PAREN);
        addFormat(cands, all, text, "", " ", SPACE);
        int[] lower = CodePoints.of(PyStr.lower(new String(text, 0, text.length)));
        for (String phrase : ANSWER_PHRASES) {
            int idx = CodePoints.find(lower, CodePoints.of(phrase), 0);
            if (idx != -1) {
                int after = idx + PyStr.len(phrase); // an index into the lowercased text, used on the original
                for (String ch : all) {
                    int pos = CodePoints.find(text, CodePoints.of(ch), after);
                    if (pos != -1) {
                        cands.add(new Candidate(ch, pos, PHRASE));
                    }
                }
            }
        }
        int[] stripped = CodePoints.of(PyStr.strip(new String(text, 0, text.length)));
        for (String ch : all) {
            int[] c = CodePoints.of(ch);
            if (CodePoints.matchesAt(stripped, c, 0) && (stripped.length == 1 || !PyUnicode.isAlpha(stripped[1]))) {
                cands.add(new Candidate(ch, 0, START));
            }
        }
        for (String ch : all) {
            int[] c = CodePoints.of(ch);
            if (CodePoints.matchesAt(stripped, c, stripped.length - c.length)
                    && (stripped.length == 1 || !PyUnicode.isAlpha(stripped[stripped.length - 2]))) {
                cands.add(new Candidate(ch, text.length - 1, END));
            }
        }
        if (cands.isEmpty()) {
            for (String ch : all) {
                int pos = CodePoints.rfind(text, CodePoints.of(ch));
                if (pos != -1) {
                    cands.add(new Candidate(ch, pos, FALLBACK));
                }
            }
        }
        if (cands.isEmpty()) {
            return "";
        }
        // list.sort(key=(priority, position), reverse=True) is stable: ties keep insertion order
        cands.sort(Comparator.comparingInt(Candidate::priority).thenComparingInt(Candidate::position).reversed());
        return cands.get(0).letter();
    }

    private static void addFormat(List<Candidate> cands, List<String> all, int[] text, String before, String after,
            int priority) {
        for (String ch : all) {
            int pos = CodePoints.rfind(text, CodePoints.of(before + ch + after));
            if (pos != -1) {
                cands.add(new Candidate(ch, pos, priority));
            }
        }
    }
}
