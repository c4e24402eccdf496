package dev.magmaeval.metrics.mind2web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.mind2web.SeeClickStep.StepResult;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.PyRepr;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Mind2Web step scoring and the reported numbers against SeeClick's own agent_tasks/mind2web_test.py run on
 * generated episodes and responses (oracle/mind2web_seeclick.json).
 */
class SeeClickOracleTest {
    @Test
    @SuppressWarnings("unchecked")
    void stepsAndScoresMatchSeeClick() {
        for (JsonNode c : Oracle.cases("mind2web_seeclick.json")) {
            List<Object> episodes = Oracle.list(c.get("episodes"));
            Set<String> missing = new TreeSet<>(Oracle.strings(c.get("missing")));
            Iterator<String> responses = Oracle.strings(c.get("responses")).iterator();
            Iterator<JsonNode> refs = c.get("refs").iterator();
            List<List<StepResult>> results = new ArrayList<>();
            for (Object e : episodes) {
                Map<String, Object> episode = (Map<String, Object>) e;
                List<StepResult> steps = new ArrayList<>();
                for (Object a : (List<Object>) episode.get("actions")) {
                    Map<String, Object> step = (Map<String, Object>) a;
                    if (!step.containsKey("bbox")) {
                        continue;
                    }
                    Map<String, Object> op = (Map<String, Object>) step.get("operation");
                    Map<String, Object> box = (Map<String, Object>) step.get("bbox");
                    List<Object> size = (List<Object>) step.get("_size");
                    SeeClickReference ref = SeeClickReference.of((String) op.get("original_op"),
                            (String) op.get("value"), box.get("x"), box.get("y"), box.get("width"), box.get("height"),
                            (Long) size.get(0), (Long) size.get(1));
                    List<Object> want = (List<Object>) Oracle.value(refs.next().get("ref").get("ok"));
                    assertEquals(want.get(0), ref.actionString(), "action2step " + PyRepr.repr(step));
                    Oracle.assertSame(want.get(1), ref.bbox(), "bbox " + PyRepr.repr(step));
                    String image = episode.get("annotation_id") + "-" + step.get("action_uid") + ".jpg";
                    if (missing.contains(image) || ref.action() == null) {
                        continue;
                    }
                    steps.add(SeeClickStep.score(responses.next(), ref));
                }
                results.add(steps);
            }
            assertEquals(false, responses.hasNext(), "every response consumed");
            JsonNode wantSteps = c.get("steps");
            for (int e = 0; e < results.size(); e++) {
                for (int s = 0; s < results.get(e).size(); s++) {
                    StepResult r = results.get(e).get(s);
                    JsonNode w = wantSteps.get(e).get(s);
                    String id = "episode " + e + " step " + s;
                    assertEquals(w.get("Op_match").asBoolean(), r.opMatch(), "Op_match " + id);
                    assertEquals(w.get("Ele_match").asBoolean(), r.eleMatch(), "Ele_match " + id);
                    Oracle.assertSame(Oracle.value(w.get("Op_F1")), List.of(r.opF1(), r.refActionType()),
                            "Op_F1 " + id);
                }
                assertEquals(wantSteps.get(e).size(), results.get(e).size(), "steps in episode " + e);
            }
            JsonNode scores = c.get("scores");
            if (scores.has("error")) {
                assertThrows(ArithmeticException.class, () -> SeeClickScores.of(results));
                continue;
            }
            SeeClickScores got = SeeClickScores.of(results);
            Oracle.assertSame(Oracle.value(scores.get("op_f1")), got.operationF1(), "Operation F1");
            Oracle.assertSame(Oracle.value(scores.get("ele_acc")), got.elementAccuracy(), "Element Acc");
            Oracle.assertSame(Oracle.value(scores.get("step_sr")), got.stepSuccessRate(), "Step SR");
            Oracle.assertSame(Oracle.value(scores.get("episode_sr")), got.episodeSuccessRate(), "Episode SR");
            Oracle.assertSame(Oracle.value(scores.get("macro_ele_acc")), got.macroElementAccuracy(), "Macro Ele");
            Oracle.assertSame(Oracle.value(scores.get("macro_op_f1")), got.macroOperationF1(), "Macro Op F1");
            Oracle.assertSame(Oracle.value(scores.get("macro_step_sr")), got.macroStepSuccessRate(), "Macro SR");
        }
    }
}
