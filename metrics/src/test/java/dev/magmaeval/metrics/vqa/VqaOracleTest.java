package dev.magmaeval.metrics.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.PyRepr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EvalAiAnswerProcessor and VqaAccuracy against lmms-eval's EvalAIAnswerProcessor, vqav2_process_results and
 * textvqa_process_results (oracle/vqa_*.json).
 */
class VqaOracleTest {
    private final EvalAiAnswerProcessor p = EvalAiAnswerProcessor.INSTANCE;

    @Test
    void processorStepsMatchUpstream() {
        for (JsonNode c : Oracle.cases("vqa_processor.json")) {
            String s = c.get("s").asText();
            String id = PyRepr.repr(s);
            Oracle.assertOutcome(c.get("punct"), () -> p.processPunctuation(s), "process_punctuation " + id);
            Oracle.assertOutcome(c.get("digit"), () -> p.processDigitArticle(s), "process_digit_article " + id);
            Oracle.assertOutcome(c.get("call"), () -> p.apply(s), "__call__ " + id);
        }
    }

    @Test
    void hasAll120Contractions() {
        assertEquals(120, EvalAiAnswerProcessor.contractionCount());
    }

    @Test
    @SuppressWarnings("unchecked")
    void accuracyMatchesProcessResults() {
        List<JsonNode> cases = Oracle.cases("vqa_accuracy.json");
        assertEquals(700, cases.size());
        for (JsonNode c : cases) {
            List<Map<String, Object>> dicts = new ArrayList<>();
            List<String> answers = new ArrayList<>();
            for (Object o : Oracle.list(c.get("answers"))) {
                dicts.add((Map<String, Object>) o);
                answers.add((String) ((Map<String, Object>) o).get("answer"));
            }
            String pred = c.get("pred").asText();
            String id = PyRepr.repr(answers) + " pred " + PyRepr.repr(pred);
            Map<String, Object> v2 = (Map<String, Object>) Oracle.value(c.get("vqav2").get("ok"));
            Oracle.assertSame(v2.get("exact_match"), VqaAccuracy.vqav2Dicts(dicts, pred), "vqav2 " + id);
            Oracle.assertSame(((Map<String, Object>) v2.get("submission")).get("answer"),
                    VqaAccuracy.vqav2Answer(pred), "vqav2 submission " + id);
            boolean distinctIds = dicts.stream().map(d -> d.get("answer_id")).distinct().count() == dicts.size();
            if (distinctIds) {
                Oracle.assertSame(v2.get("exact_match"), VqaAccuracy.vqav2(answers, pred), "vqav2(strings) " + id);
            }
            Map<String, Object> tv = (Map<String, Object>) Oracle.value(c.get("textvqa").get("ok"));
            Oracle.assertSame(tv.get("exact_match"), VqaAccuracy.textvqa(answers, pred), "textvqa " + id);
            Oracle.assertSame(((Map<String, Object>) tv.get("submission")).get("answer"), p.apply(pred),
                    "textvqa submission " + id);
        }
    }
}
