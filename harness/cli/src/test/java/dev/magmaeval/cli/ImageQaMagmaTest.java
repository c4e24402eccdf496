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
 * The image-QA and spatial tasks through {@code --model magma} on the tiny twin (adapters/src/test/resources/
 * tiny-magma) over their fixtures: every doc answered, one image's worth of tokens per image (BLINK up to four),
 * a results file in lmms-eval's layout.
 */
class ImageQaMagmaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = CliRun.repoRoot();
  /** Tokens of one image on the twin: its 16x17 feature grid plus start/end/newline (magma-model.md §1). */
  private static final int IMAGE_TOKENS = 272;

  @TempDir Path tmp;

  private CliRun.Result magma(Path out, String tasks, String... extra) {
    List<String> args = new ArrayList<>(List.of("--model", "magma", "--model_args", "pretrained="
        + ROOT.resolve("adapters/src/test/resources/tiny-magma") + ",threads=1", "--tasks", tasks, "--data_dir",
        ROOT.resolve("scripts/fixtures/hub").toString(), "--log_samples", "--output_path", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.in(ROOT).env("HF_HOME", tmp.resolve("no-hf-home").toString()).run(args.toArray(new String[0]));
  }

  @Test
  void theIssuesCommandWritesAValidResultsFile() throws IOException {
    Path out = tmp.resolve("run");
    CliRun.Result r = magma(out, "vqav2_val,pope,blink,vsr,spatialeval", "--limit", "5");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode results = results(out);
    for (String row : List.of("vqav2_val", "pope", "blink", "blink_jigsaw", "vsr", "spatialeval",
        "spatialeval_mazenav")) {
      assertThat(results.get("results").has(row)).as(row).isTrue();
    }
    assertThat(results.get("groups").get("blink").get("blink_acc,none").isNumber()).isTrue();
    assertThat(results.get("n-samples").get("vsr").get("effective").asInt()).isEqualTo(5);
    assertThat(results.get("config").get("model").asText()).isEqualTo("magma");
    assertThat(samples(out, "vsr")).hasSize(5);
    // Magma's lmms-eval wrapper sends each task's default prompt text; the backend adds the system prompt and the
    // <image> placeholders, so no task needs a lmms_eval_specific_kwargs.magma entry: the prompts are lmms-eval's.
    for (String task : List.of("vqav2_val", "pope", "blink_jigsaw", "vsr", "spatialeval_mazenav")) {
      JsonNode oracle = JSON.readTree(ROOT.resolve("tasks/src/test/resources/oracle/" + task + ".json").toFile());
      for (JsonNode s : samples(out, task)) {
        assertThat(s.get("input")).as(task).isEqualTo(oracle.get("samples").get(s.get("doc_id").asInt()).get("input"));
      }
    }
  }

  @Test
  void everyTaskRunsOnTheTwinWithOneImageEntryPerImage() throws IOException {
    Path out = tmp.resolve("all");
    CliRun.Result r = magma(out, "textvqa,docvqa,chartqa,gqa,pope_full,mme,ai2d,blink,cv_bench,cv_bench_2d,"
        + "cv_bench_3d,embspatial,vsr,spatialeval", "--limit", "2", "--gen_kwargs", "max_new_tokens=4");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Map<String, Integer> images = Map.of("blink_forensic_detection", 4, "blink_jigsaw", 3,
        "blink_semantic_correspondence", 2, "blink_counting", 1, "gqa", 1, "vsr", 1, "spatialeval_mazenav", 1);
    for (Map.Entry<String, Integer> e : images.entrySet()) {
      for (JsonNode s : samples(out, e.getKey())) {
        int input = s.get("token_counts").get(0).get("input_tokens").asInt();
        assertThat(input).as("%s: %d images", e.getKey(), e.getValue())
            .isBetween(e.getValue() * IMAGE_TOKENS, (e.getValue() + 1) * IMAGE_TOKENS);
        assertThat(s.has("error")).as(s.toString()).isFalse();
      }
    }
    JsonNode results = results(out);
    for (String task : List.of("textvqa_val", "textvqa_test", "docvqa_val", "docvqa_test", "chartqa", "gqa",
        "pope_adv", "pope_pop", "pope_random", "mme", "ai2d", "cv_bench", "cv_bench_2d", "cv_bench_3d",
        "embspatial", "vsr")) {
      assertThat(results.get("n-samples").get(task).get("effective").asInt()).as(task).isEqualTo(2);
      assertThat(samples(out, task)).as(task).hasSize(2);
    }
  }

  private static JsonNode results(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      Path file = files.filter(p -> p.toString().endsWith("_results.json")).findFirst().orElseThrow();
      return JSON.readTree(file.toFile());
    }
  }

  private static List<JsonNode> samples(Path out, String task) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      Path file = files.filter(p -> p.getFileName().toString().endsWith("_samples_" + task + ".jsonl")).findFirst()
          .orElseThrow(() -> new AssertionError("no samples of " + task));
      List<JsonNode> rows = new ArrayList<>();
      for (String line : Files.readAllLines(file)) rows.add(JSON.readTree(line));
      return rows;
    }
  }
}
