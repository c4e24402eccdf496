package dev.magmaeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.testkit.CliRun;
import dev.magmaeval.harness.testkit.PyValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The video tasks end to end on their fixtures (scripts/fixtures/hub datasets, scripts/fixtures/hf_home videos):
 * through {@code replay} with lmms-eval's own values (tasks/src/test/resources/video/*.oracle.json, written by
 * scripts/fixtures/video/lmms_eval_task_oracle.py), through {@code magma} on the tiny twin, and with a corrupt video.
 */
class VideoEvalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = CliRun.repoRoot();
  private static final Path FIXTURES = ROOT.resolve("scripts/fixtures");
  private static final Path ORACLE = ROOT.resolve("tasks/src/test/resources/video");
  private static final String TWIN = ROOT.resolve("adapters/src/test/resources/tiny-magma").toString();
  private static final List<String> TASKS =
      List.of("videomme", "mvbench", "nextqa_mc_test", "egoschema_subset", "perceptiontest_val_mc", "intentqa");

  @TempDir Path tmp;

  private static CliRun.Result eval(Path hfHome, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data_dir", FIXTURES.resolve("hub").toString(), "--log_samples"));
    return CliRun.in(ROOT).env("HF_HOME", hfHome.toString()).run(all.toArray(new String[0]));
  }

  /** One task (or the mvbench group) per run, so that each starts from Python's random seeded with 0, as the oracle. */
  @ParameterizedTest
  @ValueSource(strings = {"videomme", "mvbench", "nextqa_mc_test", "egoschema_subset", "perceptiontest_val_mc",
      "intentqa"})
  void replayScoresEachTaskExactlyAsLmmsEvalsFunctions(String tasks) throws IOException {
    Path out = tmp.resolve("out");
    CliRun.Result r = eval(FIXTURES.resolve("hf_home"), "--model", "replay", "--model_args",
        "path=" + FIXTURES.resolve("replay/video"), "--tasks", tasks, "--output_path", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode results = JSON.readTree(only(out, "_results.json").toFile());
    List<String> leaves = leafTasks(tasks);
    assertThat(leaves).isNotEmpty();
    for (String task : leaves) {
      JsonNode oracle = JSON.readTree(ORACLE.resolve(task + ".oracle.json").toFile());
      JsonNode row = results.get("results").get(task);
      assertThat(results.get("n-errors").get(task).asLong()).isZero();
      for (Iterator<Map.Entry<String, JsonNode>> it = oracle.get("aggregates").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> agg = it.next();
        assertThat(python(row.get(agg.getKey() + ",none"))).as(task + " " + agg.getKey())
            .isEqualTo(python(agg.getValue()));
      }
      List<JsonNode> samples = samples(out, task);
      assertThat(samples).hasSize(oracle.get("answers").size());
      for (JsonNode s : samples) {
        int doc = s.get("doc_id").asInt();
        assertThat(s.get("input").asText()).isEqualTo(oracle.get("prompts").get(doc).asText());
        assertThat(s.get("target").asText()).isEqualTo(oracle.get("targets").get(doc).asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = oracle.get("per_doc").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> m = it.next();
          assertThat(python(s.get(m.getKey()))).as(task + " doc " + doc + " " + m.getKey())
              .isEqualTo(python(m.getValue().get(doc)));
        }
      }
    }
    if (tasks.equals("egoschema_subset")) {
      Path submission = only(out.resolve("submissions"), ".json");
      assertThat(submission.getFileName().toString()).startsWith("inference_results_egoschema_MC_");
      assertThat(Files.readString(submission)).startsWith("{\n    \"0074f737-11cb-497d-8d07-77c3a8127391\": 0,");
    }
  }

  @Test
  void magmaOnTheTinyTwinAnswersEveryVideoTask() throws IOException {
    Path out = tmp.resolve("magma");
    CliRun.Result r = eval(FIXTURES.resolve("hf_home"), "--model", "magma", "--model_args",
        "pretrained=" + TWIN + ",threads=1,max_frames_num=4", "--tasks", String.join(",", TASKS), "--limit", "2",
        "--output_path", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode results = JSON.readTree(only(out, "_results.json").toFile());
    for (String group : TASKS) {
      for (String task : leafTasks(group)) {
        JsonNode oracle = JSON.readTree(ORACLE.resolve(task + ".oracle.json").toFile());
        assertThat(results.get("n-errors").get(task).asLong()).as(task).isZero();
        assertThat(results.get("n-samples").get(task).get("effective").asInt()).as(task).isEqualTo(2);
        oracle.get("aggregates").fieldNames().forEachRemaining(metric ->
            assertThat(results.get("results").get(task).has(metric + ",none")).as(task + " " + metric).isTrue());
        List<JsonNode> samples = samples(out, task);
        assertThat(samples).hasSize(2);
        for (JsonNode s : samples) {
          assertThat(s.has("error")).as(task + " " + s).isFalse();
          assertThat(s.get("input").asText()).isEqualTo(oracle.get("prompts").get(s.get("doc_id").asInt()).asText());
          int input = s.get("token_counts").get(0).get("input_tokens").asInt();
          assertThat(input).as(task + ": 4 frames, one 16x17-token crop each, plus the text").isGreaterThan(4 * 272);
        }
      }
    }
  }

  @Test
  void aCorruptVideoFailsItsSampleWithThePathAndTheRunExitsOne() throws IOException {
    Path hfHome = tmp.resolve("hf_home");
    copy(FIXTURES.resolve("hf_home"), hfHome);
    JsonNode docs = JSON.readTree(FIXTURES.resolve("video/docs/videomme.json").toFile());
    Path corrupt = hfHome.resolve("videomme/data/" + docs.get(0).get("videoID").asText() + ".mp4");
    byte[] bytes = Files.readAllBytes(corrupt);
    Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    Path out = tmp.resolve("corrupt");
    CliRun.Result r = eval(hfHome, "--model", "magma", "--model_args",
        "pretrained=" + TWIN + ",threads=1,max_frames_num=2", "--tasks", "videomme", "--limit", "3",
        "--output_path", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("videomme: 2 samples failed");
    JsonNode results = JSON.readTree(only(out, "_results.json").toFile());
    assertThat(results.get("n-errors").get("videomme").asLong()).isEqualTo(2);
    Map<Integer, JsonNode> byDoc = new LinkedHashMap<>();
    samples(out, "videomme").forEach(s -> byDoc.put(s.get("doc_id").asInt(), s));
    assertThat(byDoc).containsOnlyKeys(0, 1, 2);
    for (int doc : List.of(0, 1)) { // docs 0 and 1 ask about the same video
      assertThat(byDoc.get(doc).get("error").asText()).contains(corrupt.toString());
      assertThat(byDoc.get(doc).has("videomme_perception_score")).isFalse();
    }
    assertThat(byDoc.get(2).has("error")).isFalse();
    assertThat(byDoc.get(2).get("videomme_perception_score").get("videoID").asText())
        .isEqualTo(docs.get(2).get("videoID").asText());
  }

  /** The tasks a name runs: the mvbench group's subtasks, else the task itself. */
  private static List<String> leafTasks(String name) throws IOException {
    if (!name.equals("mvbench")) return List.of(name);
    try (Stream<Path> files = Files.list(ORACLE)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mvbench_"))
          .map(n -> n.substring(0, n.length() - ".oracle.json".length())).sorted().toList();
    }
  }

  private static List<JsonNode> samples(Path out, String task) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(only(out, "_samples_" + task + ".jsonl"))) rows.add(JSON.readTree(line));
    return rows;
  }

  private static Path only(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> hits = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
      assertThat(hits).as(suffix + " under " + dir).hasSize(1);
      return hits.get(0);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  private static Object python(JsonNode n) {
    return PyValues.fromJson(n);
  }

}
