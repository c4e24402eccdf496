package dev.magmaeval.metrics.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The choice families' aggregations against lmms-eval's (oracle/choice_aggregate.json). */
class ChoiceAggregateOracleTest {
    @Test
    @SuppressWarnings("unchecked")
    void aggregationsMatchUpstream() {
        for (JsonNode c : Oracle.cases("choice_aggregate.json")) {
            List<Map<String, Object>> mv = new ArrayList<>();
            Oracle.list(c.get("mvbench")).forEach(r -> mv.add((Map<String, Object>) r));
            Oracle.assertOutcome(c.get("mvbench_agg"), () -> MvBenchChoice.aggregate(mv), "mvbench");
            List<Object> gts = new ArrayList<>();
            List<Object> preds = new ArrayList<>();
            Oracle.list(c.get("ego")).forEach(r -> {
                gts.add(((Map<String, Object>) r).get("ground_truth"));
                preds.add(((Map<String, Object>) r).get("pred"));
            });
            Oracle.assertOutcome(c.get("ego_agg"), () -> EgoSchemaChoice.aggregateScore(gts, preds), "egoschema");
            List<Long> pt = new ArrayList<>();
            c.get("pt").forEach(x -> pt.add(x.asLong()));
            Oracle.assertOutcome(c.get("pt_agg"), () -> PerceptionTestChoice.accuracy(pt), "perceptiontest");
            List<Boolean> correct = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            Oracle.list(c.get("blink")).forEach(r -> {
                correct.add((Boolean) ((Map<String, Object>) r).get("is_correct"));
                sources.add((String) ((Map<String, Object>) r).get("data_source"));
            });
            Oracle.assertOutcome(c.get("blink_agg"), () -> LetterChoice.accuracy(correct), "blink");
            Oracle.assertOutcome(c.get("emb_agg"), () -> LetterChoice.accuracy(correct), "embspatial");
            c.get("emb_sources").fields().forEachRemaining(e -> Oracle.assertOutcome(e.getValue(),
                    () -> LetterChoice.sourceAccuracy(correct, sources, e.getKey()), "embspatial " + e.getKey()));
            List<Map<String, Object>> vm = new ArrayList<>();
            Oracle.list(c.get("videomme")).forEach(r -> vm.add((Map<String, Object>) r));
            Oracle.assertOutcome(c.get("videomme_agg"), () -> VideoMmeChoice.aggregate(vm), "videomme");
        }
    }
}
