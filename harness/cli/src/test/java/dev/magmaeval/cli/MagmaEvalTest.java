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

/**
 * {@code ./eval --model magma} on the tiny twin (adapters/src/test/resources/tiny-magma) over the bundled VQAv2
 * fixture: a run, its resume, and the same run at batch size 4.
 */
class MagmaEvalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = CliRun.repoRoot();

  @TempDir Path tmp;

  private CliRun.Result eval(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("--model", "magma", "--model_args",
        "pretrained=" + ROOT.resolve("adapters/src/test/resources/tiny-magma") + ",threads=1", "--tasks",
        "vqav2_val", "--data_dir", ROOT.resolve("scripts/fixtures/hub").toString(), "--limit", "5",
        "--output_path", out.toString(), "--log_samples"));
    args.addAll(List.of(extra));
    return CliRun.in(ROOT).env("HF_HOME", tmp.resolve("no-hf-home").toString()).run(args.toArray(new String[0]));
  }

  @Test
  void runsVqav2OnTheTinyTwinResumesAndBatchesWithoutChangingAnswers() throws IOException {
    Path out = tmp.resolve("run");
    CliRun.Result first = eval(out);
    assertThat(first.exitCode()).as(first.err()).isZero();
    List<JsonNode> samples = samples(out);
    assertThat(samples).hasSize(5);
    for (JsonNode s : samples) {
      assertThat(s.get("filtered_resps").asText()).isNotBlank();
      JsonNode counts = s.get("token_counts").get(0);
      assertThat(counts.get("input_tokens").asInt()).as("one 16x17-token image plus text").isGreaterThan(272);
      assertThat(counts.get("output_tokens").asInt()).isBetween(1, 16); // vqav2's max_new_tokens
    }

    CliRun.Result resumed = eval(out, "--resume");
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resuming: 5 responses");
    assertThat(answers(samples(out))).isEqualTo(answers(samples));

    Path batched = tmp.resolve("batched");
    CliRun.Result four = eval(batched, "--batch_size", "4");
    assertThat(four.exitCode()).as(four.err()).isZero();
    assertThat(answers(samples(batched))).isEqualTo(answers(samples));
  }

  private static List<String> answers(List<JsonNode> samples) {
    return samples.stream().map(s -> s.get("doc_id").asInt() + ":" + s.get("filtered_resps").asText()).toList();
  }

  private static List<JsonNode> samples(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      List<Path> hits = files.filter(p -> p.getFileName().toString().endsWith("_samples_vqav2_val.jsonl")).toList();
      assertThat(hits).as("samples files under " + out).hasSize(1);
      List<JsonNode> rows = new ArrayList<>();
      for (String line : Files.readAllLines(hits.get(0))) rows.add(JSON.readTree(line));
      return rows;
    }
  }
}
