package dev.magmaeval.adapters.magma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Greedy tokens of the tiny twin through ONNX Runtime against the PyTorch reference (scripts/magma/generate.py),
 * at batch 1 and in left-padded batches of mixed lengths.
 */
class GenerationParityTest {
  private static final JsonNode REF = TinyMagma.reference();
  private static MagmaConfig config;
  private static MagmaTokenizer tokenizer;
  private static MagmaSessions sessions;
  private static Generator generator;

  @BeforeAll
  static void open() throws Exception {
    config = MagmaConfig.load(TinyMagma.dir());
    tokenizer = MagmaTokenizer.load(TinyMagma.dir(), config);
    sessions = MagmaSessions.open(TinyMagma.dir(), config, "fp32", new Execution(false, 0, 1), Map.of());
    generator = new Generator(sessions, tokenizer, config);
  }

  @AfterAll
  static void close() throws Exception {
    sessions.close();
    tokenizer.close();
  }

  static long[] ids(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) out[i] = array.get(i).asLong();
    return out;
  }

  static Generator.Prompt prompt(JsonNode ids, JsonNode imageNames, MagmaConfig config) {
    ImagePreprocessor pre = new ImagePreprocessor(config.image().mean(), config.image().std(), 512);
    List<PixelValues> images = new ArrayList<>();
    for (JsonNode name : imageNames) {
      images.add(pre.process(RgbImage.of(TinyMagma.imageOf(name.asText()).decode()), 4));
    }
    return new Generator.Prompt(ids(ids), images);
  }

  private static Generator.Prompt prompt(String name) {
    JsonNode c = REF.path("generation").path(name);
    return prompt(c.path("input_ids"), c.path("images"), config);
  }

  private static Generator.Limits limits() {
    return new Generator.Limits(REF.path("max_new_tokens").asInt(), List.of());
  }

  private static void assertMatches(String name, Generator.Output out) {
    JsonNode c = REF.path("generation").path(name);
    assertThat(out.tokens()).as(name + " tokens").containsExactly(ids(c.path("tokens")));
    assertThat(out.text()).as(name + " text").isEqualTo(c.path("text").asText());
    assertThat(out.promptLength()).as(name + " merged length").isEqualTo(c.path("merged_length").asInt());
  }

  @TestFactory
  List<DynamicTest> batchOfOneMatchesPyTorch() {
    List<DynamicTest> tests = new ArrayList<>();
    REF.path("generation").fieldNames().forEachRemaining(name -> tests.add(DynamicTest.dynamicTest(name,
        () -> assertMatches(name, generator.generate(List.of(prompt(name)), limits()).get(0)))));
    return tests;
  }

  @Test
  void leftPaddedBatchOfFourMatchesBatchOfOne() throws Exception {
    List<String> names = new ArrayList<>();
    REF.path("batch").forEach(n -> names.add(n.asText()));
    List<Generator.Output> out = generator.generate(names.stream().map(GenerationParityTest::prompt).toList(), limits());
    for (int i = 0; i < names.size(); i++) assertMatches(names.get(i), out.get(i));
  }

  @Test
  void everyFixtureInOneBatchMatchesBatchOfOne() throws Exception {
    List<String> names = new ArrayList<>();
    REF.path("generation").fieldNames().forEachRemaining(names::add);
    List<Generator.Output> out = generator.generate(names.stream().map(GenerationParityTest::prompt).toList(), limits());
    for (int i = 0; i < names.size(); i++) assertMatches(names.get(i), out.get(i));
  }

  @TestFactory
  List<DynamicTest> loglikelihoodMatchesPyTorch() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : REF.path("loglikelihood")) {
      tests.add(DynamicTest.dynamicTest(c.path("continuation").asText(), () -> {
        double[] s = generator.score(prompt(c.path("full_ids"), c.path("images"), config),
            c.path("context_length").asInt());
        assertThat(s[0]).isCloseTo(c.path("loss").asDouble(), within(1e-4));
        assertThat(s[1] == 1).isEqualTo(c.path("greedy").asBoolean());
      }));
    }
    return tests;
  }

  @Test
  void nonFiniteImageFeaturesAreAnErrorNotAnAnswer() {
    java.nio.ByteBuffer fp16 = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder());
    fp16.putShort(0, (short) 0x3c00).putShort(2, (short) 0x7c00); // 1.0, +inf
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PromptEmbeddings.requireFinite(fp16, ElementType.FP16))
        .hasMessageContaining("--vision-fp32");
    java.nio.ByteBuffer fp32 = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder());
    fp32.putFloat(0, 1f).putFloat(4, 65504f);
    PromptEmbeddings.requireFinite(fp32, ElementType.FP32);
    fp32.putFloat(4, Float.NaN);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PromptEmbeddings.requireFinite(fp32, ElementType.FP32))
        .isInstanceOf(IllegalStateException.class);
  }
}
