package dev.magmaeval.metrics.mme;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MmeMetrics.aggregate against mme_aggregate_results under CPython 3.12 (oracle/mme_aggregate.json). */
class MmeAggregateOracleTest {
    @Test
    @SuppressWarnings("unchecked")
    void categorySumsMatchUpstream() {
        for (JsonNode c : Oracle.cases("mme_aggregate.json")) {
            List<Map<String, Object>> recs = new ArrayList<>();
            Oracle.list(c.get("records")).forEach(r -> recs.add((Map<String, Object>) r));
            Oracle.assertOutcome(c.get("score"), () -> MmeMetrics.aggregate(recs), "n=" + recs.size());
        }
    }
}
