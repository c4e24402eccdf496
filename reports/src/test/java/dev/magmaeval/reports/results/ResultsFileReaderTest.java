package dev.magmaeval.reports.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.magmaeval.reports.BadInputException;
import dev.magmaeval.reports.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading lmms-eval v0.7.2 results.json files, quirks included (compat spec §3.2). */
class ResultsFileReaderTest {

  private static Path runAFile() {
    return Fixtures.runA().resolve("microsoft__Magma-8B/20260301_101500_results.json");
  }

  @Test
  void readsTaskAndGroupRowsInFileOrderWithAliasIndentationAsDepth() {
    ResultsFile file = ResultsFileReader.read(runAFile());

    assertThat(file.dateId()).isEqualTo("20260301_101500");
    assertThat(file.rows().keySet()).containsExactly("blink", "blink_counting", "blink_jigsaw", "mme", "pope",
        "screenspot_rec_test", "textvqa_val", "vqav2_val");
    TaskRow blink = file.rows().get("blink");
    assertThat(blink.group()).isTrue();
    assertThat(blink.depth()).isZero();
    TaskRow counting = file.rows().get("blink_counting");
    assertThat(counting.alias()).isEqualTo("blink_counting");
    assertThat(counting.depth()).isEqualTo(1);
    assertThat(counting.group()).isFalse();
  }

  @Test
  void keepsValuesAsWrittenAndStderrsThatAreNotNumbersAsText() {
    ResultsFile file = ResultsFileReader.read(runAFile());

    Metric vqa = file.rows().get("vqav2_val").metric(new MetricKey("exact_match", "none"));
    assertThat(vqa.value().text()).isEqualTo("0.7125000000000001");
    assertThat(vqa.stderr().value()).isPositive();
    Metric pope = file.rows().get("pope").metric(MetricKey.parse("pope_f1_score,none"));
    assertThat(pope.stderr()).isNull();
    assertThat(pope.rawStderr()).isEqualTo("N/A");
    assertThat(pope.anyStderr()).isEqualTo(pope.stderrClt());
    Metric submission = file.rows().get("textvqa_val").metric(MetricKey.parse("submission,none"));
    assertThat(submission.isNumeric()).isFalse();
    assertThat(submission.rawValue()).isEqualTo("null");
    // stderr keys are not metrics of their own
    assertThat(file.rows().get("pope").metrics()).hasSize(5);
  }

  @Test
  void readsModelNamesDirectionsAndSampleCounts() {
    ResultsFile file = ResultsFileReader.read(runAFile());

    assertThat(file.modelIds()).containsExactly("microsoft/Magma-8B", "microsoft__Magma-8B",
        "pretrained=microsoft/Magma-8B,dtype=bfloat16", "magma");
    assertThat(file.higherIsBetter().get("pope")).containsEntry("pope_accuracy", true);
    assertThat(file.effectiveSamples()).containsEntry("vqav2_val", 40L);
    assertThat(file.samplesFile("pope").getFileName().toString()).isEqualTo("20260301_101500_samples_pope.jsonl");
  }

  @Test
  void acceptsPythonsNanInfinityAndEmptyListValues(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x_results.json");
    Files.writeString(f, "{\"results\": {\"mmmu_val\": {\"alias\": \"mmmu_val\", \"mmmu_acc,none\": NaN,"
        + " \"mmmu_acc_stderr,none\": \"N/A\", \"submission,none\": [], \"submission_stderr,none\": [],"
        + " \"x,none\": Infinity, \"tiny,none\": 1e-05}}}");

    TaskRow row = ResultsFileReader.read(f).rows().get("mmmu_val");

    assertThat(row.metric(MetricKey.parse("mmmu_acc,none")).value().value()).isNaN();
    assertThat(row.metric(MetricKey.parse("x,none")).value().value()).isInfinite();
    assertThat(row.metric(MetricKey.parse("submission,none")).rawValue()).isEqualTo("[]");
    assertThat(row.metric(MetricKey.parse("tiny,none")).value().text()).isEqualTo("0.00001");
  }

  @Test
  void badInputNamesTheFileAndTheField(@TempDir Path dir) throws IOException {
    Path noResults = dir.resolve("a_results.json");
    Files.writeString(noResults, "{\"config\": {}}");
    Path badRow = dir.resolve("b_results.json");
    Files.writeString(badRow, "{\"results\": {\"vqav2_val\": 3}}");
    Path broken = dir.resolve("c_results.json");
    Files.writeString(broken, "{\n\"results\": {,}\n}");

    assertThatThrownBy(() -> ResultsFileReader.read(noResults)).isInstanceOf(BadInputException.class)
        .hasMessage(noResults + ": results: missing (not an lmms-eval results file?)");
    assertThatThrownBy(() -> ResultsFileReader.read(badRow)).hasMessage(badRow + ": results.vqav2_val: expected an object");
    assertThatThrownBy(() -> ResultsFileReader.read(broken)).hasMessageStartingWith(broken + ":2: invalid JSON");
  }

  @Test
  void aFolderIsOneRunAndSeveralFoldersAreLabelledRelativeToTheirCommonParent() {
    List<Run> runs = RunLoader.load(List.of(Fixtures.runA(), Fixtures.runB()));

    assertThat(runs).extracting(Run::label).containsExactly("run-a/microsoft__Magma-8B", "run-b/models__magma-8b-onnx");
    assertThat(runs.get(1).samplesFile("vqav2_val")).isPresent();
    assertThat(runs.get(1).modelIds()).contains("models/magma-8b-onnx");
    assertThat(RunLoader.load(List.of(Fixtures.lmmsEvalRuns()))).hasSize(2);
    assertThatThrownBy(() -> RunLoader.loadOne(Fixtures.lmmsEvalRuns(), "--run"))
        .hasMessageContaining("--run: expected one run, found results in 2 folders");
  }

  @Test
  void theNewerFileWinsWhenTwoFilesOfOneFolderHoldTheSameTask(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("20260101_000000_results.json"),
        "{\"results\": {\"a\": {\"alias\": \"a\", \"m,none\": 0.1}, \"b\": {\"alias\": \"b\", \"m,none\": 0.2}}}");
    Files.writeString(dir.resolve("20260102_000000_results.json"), "{\"results\": {\"a\": {\"alias\": \"a\", \"m,none\": 0.3}}}");

    Run run = RunLoader.loadOne(dir, "--run");

    assertThat(run.tasks().get("a").metric(MetricKey.parse("m,none")).value().text()).isEqualTo("0.3");
    assertThat(run.tasks().get("b").metric(MetricKey.parse("m,none")).value().text()).isEqualTo("0.2");
  }
}
