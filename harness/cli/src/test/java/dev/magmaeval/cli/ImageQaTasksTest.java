package dev.magmaeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.testkit.CliRun;
import dev.magmaeval.harness.testkit.ParquetFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image-QA and spatial tasks as a user meets them: listed, and failing clearly on bad data. */
class ImageQaTasksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = CliRun.repoRoot();
  private static final Path FIXTURES = ROOT.resolve("scripts/fixtures");

  @TempDir Path tmp;

  private CliRun cli() {
    return CliRun.in(ROOT).env("HF_HOME", tmp.resolve("hf-home").toString());
  }

  @Test
  void tasksListShowsEveryTaskGroupAndTag() {
    CliRun.Result r = cli().run("--tasks", "list");
    assertThat(r.exitCode()).isZero();
    List<String> names = new ArrayList<>(List.of("vqav2_val", "vqav2_test", "textvqa_val", "textvqa_test",
        "docvqa_val", "docvqa_test", "chartqa", "gqa", "pope", "pope_adv", "pope_pop", "pope_random", "pope_full",
        "mme", "ai2d", "blink", "blink_groups", "cv_bench", "cv_bench_2d", "cv_bench_3d", "embspatial", "vsr",
        "spatialeval", "spatialeval_spatialmap", "spatialeval_mazenav", "spatialeval_spatialgrid"));
    for (String t : List.of("art_style", "counting", "forensic_detection", "functional_correspondence", "iq_test",
        "jigsaw", "multi_view_reasoning", "object_localization", "relative_depth", "relative_reflectance",
        "semantic_correspondence", "spatial_relation", "visual_correspondence", "visual_similarity")) {
      names.add("blink_" + t);
    }
    for (String n : names) assertThat(r.out()).as(n).containsPattern("(?m)^  " + n + " ");
  }

  @Test
  void aMissingColumnNamesTheTaskTheColumnAndTheDatasetFile() {
    Path snap = ParquetFixtures.snapshot(tmp.resolve("data"), "lmms-lab/POPE", "deadbeef");
    Path file = snap.resolve("data/test-00000-of-00001.parquet");
    ParquetFixtures.write(file, "id VARCHAR, question_id VARCHAR, answer VARCHAR, image STRUCT(bytes BLOB, path VARCHAR)",
        List.of(List.of("0", "1", "yes", ParquetFixtures.image(new byte[] {1}, "a.jpg"))), null);
    CliRun.Result r = cli().run("--model", "replay", "--model_args", "path=" + FIXTURES.resolve("replay"), "--tasks",
        "pope", "--data_dir", tmp.resolve("data").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("task 'pope'", "missing column 'question'", file.getFileName().toString());
  }

  @Test
  void aMissingVsrImageFailsThatSampleAloneNamingThePath() throws IOException {
    Path data = tmp.resolve("data");
    Path fixture = FIXTURES.resolve("hub/datasets--cambridgeltl--vsr_zeroshot");
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path p : files.toList()) {
        Path target = data.resolve("datasets--cambridgeltl--vsr_zeroshot").resolve(fixture.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    Path images;
    try (Stream<Path> snaps = Files.list(data.resolve("datasets--cambridgeltl--vsr_zeroshot/snapshots"))) {
      images = snaps.findFirst().orElseThrow().resolve("images");
    }
    Files.delete(images.resolve("000000080336.jpg"));
    Path out = tmp.resolve("out");
    CliRun.Result r = cli().run("--model", "replay", "--model_args", "path=" + FIXTURES.resolve("replay"), "--tasks",
        "vsr", "--data_dir", data.toString(), "--log_samples", "--output_path", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    List<JsonNode> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      Path samples = files.filter(p -> p.toString().endsWith("_samples_vsr.jsonl")).findFirst().orElseThrow();
      for (String line : Files.readAllLines(samples)) lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSize(10);
    JsonNode failed = lines.get(4);
    assertThat(failed.get("error").asText()).contains(data.resolve("vsr/images/000000080336.jpg").toString());
    assertThat(lines.stream().filter(l -> l.has("error")).count()).isEqualTo(1);
  }
}
