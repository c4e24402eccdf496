package dev.magmaeval.metrics.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.PyRandom;
import dev.magmaeval.metrics.py.PyRepr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The multiple-choice parsers against lmms-eval's own: MMMU, NExT-QA, EgoSchema (with the global-RNG fallback drawn
 * in case order), extract_mcq_answer / Video-MME, the BLINK/CV-Bench/EmbSpatial letter rule, MVBench and
 * PerceptionTest (oracle/choice.json).
 */
class ChoiceOracleTest {
    private static final List<String> ABCDE = List.of("A", "B", "C", "D", "E");

    @Test
    void parsersMatchUpstream() {
        List<JsonNode> cases = Oracle.cases("choice.json");
        PyRandom global = new PyRandom(1234);
        int i = 0;
        for (JsonNode c : cases) {
            final int n = i++;
            List<String> options = Oracle.strings(c.get("options"));
            String resp = c.get("response").asText();
            String id = "#" + n + " " + PyRepr.repr(resp) + " options " + PyRepr.repr(options);
            Map<String, String> info = MmmuChoice.choiceInfo(options);
            List<String> letters = List.copyOf(info.keySet());
            Oracle.assertOutcome(c.get("mmmu"), () -> MmmuChoice.parse(resp, letters, info, global), "mmmu " + id);
            Oracle.assertOutcome(c.get("mcq_extract"), () -> McqExtract.extract(resp, null), "mcq_extract " + id);
            Oracle.assertOutcome(c.get("videomme"), () -> VideoMmeChoice.extract(resp), "videomme " + id);
            Oracle.assertOutcome(c.get("letter"), () -> LetterChoice.extract(resp), "letter " + id);
            Oracle.assertOutcome(c.get("mvbench_process"), () -> MvBenchChoice.mcqAcc("A", resp), "mcq_acc " + id);
            Oracle.assertOutcome(c.get("perceptiontest"), () -> PerceptionTestChoice.predictionIndex(resp),
                    "perceptiontest " + id);
            if (!c.get("nextqa").isNull()) {
                Map<String, String> stripped = new LinkedHashMap<>();
                info.forEach((k, v) -> stripped.put(k, dev.magmaeval.metrics.py.PyStr.strip(v)));
                Oracle.assertOutcome(c.get("nextqa"), () -> Map.of("exact_match",
                        MmmuChoice.parse(resp, ABCDE, stripped, global).equals(ABCDE.get(n % 5))), "nextqa " + id);
                List<String> egoOptions = Oracle.strings(c.get("ego_options"));
                JsonNode ego = c.get("egoschema").get("ok");
                Oracle.assertSame(Oracle.value(ego.get("score").get("pred")),
                        EgoSchemaChoice.predictionIndex(resp, egoOptions, global), "egoschema " + id);
            }
            String gt = MvBenchChoice.gtLetter(options, c.get("mvbench_answer").asText());
            Oracle.assertSame(Oracle.value(c.get("mvbench").get("ok").get("mvbench_accuracy").get("score")),
                    MvBenchChoice.mcqAcc(gt, resp), "mvbench " + id);
            Oracle.assertSame(Oracle.value(c.get("blink").get("ok").get("blink_acc").get("is_correct")),
                    LetterChoice.isCorrect(resp, "(" + "ABCD".charAt(n % 4) + ")"), "blink " + id);
            Oracle.assertSame(Oracle.value(c.get("embspatial").get("ok").get("embspatial_acc").get("is_correct")),
                    LetterChoice.isCorrectIndex(resp, n % 4), "embspatial " + id);
        }
    }
}
