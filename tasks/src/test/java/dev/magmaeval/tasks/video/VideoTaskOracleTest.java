package dev.magmaeval.tasks.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.testkit.PyValues;
import dev.magmaeval.harness.testkit.TestTaskContext;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The video tasks' functions against lmms-eval's own (scripts/fixtures/video/lmms_eval_task_oracle.py) on the fixture
 * docs: prompts, targets, the per-doc dicts (given the parsed answer lmms-eval's parser produced) and aggregations.
 */
class VideoTaskOracleTest {
  static final Path FIXTURES = Path.of("../scripts/fixtures");
  static final Path ORACLE = Path.of("src/test/resources/video");
  static final ObjectMapper JSON = new ObjectMapper();

  static final String ANSWER_DIRECTLY = "\nAnswer with the option's letter from the given choices directly.";

  @Test
  void videomme() throws IOException {
    Map<String, TaskFunction> f = functions(new VideoMmeFunctions());
    JsonNode oracle = oracle("videomme");
    Map<String, Object> kwargs = Map.of("pre_prompt", "", "post_prompt", ANSWER_DIRECTLY);
    for (Doc doc : docs("videomme")) {
      assertThat(text(f, "utils.videomme_doc_to_text", doc, kwargs)).isEqualTo(oracle.get("prompts").get(doc.id()).asText());
      assertThat(doc.str("answer")).isEqualTo(oracle.get("targets").get(doc.id()).asText());
    }
    assertProcessResults(processResults(f, "utils.videomme_process_results", "videomme"), oracle, "videomme");
    assertAggregate(f, "utils.videomme_aggregate_results", oracle, "videomme_perception_score");
  }

  @Test
  void mvbench() throws IOException {
    Map<String, TaskFunction> f = functions(new MvBenchFunctions());
    for (String sub : MvBenchFunctions.FOLDERS.keySet()) {
      String task = "mvbench_" + sub;
      JsonNode oracle = oracle(task);
      Map<String, Object> kwargs = Map.of("sub_task", sub, "post_prompt", "Only give the best option.\n");
      for (Doc doc : docs(task)) {
        assertThat(text(f, "utils.mvbench_doc_to_text", doc, kwargs)).isEqualTo(oracle.get("prompts").get(doc.id()).asText());
      }
      assertProcessResults(processResults(f, "utils.mvbench_process_results", task), oracle, task);
      assertAggregate(f, "utils.mvbench_aggregate_results", oracle, "mvbench_accuracy");
    }
  }

  @Test
  void anMvbenchAnswerThatIsNoCandidateIsAnErrorNamingTheDoc() {
    Doc doc = new Doc(3, Map.of("candidates", List.of("up", "down"), "answer", "left"), "action_antonym.json");
    assertThatThrownBy(() -> MvBenchFunctions.processResults(doc, "(A) up"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action_antonym.json: doc 3, field answer: MVBench answer 'left' is not among the candidates [up, down]");
  }

  /** The random fallback draws from the run's random state, seeded 0 as the oracle's (one task per run). */
  @Test
  void nextqaAndIntentqa() throws IOException {
    for (String task : List.of("nextqa_mc_test", "intentqa")) {
      boolean intent = task.equals("intentqa");
      Map<String, TaskFunction> f = functions(intent ? new IntentQaFunctions() : new NextQaFunctions());
      String prefix = intent ? "utils.intentqa" : "utils.nextqa";
      JsonNode oracle = oracle(task);
      for (Doc doc : docs(task)) {
        assertThat(text(f, prefix + "_doc_to_text_mc", doc, null)).isEqualTo(oracle.get("prompts").get(doc.id()).asText());
        Object target = ((TaskFunction.DocToTarget) f.get(prefix + "_doc_to_target")).apply(doc, null);
        assertThat(String.valueOf(target)).isEqualTo(oracle.get("targets").get(doc.id()).asText());
      }
      assertProcessResults(processResults(f, prefix + "_mc_process_results", task), oracle, task);
    }
  }

  @Test
  void egoschemaSubset() throws IOException {
    Map<String, TaskFunction> f = functions(new EgoSchemaFunctions());
    JsonNode oracle = oracle("egoschema_subset");
    Map<String, Object> kwargs = Map.of("pre_prompt", "", "post_prompt", ANSWER_DIRECTLY);
    for (Doc doc : docs("egoschema_subset")) {
      assertThat(text(f, "utils.egoschema_doc_to_text", doc, kwargs)).isEqualTo(oracle.get("prompts").get(doc.id()).asText());
    }
    assertProcessResults(processResults(f, "utils.egoschema_process_results_generation", "egoschema_subset"), oracle,
        "egoschema_subset");
    assertAggregate(f, "utils.egoschema_aggregate_score", oracle, "score");
  }

  @Test
  void perceptiontestValMc() throws IOException {
    Map<String, TaskFunction> f = functions(new PerceptionTestFunctions());
    JsonNode oracle = oracle("perceptiontest_val_mc");
    for (Doc doc : docs("perceptiontest_val_mc")) {
      assertThat(text(f, "utils.perceptiontest_val_doc_to_text", doc, Map.of("pre_prompt", "", "post_prompt", "")))
          .isEqualTo(oracle.get("prompts").get(doc.id()).asText());
    }
    assertProcessResults(processResults(f, "utils.perceptiontest_val_process_results_mc", "perceptiontest_val_mc"),
        oracle, "perceptiontest_val_mc");
    assertAggregate(f, "utils.perceptiontest_val_aggregate_accuracy", oracle, "accuracy");
  }

  @Test
  void egoschemaSubmissionIsWrittenWithIndentFour() throws IOException {
    Path out = Files.createTempDirectory("ego");
    TestTaskContext ctx = context("egoschema", "egoschema", Optional.empty(), Optional.empty(), Map.of())
        .outputPath(out).clock(Clock.fixed(java.time.Instant.parse("2026-01-02T11:04:05Z"), java.time.ZoneOffset.UTC));
    Map<String, Object> a = new LinkedHashMap<>(Map.of("vid-a", 2L));
    Object value = ((TaskFunction.Aggregation) functions(new EgoSchemaFunctions()).get("utils.egoschema_aggregate_mc"))
        .apply(List.of(a, Map.of("vid-b", -1L)), ctx);
    assertThat(value).isNull();
    try (var files = Files.list(out.resolve("submissions"))) {
      Path file = files.findFirst().orElseThrow();
      assertThat(file.getFileName().toString()).startsWith("inference_results_egoschema_MC_2026-01-02-").endsWith(".json");
      assertThat(Files.readString(file)).isEqualTo("{\n    \"vid-a\": 2,\n    \"vid-b\": -1\n}");
    }
  }

  @Test
  void videosAreFoundUnderHfHomeAndTheDatasetFolder() {
    TestTaskContext mme = context("videomme", "videomme", Optional.empty(), Optional.empty(),
        Map.of("HF_HOME", FIXTURES.resolve("hf_home").toString()));
    Visual v = ((TaskFunction.DocToVisual) ((TaskFunction.Factory) functions(new VideoMmeFunctions())
        .get("utils.videomme_doc_to_visual")).create(mme)).apply(docs("videomme").get(0), null).get(0);
    assertThat(((Visual.Video) v).path()).isEqualTo(FIXTURES.resolve("hf_home/videomme/data/Fx3vQ8bk2Lc.mp4"));
    assertThat(mme.warnings).isEmpty();

    Path snapshot = FIXTURES.resolve("hub/datasets--OpenGVLab--MVBench/snapshots/3c6c0b9b052c39cffd445cfe822f4f793b820131");
    TestTaskContext mv = context("mvbench_action_antonym", "mvbench_video", Optional.empty(), Optional.of(snapshot),
        Map.of("HF_HOME", "/nonexistent"));
    TaskFunction.DocToVisual visual = (TaskFunction.DocToVisual) ((TaskFunction.Factory) functions(new MvBenchFunctions())
        .get("utils.mvbench_doc_to_visual")).create(mv);
    Visual found = visual.apply(docs("mvbench_action_antonym").get(0), Map.of("sub_task", "action_antonym")).get(0);
    assertThat(((Visual.Video) found).path()).isEqualTo(snapshot.resolve("ssv2_video_mp4/142103.mp4"));
  }

  @Test
  void aMissingVideoIsAMediaErrorNamingWhereItWasLookedFor() throws IOException {
    Path hfHome = Files.createTempDirectory("hf");
    Files.createDirectories(hfHome.resolve("egoschema/videos"));
    TestTaskContext ctx = context("egoschema_subset", "egoschema", Optional.empty(), Optional.empty(),
        Map.of("HF_HOME", hfHome.toString()));
    TaskFunction.DocToVisual visual = (TaskFunction.DocToVisual) ((TaskFunction.Factory) functions(new EgoSchemaFunctions())
        .get("utils.egoschema_doc_to_visual")).create(ctx);
    Doc doc = docs("egoschema_subset").get(0);
    assertThatThrownBy(() -> visual.apply(doc, null)).isInstanceOf(MediaException.class)
        .hasMessageStartingWith("video not found: " + hfHome.resolve("egoschema/videos/" + doc.str("video_idx") + ".mp4"));
  }

  @Test
  void archivesThatAreNotUnpackedGetTheCommandThatUnpacksThem() throws IOException {
    Path snapshot = Files.createTempDirectory("snap");
    Files.write(snapshot.resolve("videos_chunked_01.zip"), new byte[] {1});
    TestTaskContext ctx = context("perceptiontest_val_mc", "perceptiontest_val", Optional.empty(),
        Optional.of(snapshot), Map.of("HF_HOME", "/tmp/no-hf-home"));
    VideoRoots.of(ctx);
    assertThat(ctx.warnings).singleElement().asString()
        .contains("1 archive(s) under " + snapshot)
        .contains("mkdir -p '/tmp/no-hf-home/perceptiontest_val' && find -L '" + snapshot
            + "' -name '*.zip' -exec unzip -n -q {} -d '/tmp/no-hf-home/perceptiontest_val' \\;");
  }

  // --- helpers ---

  /** The registered process_results (a factory gets a fresh context: its random state seeded 0, as the oracle's). */
  static TaskFunction.ProcessResults processResults(Map<String, TaskFunction> f, String name, String task) {
    TaskFunction fn = f.get(name);
    assertThat(fn).as(name + " is registered").isNotNull();
    if (fn instanceof TaskFunction.Factory factory) {
      fn = factory.create(context(task, task, Optional.empty(), Optional.empty(), Map.of()));
    }
    return (TaskFunction.ProcessResults) fn;
  }

  /** Every doc's process_results on the oracle's answer, in doc order, equals lmms-eval's dict, Python types included. */
  static void assertProcessResults(TaskFunction.ProcessResults pr, JsonNode oracle, String task) {
    for (Doc doc : docs(task)) {
      Map<String, Object> got = pr.apply(doc, List.of(answer(oracle, doc)));
      Map<String, Object> expected = new LinkedHashMap<>();
      oracle.get("per_doc").fields().forEachRemaining(e -> expected.put(e.getKey(), python(e.getValue().get(doc.id()))));
      assertThat(python(got)).as(task + " doc " + doc.id()).isEqualTo(expected);
    }
  }

  static void assertAggregate(Map<String, TaskFunction> f, String name, JsonNode oracle, String metric) {
    List<Object> items = new ArrayList<>();
    oracle.get("per_doc").get(metric).forEach(n -> items.add(python(n)));
    Object got = ((TaskFunction.Aggregation) f.get(name)).apply(items, null);
    JsonNode expected = oracle.get("aggregates").get(metric);
    assertThat(got).isEqualTo(python(expected));
  }

  static String text(Map<String, TaskFunction> f, String name, Doc doc, Map<String, Object> kwargs) {
    return ((TaskFunction.DocToText) f.get(name)).apply(doc, kwargs);
  }

  static String answer(JsonNode oracle, Doc doc) {
    return oracle.get("answers").get(doc.id()).asText().strip();
  }

  static Map<String, TaskFunction> functions(TaskFunctions provider) {
    Map<String, TaskFunction> out = new HashMap<>();
    provider.register(out::put);
    return out;
  }

  static JsonNode oracle(String task) throws IOException {
    return JSON.readTree(ORACLE.resolve(task + ".oracle.json").toFile());
  }

  static List<Doc> docs(String task) {
    try {
      JsonNode rows = JSON.readTree(FIXTURES.resolve("video/docs/" + task + ".json").toFile());
      List<Doc> docs = new ArrayList<>();
      for (JsonNode row : rows) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) python(row);
        docs.add(new Doc(docs.size(), fields, task + ".json"));
      }
      return docs;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Object python(JsonNode n) {
    return PyValues.fromJson(n);
  }


  static Object python(Object value) {
    return value instanceof JsonNode n ? python(n) : JSON.valueToTree(value) == null ? null : python(JSON.valueToTree(value));
  }

  /** A context for functions that need the run: dataset_kwargs.cache_dir, data_dir, dataset root, environment. */
  static TestTaskContext context(String task, String cacheDir, Optional<Path> dataDir, Optional<Path> datasetRoot,
      Map<String, String> env) {
    return new TestTaskContext().task(task).config(Map.of("dataset_kwargs", Map.of("cache_dir", cacheDir)))
        .dataDir(dataDir.orElse(null)).datasetRoot(datasetRoot.orElse(null)).env(env);
  }
}
