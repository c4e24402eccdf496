package dev.magmaeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.testkit.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI grounding tasks through {@code ./eval} on their fixtures with the replay model: every task's metrics equal
 * the reference implementations' (tasks/src/test/resources/oracle, from lmms-eval's and SeeClick's own code), the
 * groups aggregate their splits, and Set-of-Mark runs leave the marked images next to the samples.
 */
class GroundingEvalTest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
  private static final Path ROOT = CliRun.repoRoot();
  private static final Path REPLAY = ROOT.resolve("scripts/fixtures/replay");
  private static final List<String> SPLITS = List.of("test_task", "test_website", "test_domain");

  @TempDir Path tmp;

  @Test
  void mind2webAndVqav2RunTogetherAndMind2webScoresAsSeeClick() throws IOException {
    Path replay = replayFolder(List.of("mind2web_test_task", "mind2web_test_website", "mind2web_test_domain",
        "vqav2_val"));
    Files.writeString(replay.resolve("fixture_samples_vqav2_test.jsonl"), vqav2TestReplies());
    JsonNode results = run(replay, "mind2web,vqav2");
    JsonNode rows = results.get("results");
    assertThat(results.get("group_subtasks").get("mind2web")).hasSize(3);
    double[] weighted = new double[3];
    long steps = 0;
    List<String> metrics = List.of("element_accuracy", "operation_f1", "step_success_rate");
    for (String split : SPLITS) {
      String task = "mind2web_" + split;
      assertMatchesOracle(rows.get(task), task);
      long n = results.get("n-samples").get(task).get("effective").asLong();
      for (int i = 0; i < 3; i++) weighted[i] += rows.get(task).get(metrics.get(i) + ",none").asDouble() * n;
      steps += n;
    }
    JsonNode group = results.get("groups").get("mind2web");
    for (int i = 0; i < 3; i++) {
      assertThat(group.get(metrics.get(i) + ",none").asDouble()).as(metrics.get(i)).isCloseTo(weighted[i] / steps,
          org.assertj.core.data.Offset.offset(1e-12));
    }
    assertThat(rows.get("vqav2_val").get("exact_match,none").asDouble()).isEqualTo(0.79);
    assertThat(results.get("group_subtasks").get("vqav2")).hasSize(2);
  }

  @Test
  void everyGroundingTaskScoresAsItsReference() throws IOException {
    List<String> tasks = new ArrayList<>(List.of("screenspot_rec_test", "screenspot_v2", "screenspot_pro",
        "screenspot_magma"));
    for (String s : SPLITS) tasks.add("mind2web_som_" + s);
    for (String c : List.of("action_ground", "action_prediction", "element_ground", "element_ocr", "heading_ocr",
        "web_caption", "webqa")) {
      tasks.add("visualwebbench_" + c);
    }
    Path replay = replayFolder(tasks);
    JsonNode results = run(replay, "screenspot,screenspot_v2,screenspot_pro,screenspot_magma,mind2web_som,"
        + String.join(",", tasks.subList(7, tasks.size())));
    for (String task : tasks) {
      if (!task.equals("screenspot_magma")) assertMatchesOracle(results.get("results").get(task), task);
    }
    // Magma's protocol has no upstream: 8 of 12 clicks land (fixture replies: pixels, boxes, Qwen boxes, marks alone)
    JsonNode magma = results.get("results").get("screenspot_magma");
    assertThat(magma.get("click_acc,none").asDouble()).isEqualTo(8.0 / 12);
    for (Map.Entry<String, Double> e : Map.of("mobile_text", 0.5, "mobile_icon", 0.5, "desktop_text", 1.0,
        "desktop_icon", 1.0, "web_text", 0.5, "web_icon", 0.5).entrySet()) {
      assertThat(magma.get("click_acc_" + e.getKey() + ",none").asDouble()).as(e.getKey()).isEqualTo(e.getValue());
    }
    // the Set-of-Mark samples name the marked image the model saw, saved beside them
    Path dir = onlyDir(tmp.resolve("out"));
    for (String line : Files.readAllLines(only(dir, "_samples_mind2web_som_test_task.jsonl"))) {
      String image = JSON.readTree(line).get("element_accuracy").get("marked_image").asText();
      assertThat(dir.resolve(image)).isRegularFile();
    }
    assertThat(results.get("results").get("screenspot").get(" ").asText()).isEqualTo(" ");
  }

  @Test
  void everyGroundingTaskRunsThroughMagmaOnTheTinyTwin() throws IOException {
    Path out = tmp.resolve("magma");
    String tasks = "mind2web,mind2web_som,vqav2,screenspot,screenspot_v2,screenspot_pro,screenspot_magma,"
        + "visualwebbench_element_ground,visualwebbench_action_ground,visualwebbench_heading_ocr,visualwebbench_webqa";
    CliRun.Result r = CliRun.in(ROOT).env("HF_HOME", tmp.resolve("no-hf").toString()).run("--model", "magma",
        "--model_args", "pretrained=" + ROOT.resolve("adapters/src/test/resources/tiny-magma") + ",threads=1",
        "--tasks", tasks, "--limit", "2", "--data_dir", ROOT.resolve("scripts/fixtures/hub").toString(),
        "--log_samples", "--output_path", out.toString(), "--verbosity", "WARNING");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path dir;
    try (Stream<Path> s = Files.list(out)) {
      dir = s.filter(p -> p.getFileName().toString().contains("tiny-magma")).findFirst().orElseThrow();
    }
    JsonNode results = JSON.readTree(only(dir, "_results.json").toFile());
    for (String split : SPLITS) {
      for (String m : List.of("element_accuracy", "operation_f1", "step_success_rate")) {
        assertThat(results.get("results").get("mind2web_" + split).has(m + ",none")).isTrue();
        assertThat(results.get("results").get("mind2web_som_" + split).has(m + ",none")).isTrue();
      }
    }
    assertThat(results.get("groups").get("mind2web").has("step_success_rate,none")).isTrue();
    // the model saw the 1280-px-wide window (many image tokens) and, with Set-of-Mark, the marked image
    JsonNode line = JSON.readTree(Files.readAllLines(only(dir, "_samples_mind2web_som_test_task.jsonl")).get(0));
    assertThat(line.get("token_counts").get(0).get("input_tokens").asInt()).isGreaterThan(1000);
    assertThat(dir.resolve(line.get("element_accuracy").get("marked_image").asText())).isRegularFile();
    assertThat(results.get("results").get("screenspot_magma").has("click_acc_web_icon,none")).isTrue();
  }

  private JsonNode run(Path replay, String tasks) throws IOException {
    Path out = tmp.resolve("out");
    CliRun.Result r = CliRun.in(ROOT).env("HF_HOME", tmp.resolve("no-hf").toString()).run("--model", "replay",
        "--model_args", "path=" + replay, "--tasks", tasks, "--data_dir", ROOT.resolve("scripts/fixtures/hub").toString(),
        "--log_samples", "--output_path", out.toString(), "--verbosity", "WARNING");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(only(onlyDir(out), "_results.json").toFile());
  }

  /** Every metric of the task's results row is the oracle's value, to the last bit. */
  private static void assertMatchesOracle(JsonNode row, String task) throws IOException {
    JsonNode oracle = JSON.readTree(ROOT.resolve("tasks/src/test/resources/oracle/" + task + ".json").toFile());
    oracle.get("metrics").fields().forEachRemaining(e -> {
      String typed = e.getValue().asText();
      JsonNode got = row.get(e.getKey() + ",none");
      assertThat(got).as(task + " " + e.getKey()).isNotNull();
      assertThat(got.asDouble()).as(task + " " + e.getKey()).isEqualTo(Double.parseDouble(typed.substring(2)));
      assertThat(got.isIntegralNumber()).as(task + " " + e.getKey() + " is an int").isEqualTo(typed.startsWith("i:"));
    });
  }

  private Path replayFolder(List<String> tasks) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("replay"));
    for (String t : tasks) Files.copy(REPLAY.resolve(t + ".jsonl"), dir.resolve("fixture_samples_" + t + ".jsonl"));
    return dir;
  }

  private static String vqav2TestReplies() {
    StringBuilder sb = new StringBuilder();
    String[] answers = {"dog", "no", "3", "blue"};
    for (int i = 0; i < answers.length; i++) {
      sb.append("{\"doc_id\": ").append(i).append(", \"filtered_resps\": \"").append(answers[i]).append("\"}\n");
    }
    return sb.toString();
  }

  /** The run folder ({@code <output_path>/<model>}), not {@code submissions/}. */
  private static Path onlyDir(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> dirs = s.filter(p -> p.getFileName().toString().endsWith("__replay")).toList();
      assertThat(dirs).hasSize(1);
      return dirs.get(0);
    }
  }

  private static Path only(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> hits = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
      assertThat(hits).as("files ending " + suffix + " in " + dir).hasSize(1);
      return hits.get(0);
    }
  }
}
