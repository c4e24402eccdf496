package dev.magmaeval.harness.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.metrics.py.NpFloat64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON as Python's json.dumps writes it (floats by repr, ensure_ascii=False). */
class PyJsonTest {
  @Test
  void compactUsesPythonSeparatorsAndFloatRepr() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1e-05);
    m.put("b", 0.1 + 0.2);
    m.put("c", 1e16);
    m.put("d", 100.0);
    m.put("e", new NpFloat64(0.5));
    m.put("f", Double.NaN);
    m.put("g", Arrays.asList(1L, null, true, "é\n\"x\"\u0001"));
    assertThat(PyJson.compact(m)).isEqualTo(
        "{\"a\": 1e-05, \"b\": 0.30000000000000004, \"c\": 1e+16, \"d\": 100.0, \"e\": 0.5, \"f\": NaN, "
            + "\"g\": [1, null, true, \"é\\n\\\"x\\\"\\u0001\"]}");
  }

  @Test
  void otherObjectsAreWrittenAsTheirStrLikeJsonDumpsDefaultStr() {
    Object fn = new dev.magmaeval.harness.config.FunctionRef("utils.agg", java.nio.file.Path.of("x.yaml"), 3);
    assertThat(PyJson.compact(List.of(fn))).isEqualTo("[\"<function agg>\"]");
  }

  @Test
  void indentedMatchesIndentTwo() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("x", List.of(1L, 2L));
    m.put("y", new LinkedHashMap<>());
    m.put("z", new ArrayList<>());
    assertThat(PyJson.indented(m, 2)).isEqualTo("{\n  \"x\": [\n    1,\n    2\n  ],\n  \"y\": {},\n  \"z\": []\n}");
  }

  @Test
  void modelNamesAreSanitizedLikeLmmsEval() {
    assertThat(ModelNames.modelName("pretrained=lmms-lab/llava-onevision-qwen2-7b-ov,device=cuda"))
        .isEqualTo("lmms-lab/llava-onevision-qwen2-7b-ov");
    assertThat(ModelNames.sanitize("lmms-lab/llava-onevision-qwen2-7b-ov")).isEqualTo("lmms-lab__llava-onevision-qwen2-7b-ov");
    assertThat(ModelNames.sanitize("/a/b/c")).isEqualTo("b__c");
    assertThat(ModelNames.modelName("device=cuda")).isEmpty();
    assertThat(ModelNames.modelName("peft=x,pretrained=y")).isEqualTo("x");
  }

  @Test
  void secretsAreRedacted() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model_args", "pretrained=x,api_key=sk-123,hf_token=abc");
    m.put("openai_api_key", "sk-456");
    m.put("note", "token hf_abcdefghijklmnopqrstuvwxyz123 here");
    assertThat(PyJson.compact(Redaction.redact(m))).isEqualTo("{\"model_args\": \"pretrained=x,api_key=[REDACTED],"
        + "hf_token=[REDACTED]\", \"openai_api_key\": \"[REDACTED]\", \"note\": \"token [REDACTED] here\"}");
  }
}
