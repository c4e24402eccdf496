package dev.magmaeval.metrics.choice;

import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyRegex;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.metrics.vqa.EvalAiAnswerProcessor;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MVBench's scoring, as {@code tasks/mvbench/utils.py} ({@code mcq_acc}, process and aggregate) in lmms-eval. */
public final class MvBenchChoice {
    private static final Pattern OPTION = PyRegex.compile("^([A-Ea-e])\\.\\s*(.+)$");
    private static final Pattern LETTER = PyRegex.compile("\\b([A-Ea-e])\\b");

    private MvBenchChoice() {}

    /**
     * The ground-truth letter: {@code string.ascii_uppercase[i]} for the first candidate equal to the answer.
     *
     * @throws IllegalArgumentException when no candidate equals the answer (upstream then fails on None.strip())
     */
    public static String gtLetter(List<String> candidates, String answer) {
        int i = candidates.indexOf(answer);
        if (i < 0) {
            throw new IllegalArgumentException("MVBench answer '" + answer + "' is not among the candidates");
        }
        return String.valueOf((char) ('A' + i));
    }

    /** {@code mcq_acc(answer, pred)}: 1 when both process to the same string, else 0 (Python ints). */
    public static long mcqAcc(String answer, String pred) {
        return process(pred).equals(process(answer)) ? 1 : 0;
    }

    /** {@code process} inside {@code mcq_acc}: an option letter, or the normalized text. */
    public static String process(String answer) {
        Matcher m = OPTION.matcher(PyStr.strip(answer));
        if (m.find()) {
            return PyStr.upper(m.group(1));
        }
        String a = PyStr.strip(answer.replace("\n", " ").replace("\t", " "));
        a = EvalAiAnswerProcessor.INSTANCE.processPunctuation(a, EvalAiAnswerProcessor.hasDigitSingleCommaDigit(a));
        a = PyStr.strip(a, "'");
        a = PyStr.strip(a, "\"");
        a = PyStr.strip(a, ")");
        a = PyStr.strip(a, "(");
        a = PyStr.lower(PyStr.strip(a));
        Matcher l = LETTER.matcher(a);
        return l.find() ? PyStr.upper(l.group(1)) : a;
    }

    /**
     * {@code mvbench_aggregate_results} over records {@code {pred_answer, gt_answer, score}}: {@code 100 * correct /
     * answered}, where answered skips empty raw predictions; the int 0 when none was answered.
     */
    public static Object aggregate(List<Map<String, Object>> results) {
        long answered = 0;
        Object correct = 0L;
        for (Map<String, Object> r : results) {
            if (!"".equals(r.get("pred_answer"))) {
                answered++;
                correct = PyOps.add(correct, r.get("score"));
            }
        }
        return answered > 0 ? PyOps.truediv(PyOps.mul(100L, correct), answered) : (Object) 0L;
    }
}
