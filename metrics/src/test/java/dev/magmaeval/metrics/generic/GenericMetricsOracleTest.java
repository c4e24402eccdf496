package dev.magmaeval.metrics.generic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.PyRepr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** exact_match and anls against lmms-eval's api/metrics.py (oracle/generic_metrics.json). */
class GenericMetricsOracleTest {
    @Test
    void exactMatchAndAnlsMatchUpstream() {
        for (JsonNode c : Oracle.cases("generic_metrics.json")) {
            List<String> refs = Oracle.strings(c.get("refs"));
            List<String> preds = Oracle.strings(c.get("preds"));
            JsonNode f = c.get("flags");
            List<String> regexes = c.get("regexes").isNull() ? null : Oracle.strings(c.get("regexes"));
            String id = PyRepr.repr(refs) + " vs " + PyRepr.repr(preds) + " " + f;
            Oracle.assertOutcome(c.get("exact_match"), () -> GenericMetrics.exactMatch(refs, preds,
                    f.get(0).asBoolean(), f.get(1).asBoolean(), f.get(2).asBoolean(), regexes), "exact_match " + id);
            List<String> anlsRefs = Oracle.strings(c.get("anls_refs"));
            String anlsPred = c.get("anls_pred").asText();
            Oracle.assertOutcome(c.get("anls"), () -> GenericMetrics.anlsValue(anlsRefs, List.of(anlsPred)),
                    "anls " + PyRepr.repr(anlsRefs) + " vs " + PyRepr.repr(anlsPred));
        }
    }
}
