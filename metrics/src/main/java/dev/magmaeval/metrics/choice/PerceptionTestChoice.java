package dev.magmaeval.metrics.choice;

import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyRegex;
import dev.magmaeval.metrics.py.PyStr;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PerceptionTest (val) multiple choice, as {@code tasks/perceptiontest/val/utils.py} in lmms-eval. */
public final class PerceptionTestChoice {
    private static final Pattern LETTER = PyRegex.compile("\\b([A-D])\\b");

    private PerceptionTestChoice() {}

    /** The first standalone {@code A}-{@code D} (case-sensitive, Unicode word boundaries) as 0..3, else -1. */
    public static long predictionIndex(String response) {
        Matcher m = LETTER.matcher(PyStr.strip(response));
        return m.find() ? m.group(1).charAt(0) - 'A' : -1;
    }

    /** The record's {@code correct}: 1 when the index equals {@code int(answer_id)}, else 0. */
    public static long correct(String response, long answerId) {
        return predictionIndex(response) == answerId ? 1 : 0;
    }

    /** {@code perceptiontest_val_aggregate_accuracy}: the share of records with {@code correct == 1}. */
    public static Object accuracy(List<Long> correct) {
        long yes = correct.stream().filter(c -> c == 1).count();
        return PyOps.truediv(yes, (long) correct.size());
    }
}
