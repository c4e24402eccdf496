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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./eval} as a user runs it: help, listing, a replay run over the bundled VQAv2 fixture, bad input. */
class EvalCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = CliRun.repoRoot();
  private static final Path FIXTURES = ROOT.resolve("scripts/fixtures");

  @TempDir Path tmp;

  private CliRun cli() {
    return CliRun.in(ROOT).env("HF_HOME", tmp.resolve("empty-hf-home").toString());
  }

  @Test
  void helpListsEveryFlagAndCommand() {
    CliRun.Result r = cli().run("--help");
    assertThat(r.exitCode()).isZero();
    for (String flag : List.of("--model", "--model_args", "--tasks", "--batch_size", "--limit", "--offset",
        "--output_path", "--log_samples", "--gen_kwargs", "--include_path", "--seed", "--predict_only",
        "--verbosity", "--num_fewshot", "--system_instruction", "--data_dir", "--resume")) {
      assertThat(r.out()).contains(flag);
    }
    assertThat(r.out()).contains("tasks", "models", "Exit codes");
  }

  @Test
  void tasksListShowsTasksGroupsAndTags() {
    CliRun.Result list = cli().run("--tasks", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("vqav2_val", "vqav2_test", "Groups", "vqav2 ");
    CliRun.Result sub = cli().run("tasks");
    assertThat(sub.exitCode()).isZero();
    assertThat(sub.out()).isEqualTo(list.out());
  }

  @Test
  void replayOverTheHubCacheWritesLmmsEvalResultsAndSamples() throws IOException {
    Path out = tmp.resolve("runs");
    CliRun.Result r = CliRun.in(ROOT).env("HF_HOME", hfHomeWithFixtures().toString()).run("--model", "replay",
        "--model_args", "path=" + FIXTURES.resolve("replay/vqav2_val.jsonl"), "--tasks", "vqav2_val",
        "--log_samples", "--output_path", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path dir = out.resolve("replay__vqav2_val.jsonl");
    Path results = only(dir, "_results.json");
    assertThat(results.getFileName().toString()).isEqualTo("20260102_110405_results.json");
    JsonNode json = JSON.readTree(results.toFile());
    assertThat(json.fieldNames()).toIterable().contains("results", "configs", "versions", "n-shot",
        "higher_is_better", "n-samples", "config", "date");
    JsonNode row = json.get("results").get("vqav2_val");
    assertThat(row.fieldNames()).toIterable().containsExactly("alias", "exact_match,none", "exact_match_stderr,none",
        "exact_match_stderr_clt,none", "exact_match_stderr_clustered,none");
    assertThat(row.get("exact_match,none").asDouble()).isEqualTo(0.79);
    assertThat(json.get("n-samples").get("vqav2_val").get("original").asInt()).isEqualTo(20);
    assertThat(json.get("config").get("model").asText()).isEqualTo("replay");
    assertThat(json.get("date").asText()).isEqualTo("20260102_110405");
    List<String> lines = Files.readAllLines(only(dir, "_samples_vqav2_val.jsonl"));
    assertThat(lines).hasSize(20);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.fieldNames()).toIterable().containsExactly("doc_id", "target", "filtered_resps", "token_counts",
        "doc_hash", "exact_match", "input");
    assertThat(first.get("target").asText()).isEqualTo("answer");
    assertThat(lines.get(0)).contains("\"exact_match\": 1,");
    assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".partial")).count()).isZero();
  }

  @Test
  void aMissingDatasetExitsNonzeroWithTheDownloadHint() {
    CliRun.Result r = cli().run("--model", "replay", "--model_args", "path=" + FIXTURES.resolve("replay/vqav2_val.jsonl"),
        "--tasks", "vqav2_val");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: dataset lmms-lab/VQAv2 split validation is not available locally")
        .contains("datasets--lmms-lab--VQAv2", "huggingface-cli download lmms-lab/VQAv2 --repo-type dataset");
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
  }

  @Test
  void anUnknownTaskNamesTheClosestOnes() {
    CliRun.Result r = cli().run("--model", "replay", "--model_args", "path=x", "--tasks", "vqav2_vall");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown task: 'vqav2_vall'", "did you mean", "vqav2_val");
  }

  @Test
  void badArgumentsAreOneLineErrors() {
    assertThat(cli().run("--tasks", "vqav2_val", "--limit", "-3").err()).contains("--limit must be -1 or non-negative");
    assertThat(cli().run("--tasks", "vqav2_val", "--log_samples").err()).contains("--output_path");
    assertThat(cli().run("--tasks", "vqav2_val", "--model", "nope", "--data_dir", FIXTURES.resolve("hub").toString())
        .err()).contains("unknown model 'nope'", "replay");
    assertThat(cli().run("--bogus").exitCode()).isEqualTo(2);
  }

  /** An HF_HOME whose hub/ is a copy of the bundled fixture cache. */
  private Path hfHomeWithFixtures() throws IOException {
    Path home = tmp.resolve("hf-home");
    Path src = FIXTURES.resolve("hub");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.toList()) {
        Path target = home.resolve("hub").resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    return home;
  }

  static Path only(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> hits = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList());
      assertThat(hits).as("files ending " + suffix + " in " + dir).hasSize(1);
      return hits.get(0);
    }
  }
}
