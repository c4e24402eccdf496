package dev.magmaeval.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.testkit.CliRun;
import dev.magmaeval.harness.testkit.Images;
import dev.magmaeval.harness.testkit.ParquetFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine end to end on small synthetic tasks (src/test/resources/engine-tasks) and the fake backend: generic
 * metrics, filter ensembles, multiple choice by lowest loss, process_docs, groups with weighted aggregation,
 * failed samples, the response journal.
 */
class EngineRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  private Path data;
  private Path tasks;

  @BeforeEach
  void dataset() throws Exception {
    data = tmp.resolve("data");
    Path snap = ParquetFixtures.snapshot(data, "test-org/EngineQA", "0123456789abcdef");
    String[] answers = {"Yes", "2.", "no", "3", "YES!", "two"};
    List<List<String>> choices = List.of(List.of("red", "blue*", "green"), List.of("x*", "y", "z"),
        List.of("b*", "c", "a very long choice that wins after length normalization"), List.of("yes*", "no"),
        List.of("yes*", "no"), List.of("yes*", "no"));
    long[] labels = {1, 2, 2, 0, 0, 0};
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      byte[] png = Images.encode(Images.scene(16, 12, i, null), "png");
      rows.add(List.of((long) i, "Question " + i + "?", answers[i], choices.get(i), labels[i],
          ParquetFixtures.image(png, i + ".png")));
    }
    ParquetFixtures.write(snap.resolve("data/test-00000-of-00001.parquet"),
        "row BIGINT, question VARCHAR, answer VARCHAR, choices VARCHAR[], label BIGINT, image STRUCT(bytes BLOB, path VARCHAR)",
        rows, null);
    tasks = Path.of("src/test/resources/engine-tasks").toAbsolutePath();
  }

  private CliRun.Result eval(String... extra) {
    List<String> args = new ArrayList<>(List.of("--model", "fake", "--include_path", tasks.toString(), "--data_dir",
        data.toString(), "--output_path", tmp.resolve("out").toString(), "--log_samples", "--verbosity", "WARNING"));
    args.addAll(List.of(extra));
    return CliRun.in(CliRun.repoRoot()).env("HF_HOME", tmp.resolve("no-hf").toString()).run(args.toArray(new String[0]));
  }

  private JsonNode results() throws IOException {
    try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
      Path f = files.filter(p -> p.toString().endsWith("_results.json")).findFirst().orElseThrow();
      return JSON.readTree(f.toFile());
    }
  }

  private List<JsonNode> samples(String task) throws IOException {
    try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
      Path f = files.filter(p -> p.toString().endsWith("_samples_" + task + ".jsonl")).findFirst().orElseThrow();
      List<JsonNode> out = new ArrayList<>();
      for (String line : Files.readAllLines(f)) out.add(JSON.readTree(line));
      return out;
    }
  }

  @Test
  void groupsAggregateTheirSubtasksWeightedBySize() throws Exception {
    CliRun.Result r = eval("--tasks", "eng_group");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode res = results().get("results");
    assertThat(res.fieldNames()).toIterable().containsExactly("eng_group", "eng_gen", "eng_pd");
    assertThat(res.get("eng_gen").get("alias").asText()).isEqualTo(" - Engine generation");
    assertThat(res.get("eng_gen").get("exact_match,none").asDouble()).isEqualTo(0.5);
    assertThat(res.get("eng_gen").get("exact_match,upper").asDouble()).isEqualTo(0.5);
    assertThat(res.get("eng_pd").get("exact_match,none").asDouble()).isEqualTo(2.0 / 3);
    JsonNode group = res.get("eng_group");
    assertThat(group.get("exact_match,none").asDouble()).isEqualTo(5.0 / 9);
    assertThat(group.get("alias").asText()).isEqualTo("eng_group");
    assertThat(results().get("groups").has("eng_group")).isTrue();
    assertThat(results().get("versions").get("eng_group").asDouble()).isEqualTo(1.0);
    assertThat(results().get("versions").get("eng_gen").asDouble()).isEqualTo(2.0);
    assertThat(results().get("n-samples").get("eng_pd").get("original").asInt()).isEqualTo(3);
    assertThat(results().get("group_subtasks").get("eng_group")).hasSize(2);
    List<JsonNode> lines = samples("eng_gen");
    assertThat(lines).hasSize(12);
    assertThat(lines.get(0).get("input").asText()).isEqualTo("Question 0?\nAnswer:");
    assertThat(lines.get(1).get("filtered_resps").asText()).isEqualTo("YES");
    // with reasoning tags on (the CLI default) resps is the filtered, pre-strip value, so equal ones are dropped
    assertThat(lines.get(1).has("resps")).isFalse();
  }

  @Test
  void multipleChoicePicksTheLowestLossAndNormalisesByLength() throws Exception {
    CliRun.Result r = eval("--tasks", "eng_mc");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode mc = results().get("results").get("eng_mc");
    assertThat(mc.get("acc,none").asDouble()).isEqualTo(4.0 / 6);
    assertThat(mc.get("acc_norm,none").asDouble()).isEqualTo(5.0 / 6);
    assertThat(mc.get("acc_stderr,none").isNumber()).isTrue();
    JsonNode first = samples("eng_mc").get(0);
    assertThat(first.get("filtered_resps")).hasSize(3);
    assertThat(first.get("filtered_resps").get(1).get(0).asText()).isEqualTo("0.25");
    assertThat(first.get("filtered_resps").get(1).get(1).asText()).isEqualTo("True");
    assertThat(first.get("target").asText()).isEqualTo("1");
  }

  @Test
  void failedSamplesAreCountedNeverScoredAndMakeTheExitCodeNonzero() throws Exception {
    CliRun.Result r = eval("--tasks", "eng_gen", "--model_args", "fail_docs=1|4");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode res = results();
    assertThat(res.get("n-errors").get("eng_gen").asInt()).isEqualTo(2);
    assertThat(res.get("results").get("eng_gen").get("exact_match,none").asDouble()).isEqualTo(1.0 / 4);
    List<JsonNode> lines = samples("eng_gen");
    assertThat(lines).filteredOn(l -> l.has("error")).hasSize(2)
        .allMatch(l -> l.get("error").asText().contains("fake failure"));
  }

  @Test
  void aFractionalLimitIsResolvedAgainstTheFirstTaskAsInLmmsEval() throws Exception {
    CliRun.Result r = eval("--tasks", "eng_tag", "--limit", "0.25");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode n = results().get("n-samples");
    // the tag expands to eng_mc (6 docs) then eng_pd (3 docs): ceil(6 * 0.25) = 2 docs for both
    assertThat(n.fieldNames()).toIterable().containsExactly("eng_mc", "eng_pd");
    assertThat(n.get("eng_pd").get("effective").asInt()).isEqualTo(2);
    assertThat(n.get("eng_mc").get("effective").asInt()).isEqualTo(2);
    assertThat(samples("eng_mc")).hasSize(2);
  }

  @Test
  void resumeReusesJournaledResponses() throws Exception {
    assertThat(eval("--tasks", "eng_gen").exitCode()).isZero();
    Path journal = Files.walk(tmp.resolve("out")).filter(p -> p.endsWith("responses.journal.jsonl")).findFirst().orElseThrow();
    assertThat(Files.readAllLines(journal)).hasSize(6);
    // a resumed run with a failing model still succeeds: every answer comes from the journal
    CliRun.Result again = eval("--tasks", "eng_gen", "--resume", "--model_args", "fail_docs=0|1|2|3|4|5");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(results().get("results").get("eng_gen").get("exact_match,none").asDouble()).isEqualTo(0.5);
  }

  @Test
  void aMissingColumnNamesTheTaskTheColumnAndTheDatasetFile() throws IOException {
    Path extra = tmp.resolve("extra-tasks/broken");
    Files.createDirectories(extra);
    Files.writeString(extra.resolve("broken.yaml"), "task: eng_broken\ndataset_path: test-org/EngineQA\n"
        + "test_split: test\ndoc_to_text: \"{{question}}\"\ndoc_to_visual: picture\ndoc_to_target: answer\n");
    CliRun.Result r = CliRun.in(CliRun.repoRoot()).run("--model", "fake", "--include_path",
        tmp.resolve("extra-tasks").toString(), "--data_dir", data.toString(), "--tasks", "eng_broken");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("task 'eng_broken'", "missing column 'picture'", "test-00000-of-00001.parquet");
  }

  @Test
  void regexFiltersDescriptionsAndSystemInstructionsShapeWhatIsScored() throws Exception {
    CliRun.Result r = eval("--tasks", "eng_regex", "--system_instruction", "SYS:", "--model_args", "answer=no 7 or yes");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode line = samples("eng_regex").get(0);
    assertThat(line.get("input").asText()).isEqualTo("SYS:\n\nLook closely. Question 0?\nAnswer:");
    assertThat(line.get("filtered_resps").asText()).isEqualTo("yes");
    // as in lmms-eval v0.7 (reasoning tags on), resps is the post-filter value, equal here, so it is dropped
    assertThat(line.has("resps")).isFalse();
    assertThat(results().get("results").get("eng_regex").get("exact_match,flexible-extract").asDouble())
        .isEqualTo(1.0 / 3);
  }

  @Test
  void genKwargsOverrideTheYamlAndPredictOnlyBypassesMetrics() throws Exception {
    CliRun.Result r = eval("--tasks", "eng_gen", "--gen_kwargs", "max_new_tokens=3,temperature=0.5", "--predict_only");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode res = results();
    assertThat(res.get("configs").get("eng_gen").get("generation_kwargs").toString())
        .isEqualTo("{\"max_new_tokens\":3,\"temperature\":0.5,\"until\":[\"\\n\\n\"]}");
    assertThat(res.get("config").get("gen_kwargs").get("max_new_tokens").asInt()).isEqualTo(3);
    JsonNode row = res.get("results").get("eng_gen");
    assertThat(row.get("bypass,none").asInt()).isEqualTo(999);
    assertThat(row.get("bypass_stderr,none").asText()).isEqualTo("N/A");
  }

  @Test
  void tasksSeeTheSamplesFolderOnlyWhenSamplesAreLogged() throws IOException {
    Path extra = tmp.resolve("extra-tasks/engine");
    Files.createDirectories(extra);
    Files.writeString(extra.resolve("eng_sd.yaml"), "task: eng_sd\ndataset_path: test-org/EngineQA\n"
        + "test_split: test\ndoc_to_text: \"{{question}}\"\ndoc_to_target: answer\nmetric_list:\n"
        + "  - metric: exact_match\n    aggregation: !function utils.samples_dir\n");
    for (boolean log : new boolean[] {true, false}) {
      Path out = tmp.resolve("sd-" + log);
      List<String> args = new ArrayList<>(List.of("--model", "fake", "--include_path",
          tmp.resolve("extra-tasks").toString(), "--data_dir", data.toString(), "--tasks", "eng_sd",
          "--output_path", out.toString(), "--verbosity", "WARNING"));
      if (log) args.add("--log_samples");
      CliRun.Result r = CliRun.in(CliRun.repoRoot()).run(args.toArray(new String[0]));
      assertThat(r.exitCode()).as(r.err()).isZero();
      Path results;
      try (Stream<Path> files = Files.walk(out)) {
        results = files.filter(p -> p.toString().endsWith("_results.json")).findFirst().orElseThrow();
      }
      String seen = JSON.readTree(results.toFile()).get("results").get("eng_sd").get("exact_match,none").asText();
      assertThat(seen).isEqualTo(log ? results.getParent().toString() : "none");
    }
  }
}
