package dev.magmaeval.metrics.webbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.PyRepr;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * VisualWebBenchMetrics against lmms-eval's visualwebbench utils run with the python rouge package (pltrdy/rouge)
 * (oracle/webbench_*.json).
 */
class VisualWebBenchOracleTest {
    @Test
    void rougeMatchesUpstream() {
        for (JsonNode c : Oracle.cases("webbench_rouge.json")) {
            String pred = c.get("pred").asText();
            String gold = c.get("gold").asText();
            String task = c.get("task").asText();
            Oracle.assertOutcome(c.get("rouge"), () -> VisualWebBenchMetrics.rouge(task, pred, gold),
                    task + " " + PyRepr.repr(pred) + " vs " + PyRepr.repr(gold));
        }
    }

    @Test
    void choiceAndWebqaMatchUpstream() {
        for (JsonNode c : Oracle.cases("webbench_choice.json")) {
            String pred = c.get("pred").asText();
            if (c.has("f1")) {
                Object gold = Oracle.value(c.get("gold"));
                Oracle.assertOutcome(c.get("f1"), () -> Map.of("f1_score", VisualWebBenchMetrics.webqaF1(pred, gold)),
                        "webqa " + PyRepr.repr(pred) + " vs " + PyRepr.repr(gold));
            } else {
                long answer = c.get("answer").asLong();
                Oracle.assertOutcome(c.get("parsed"), () -> VisualWebBenchMetrics.parseChoice(pred),
                        "parse " + PyRepr.repr(pred));
                Oracle.assertOutcome(c.get("accuracy"), () -> Map.of("accuracy",
                        VisualWebBenchMetrics.accuracy(pred, answer)), "accuracy " + PyRepr.repr(pred));
            }
        }
    }
}
