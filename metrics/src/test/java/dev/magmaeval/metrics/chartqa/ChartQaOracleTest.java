package dev.magmaeval.metrics.chartqa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.PyRepr;
import org.junit.jupiter.api.Test;

/** ChartQaMetrics against lmms-eval's chartqa_process_results and relaxed_correctness (oracle/chartqa.json). */
class ChartQaOracleTest {
    @Test
    void relaxedAccuracyMatchesUpstream() {
        for (JsonNode c : Oracle.cases("chartqa.json")) {
            String pred = c.get("pred").asText();
            String answer = c.get("answer").asText();
            String id = PyRepr.repr(pred) + " vs " + PyRepr.repr(answer);
            Oracle.assertOutcome(c.get("relaxed"), () -> ChartQaMetrics.relaxedCorrectness(pred, answer), id);
            Oracle.assertOutcome(c.get("result"), () -> ChartQaMetrics.processResults(pred, answer,
                    c.get("type").asText()), "process_results " + id);
        }
    }
}
