package dev.magmaeval.metrics.mme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.PyRepr;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MmeMetrics against lmms-eval's parse_pred_ans and mme_process_results (oracle/mme.json). */
class MmeOracleTest {
    @Test
    void parsingAndRecordsMatchUpstream() {
        int i = 0;
        for (JsonNode c : Oracle.cases("mme.json")) {
            String pred = c.get("pred").asText();
            String answer = c.get("answer").asText();
            String category = c.get("category").asText();
            String qid = String.valueOf(i++);
            String id = PyRepr.repr(pred) + " vs " + PyRepr.repr(answer);
            Oracle.assertOutcome(c.get("parsed"), () -> MmeMetrics.parsePrediction(pred), "parse " + id);
            Oracle.assertOutcome(c.get("result"), () -> Map.of(MmeMetrics.metricKey(category),
                    MmeMetrics.record(qid, category, pred, answer)), "process_results " + id);
        }
    }
}
