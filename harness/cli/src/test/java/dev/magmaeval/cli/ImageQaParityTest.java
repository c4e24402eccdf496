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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every image-QA and spatial task, replayed over its bundled fixture, gives exactly what lmms-eval v0.7.2's own
 * functions give on the same docs and outputs (tasks/src/test/resources/oracle/, written by
 * scripts/oracle/imageqa.sh): each results value, and per sample the prompt, the target, the filtered response and
 * every process_results value, types included (1 vs 1.0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageQaParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = CliRun.repoRoot();
  private static final Path FIXTURES = ROOT.resolve("scripts/fixtures");
  private static final Path ORACLE = ROOT.resolve("tasks/src/test/resources/oracle");
  private static final Path CASES = ROOT.resolve("scripts/oracle/cases");
  private static final List<String> GROUPS = List.of("blink", "spatialeval");

  private JsonNode results;
  private Path runDir;
  private Path submissions;

  @BeforeAll
  void replayEveryTaskOnce(@TempDir Path tmp) throws IOException {
    List<String> tasks = new ArrayList<>(GROUPS);
    Path replay = Files.createDirectories(tmp.resolve("replay"));
    for (String task : oracleTasks()) {
      if (GROUPS.stream().noneMatch(g -> task.startsWith(g + "_"))) tasks.add(task);
      String file = JSON.readTree(CASES.resolve(task + ".json").toFile()).get("replay").asText();
      Files.copy(FIXTURES.resolve("replay").resolve(file), replay.resolve("fixture_samples_" + task + ".jsonl"));
    }
    CliRun.Result r = CliRun.in(ROOT).env("HF_HOME", tmp.resolve("no-hf-home").toString()).run("--model", "replay",
        "--model_args", "path=" + replay, "--tasks", String.join(",", tasks), "--data_dir",
        FIXTURES.resolve("hub").toString(), "--log_samples", "--output_path", tmp.resolve("out").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    submissions = tmp.resolve("out/submissions");
    try (Stream<Path> dirs = Files.list(tmp.resolve("out"))) {
      runDir = dirs.filter(d -> Files.isRegularFile(d.resolve("responses.journal.jsonl"))).findFirst().orElseThrow();
    }
    try (Stream<Path> files = Files.list(runDir)) {
      Path file = files.filter(p -> p.toString().endsWith("_results.json")).findFirst().orElseThrow();
      results = JSON.readTree(file.toFile());
    }
  }

  @TestFactory
  Stream<DynamicTest> resultsAndSamplesEqualLmmsEvals() throws IOException {
    return oracleTasks().stream().map(task -> DynamicTest.dynamicTest(task, () -> {
      JsonNode oracle = JSON.readTree(ORACLE.resolve(task + ".json").toFile());
      String filter = oracle.get("filter").asText();
      JsonNode row = results.get("results").get(task);
      assertThat(row).as("results row of %s", task).isNotNull();
      oracle.get("results").fields().forEachRemaining(e ->
          assertThat(row.get(e.getKey() + "," + filter)).as("%s %s", task, e.getKey()).isEqualTo(e.getValue()));
      List<JsonNode> lines = samples(task);
      JsonNode expected = oracle.get("samples");
      assertThat(lines).as("samples of %s", task).hasSize(expected.size());
      for (int n = 0; n < lines.size(); n++) {
        int i = n;
        JsonNode line = lines.get(i);
        JsonNode want = expected.get(i);
        assertThat(line.get("input")).as("%s doc %d input", task, i).isEqualTo(want.get("input"));
        assertThat(line.get("target")).as("%s doc %d target", task, i).isEqualTo(want.get("target"));
        assertThat(line.get("filtered_resps")).as("%s doc %d filtered", task, i).isEqualTo(want.get("filtered_resps"));
        assertThat(line.get("resps")).as("%s doc %d resps", task, i).isEqualTo(want.get("resps"));
        want.get("metrics").fields().forEachRemaining(m ->
            assertThat(line.get(m.getKey())).as("%s doc %d %s", task, i, m.getKey()).isEqualTo(m.getValue()));
      }
    }));
  }

  /**
   * The submission files the aggregations write have lmms-eval's content, byte for byte. textvqa_val and
   * textvqa_test write the same timestamped name in one run (upstream too), so they are not compared here.
   */
  /**
   * The stderr keys of each row ({@code _stderr}, {@code _stderr_clt}, {@code _stderr_clustered}) equal what
   * lmms-eval's evaluator computes from the same per-doc values (scripts/oracle/oracle_results_rows.py).
   */
  @TestFactory
  Stream<DynamicTest> stderrKeysEqualLmmsEvals() throws IOException {
    JsonNode expected = JSON.readTree(ORACLE.resolve("results_rows.json").toFile());
    List<String> tasks = new ArrayList<>();
    expected.fieldNames().forEachRemaining(t -> {
      if (!t.startsWith("_")) tasks.add(t);
    });
    return tasks.stream().map(task -> DynamicTest.dynamicTest(task, () -> {
      JsonNode row = results.get("results").get(task);
      assertThat(row).as("results row of %s", task).isNotNull();
      expected.get(task).fields().forEachRemaining(e ->
          assertThat(row.get(e.getKey())).as("%s %s", task, e.getKey()).isEqualTo(e.getValue()));
    }));
  }

  @TestFactory
  Stream<DynamicTest> submissionFilesEqualLmmsEvals() throws IOException {
    return oracleTasks().stream().filter(t -> !t.startsWith("textvqa")).map(task -> DynamicTest.dynamicTest(task,
        () -> {
          JsonNode files = JSON.readTree(ORACLE.resolve(task + ".json").toFile()).get("submission_files");
          if (files == null) return;
          for (JsonNode f : files) {
            String prefix = f.get("prefix").asText();
            try (Stream<Path> written = Files.list(submissions)) {
              Path file = written.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                  .orElseThrow(() -> new AssertionError("no submission file " + prefix + "* of " + task));
              assertThat(Files.readString(file)).as("%s %s", task, file.getFileName()).isEqualTo(f.get("content").asText());
            }
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> groupsEqualLmmsEvalsAggregation() {
    return GROUPS.stream().map(group -> DynamicTest.dynamicTest(group, () -> {
      JsonNode oracle = JSON.readTree(ORACLE.resolve(group + ".json").toFile());
      oracle.get("results").fields().forEachRemaining(e -> assertThat(results.get("groups").get(group)
          .get(e.getKey() + ",none")).as("%s %s", group, e.getKey()).isEqualTo(e.getValue()));
    }));
  }

  private List<JsonNode> samples(String task) throws IOException {
    try (Stream<Path> files = Files.list(runDir)) {
      Path file = files.filter(p -> p.getFileName().toString().endsWith("_samples_" + task + ".jsonl")).findFirst()
          .orElseThrow(() -> new AssertionError("no samples file for " + task));
      List<JsonNode> out = new ArrayList<>();
      for (String line : Files.readAllLines(file)) out.add(JSON.readTree(line));
      return out;
    }
  }

  /** The image QA and spatial families' tasks (the folder also holds the grounding tasks' oracles). */
  private static final List<String> FAMILIES = List.of("vqav2", "textvqa", "docvqa", "chartqa", "gqa", "pope", "mme",
      "ai2d", "blink", "cv_bench", "embspatial", "vsr", "spatialeval");

  private static List<String> oracleTasks() throws IOException {
    try (Stream<Path> files = Files.list(ORACLE)) {
      return files.map(p -> p.getFileName().toString().replace(".json", "")).filter(n -> !GROUPS.contains(n))
          .filter(n -> FAMILIES.stream().anyMatch(f -> n.equals(f) || n.startsWith(f + "_")))
          .sorted().toList();
    }
  }
}
