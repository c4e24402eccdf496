package dev.magmaeval.adapters.magma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.harness.api.GenerationKwargs;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.ModelArgs;
import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.ModelContext;
import dev.magmaeval.harness.api.ModelProvider;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.RequestId;
import dev.magmaeval.harness.api.Response;
import dev.magmaeval.harness.api.Visual;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backend through the harness SPI, on the tiny twin. */
class MagmaBackendTest {
  private static final JsonNode REF = TinyMagma.reference();
  private static ModelBackend backend;

  static ModelBackend open(Map<String, Object> extra, FrameSource frames) throws Exception {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("pretrained", TinyMagma.dir().toString());
    args.put("threads", 1L);
    args.putAll(extra);
    return new MagmaProvider(frames).open(new ModelArgs("", args), context());
  }

  static ModelContext context() {
    return new ModelContext(4, null, null, Map.of(), Path.of("."));
  }

  @BeforeAll
  static void openBackend() throws Exception {
    backend = open(Map.of(), FrameSource.NONE);
  }

  @AfterAll
  static void closeBackend() {
    backend.close();
  }

  private static List<Visual> visuals(JsonNode names) {
    List<Visual> out = new ArrayList<>();
    names.forEach(n -> out.add(Visual.image(TinyMagma.imageOf(n.asText()))));
    return out;
  }

  private static Request.Generation generation(String name, Map<String, Object> kwargs) {
    JsonNode c = REF.path("generation").path(name);
    return new Request.Generation(new RequestId("fixture", name.hashCode(), 0, "test"), c.path("question").asText(),
        visuals(c.path("images")), GenerationKwargs.of(kwargs));
  }

  private static Map<String, Object> maxNew(int n) {
    return Map.of("max_new_tokens", (long) n);
  }

  @Test
  void isFoundByServiceLoaderAsMagma() {
    assertThat(ServiceLoader.load(ModelProvider.class).stream().map(p -> p.get().name())).contains("magma");
  }

  @Test
  void preparedBatchAnswersLikeThePyTorchReference() throws Exception {
    List<Request.Generation> batch = new ArrayList<>();
    REF.path("batch").forEach(n -> batch.add(generation(n.asText(), maxNew(REF.path("max_new_tokens").asInt()))));
    for (Request.Generation g : batch) backend.prepare(g);
    List<Response> out = backend.generateUntil(batch);
    for (int i = 0; i < batch.size(); i++) {
      JsonNode c = REF.path("generation").path(REF.path("batch").get(i).asText());
      Response.Text text = (Response.Text) out.get(i);
      assertThat(text.text()).isEqualTo(c.path("text").asText());
      assertThat(text.tokens().inputTokens()).isEqualTo(c.path("merged_length").asInt());
      assertThat(text.tokens().outputTokens()).isEqualTo(c.path("tokens").size());
    }
  }

  @Test
  void sequentialBatchModeAnswersLikeThePaddedOne() throws Exception {
    List<Request.Generation> batch = new ArrayList<>();
    REF.path("generation").fieldNames().forEachRemaining(n -> batch.add(generation(n, maxNew(20))));
    try (ModelBackend sequential = open(Map.of("batch_mode", "sequential"), FrameSource.NONE)) {
      List<Response> one = sequential.generateUntil(batch);
      List<Response> padded = backend.generateUntil(batch);
      assertThat(one).isEqualTo(padded);
      assertThat(one).allSatisfy(r -> assertThat(r).isInstanceOf(Response.Text.class));
    }
  }

  @Test
  void stopsAtTheFirstUntilStringAndCutsTheTextThere() throws Exception {
    String full = REF.path("generation").path("square").path("text").asText();
    String stop = full.substring(6, 9);
    Map<String, Object> kwargs = Map.of("max_new_tokens", 20L, "until", List.of("never-generated", stop));
    Response.Text cut = (Response.Text) backend.generateUntil(List.of(generation("square", kwargs))).get(0);
    assertThat(cut.text()).isEqualTo(PyStrings.strip(full.substring(0, full.indexOf(stop))));
    assertThat(cut.tokens().outputTokens()).isLessThan(REF.path("generation").path("square").path("tokens").size());
    try (ModelBackend ignoring = open(Map.of("honor_until", false), FrameSource.NONE)) {
      Response.Text whole = (Response.Text) ignoring.generateUntil(List.of(generation("square", kwargs))).get(0);
      assertThat(whole.text()).isEqualTo(full);
    }
  }

  @Test
  void maxNewTokensLimitsTheAnswer() {
    Response.Text three = (Response.Text) backend.generateUntil(List.of(generation("wide", maxNew(3)))).get(0);
    assertThat(three.tokens().outputTokens()).isEqualTo(3);
    assertThat(REF.path("generation").path("wide").path("text").asText()).startsWith(three.text());
  }

  @Test
  void aCorruptImageFailsOnlyItsOwnRequest() {
    Request.Generation bad = new Request.Generation(new RequestId("fixture", 99, 0, "test"), "What is it?",
        List.of(Visual.image(ImageData.encoded(new byte[] {1, 2, 3}, "broken.png", "test"))),
        GenerationKwargs.of(maxNew(20)));
    List<Response> out = backend.generateUntil(List.of(bad, generation("text_only", maxNew(20))));
    assertThat(out.get(0)).isInstanceOf(Response.Failure.class);
    assertThat(((Response.Failure) out.get(0)).error()).contains("broken.png");
    assertThat(((Response.Text) out.get(1)).text())
        .isEqualTo(REF.path("generation").path("text_only").path("text").asText());
  }

  @Test
  void loglikelihoodIsTheMeanTokenLossOfTheAnswerTurn() {
    List<Request.Loglikelihood> batch = new ArrayList<>();
    for (JsonNode c : REF.path("loglikelihood")) {
      batch.add(new Request.Loglikelihood(new RequestId("mc", 1, batch.size(), "test"), c.path("context").asText(),
          c.path("continuation").asText(), visuals(c.path("images"))));
    }
    List<Response> out = backend.loglikelihood(batch);
    for (int i = 0; i < batch.size(); i++) {
      JsonNode c = REF.path("loglikelihood").get(i);
      Response.Loglikelihood ll = (Response.Loglikelihood) out.get(i);
      assertThat(ll.loss()).isCloseTo(c.path("loss").asDouble(), within(1e-4));
      assertThat(ll.greedy()).isEqualTo(c.path("greedy").asBoolean());
    }
  }

  @Test
  void videoFramesAreFedAsImagesWithVideoNumCrops() throws Exception {
    JsonNode two = REF.path("generation").path("two_images");
    FrameSource frames = (video, n) -> {
      assertThat(n).isEqualTo(32);
      List<java.awt.image.BufferedImage> out = new ArrayList<>();
      two.path("images").forEach(name -> out.add(TinyMagma.imageOf(name.asText()).decode()));
      return out;
    };
    Request.Generation request = new Request.Generation(new RequestId("video", 0, 0, "test"),
        two.path("question").asText(), List.of(Visual.video(Path.of("clip.mp4"))), GenerationKwargs.of(maxNew(20)));
    try (ModelBackend fourCrops = open(Map.of("video_num_crops", 4L), frames)) {
      Response.Text text = (Response.Text) fourCrops.generateUntil(List.of(request)).get(0);
      assertThat(text.text()).isEqualTo(two.path("text").asText());
    }
    try (ModelBackend oneCrop = open(Map.of(), frames)) {
      Response.Text text = (Response.Text) oneCrop.generateUntil(List.of(request)).get(0);
      int textTokens = two.path("input_ids").size() - 2;
      assertThat(text.tokens().inputTokens()).isEqualTo(textTokens + 2 * 16 * 17);
    }
    Response noSampler = backend.generateUntil(List.of(request)).get(0);
    assertThat(((Response.Failure) noSampler).error()).contains("clip.mp4");
  }

  @Test
  void fingerprintIsStableAndFollowsSettingsThatChangeOutputs() throws Exception {
    String base = backend.fingerprint();
    try (ModelBackend same = open(Map.of("threads", 2L), FrameSource.NONE);
        ModelBackend fp16 = open(Map.of("dtype", "fp16"), FrameSource.NONE);
        ModelBackend oneCrop = open(Map.of("num_crops", 1L), FrameSource.NONE)) {
      assertThat(same.fingerprint()).isEqualTo(base);
      assertThat(fp16.fingerprint()).isNotEqualTo(base);
      assertThat(oneCrop.fingerprint()).isNotEqualTo(base).isNotEqualTo(fp16.fingerprint());
    }
  }

  @Test
  void fp16ExportGivesTheReferenceTokensWhereTheReferenceIsNotCloseToATie() throws Exception {
    try (ModelBackend fp16 = open(Map.of("dtype", "fp16"), FrameSource.NONE)) {
      for (String name : List.of("square", "wide", "text_only", "two_images")) {
        JsonNode c = REF.path("generation").path(name);
        assertThat(c.path("min_top2_gap").asDouble()).isGreaterThan(0.03);
        Response.Text t = (Response.Text) fp16.generateUntil(List.of(generation(name, maxNew(20)))).get(0);
        assertThat(t.text()).as(name).isEqualTo(c.path("text").asText());
      }
    }
  }
}
