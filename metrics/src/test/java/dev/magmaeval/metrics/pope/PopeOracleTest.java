package dev.magmaeval.metrics.pope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.PyRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PopeMetrics against lmms-eval's pope_process_results and its five aggregations (oracle/pope*.json). */
class PopeOracleTest {
    @Test
    void recordsMatchUpstream() {
        for (JsonNode c : Oracle.cases("pope.json")) {
            String pred = c.get("pred").asText();
            String answer = c.get("doc").get("answer").asText();
            String qid = c.get("doc").get("question_id").asText();
            Oracle.assertOutcome(c.get("result"), () -> {
                Map<String, Object> r = PopeMetrics.record(qid, pred, answer);
                Map<String, Object> all = new LinkedHashMap<>();
                PopeMetrics.METRICS.forEach(m -> all.put(m, r));
                return all;
            }, PyRepr.repr(pred) + " vs " + PyRepr.repr(answer));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aggregationsMatchUpstream() {
        for (JsonNode c : Oracle.cases("pope_aggregate.json")) {
            List<Map<String, Object>> recs = new ArrayList<>();
            Oracle.list(c.get("records")).forEach(r -> recs.add((Map<String, Object>) r));
            String id = "n=" + recs.size();
            Oracle.assertOutcome(c.get("accuracy"), () -> PopeMetrics.accuracy(recs), "accuracy " + id);
            Oracle.assertOutcome(c.get("precision"), () -> PopeMetrics.precision(recs), "precision " + id);
            Oracle.assertOutcome(c.get("recall"), () -> PopeMetrics.recall(recs), "recall " + id);
            Oracle.assertOutcome(c.get("f1"), () -> PopeMetrics.f1(recs), "f1 " + id);
            Oracle.assertOutcome(c.get("yes_ratio"), () -> PopeMetrics.yesRatio(recs), "yes_ratio " + id);
        }
    }
}
