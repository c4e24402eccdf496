package dev.magmaeval.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.reports.testing.Fixtures;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./eval report} over the two lmms-eval-format fixture runs and configs/published/magma-paper.yaml. */
class ReportCommandTest {

  @TempDir static Path out;
  private static Fixtures.Console console;
  private static int code;

  @BeforeAll
  static void report() {
    console = new Fixtures.Console(Fixtures.repositoryRoot());
    Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    code = new ReportCommand(clock).run(new String[] {Fixtures.runA().toString(), Fixtures.runB().toString(),
        "--published", "configs/published/magma-paper.yaml", "--out", out.toString()}, console.environment());
  }

  private static List<CSVRecord> csv() throws IOException {
    try (Reader in = Files.newBufferedReader(out.resolve("leaderboard.csv"))) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
  }

  private static CSVRecord row(List<CSVRecord> rows, String run, String task, String metric) {
    return rows.stream().filter(r -> r.get("run").startsWith(run) && r.get("task").equals(task)
        && r.get("metric").equals(metric)).findFirst().orElseThrow();
  }

  @Test
  void writesThePageAndTheCsv() {
    assertThat(code).as(console.err()).isZero();
    assertThat(console.out()).startsWith("eval report: wrote " + out.resolve("index.html"))
        .contains("(2 run(s), 25 metric columns, 9 charts)");
    assertThat(out.resolve("index.html")).isRegularFile();
    assertThat(out.resolve("leaderboard.csv")).isRegularFile();
  }

  @Test
  void csvHasOneRowPerRunTaskAndMetricWithPublishedValuesAndDeltas() throws IOException {
    List<CSVRecord> rows = csv();

    assertThat(rows).hasSize(50);
    Map<String, Long> perRun = rows.stream().collect(Collectors.groupingBy(r -> r.get("run"), Collectors.counting()));
    assertThat(perRun).containsOnly(Map.entry("run-a/microsoft__Magma-8B", 25L), Map.entry("run-b/models__magma-8b-onnx", 25L));
    CSVRecord vqa = row(rows, "run-a", "vqav2_val", "exact_match");
    assertThat(vqa.toMap()).containsEntry("filter", "none").containsEntry("value", "0.7125000000000001")
        .containsEntry("n_samples", "40").containsEntry("published_model", "Magma-8B")
        .containsEntry("published_value", "0.8").containsEntry("published_paper_value", "80.0")
        .containsEntry("published_setting", "zero-shot").containsEntry("delta", "-0.0874999999999999")
        .containsEntry("published_source", "Table 2, row \"Magma-8B\", column \"VQAv2\"");
    assertThat(vqa.get("stderr")).isEqualTo("0.06851796507822996");
    CSVRecord mme = row(rows, "run-b", "mme", "mme_perception_score");
    assertThat(mme.toMap()).containsEntry("published_model", "Magma-8B (Full) + SFT-820K")
        .containsEntry("published_setting", "fine-tuned").containsEntry("published_value", "1588.7")
        .containsEntry("stderr", "N/A");
    CSVRecord webIcon = row(rows, "run-a", "screenspot_rec_test", "screenspot_Center_ACC-web_icon");
    assertThat(webIcon.get("published_value")).isEqualTo("0.52");
    CSVRecord counting = row(rows, "run-a", "blink_counting", "blink_acc");
    assertThat(counting.get("published_value")).isEmpty();
    assertThat(counting.get("delta")).isEmpty();
    assertThat(rows).noneMatch(r -> r.get("metric").equals("submission")); // null in the results file
  }

  @Test
  void theHtmlPageIsSelfContainedAndEscapesModelOutputs() throws IOException {
    String html = Files.readString(out.resolve("index.html"));

    assertThat(html).contains("Generated 2026-03-04T05:06:07 UTC")
        .contains("&lt;script&gt;window.__xss = 1&lt;/script&gt;")
        .contains("&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;")
        .doesNotContain("<script>window.__xss").doesNotContain("<img src=x")
        .contains("Content-Security-Policy")
        .doesNotContain("http://").doesNotContain("https://");
    assertThat(html.split("<img class=\"chart\"", -1)).hasSize(10);
    assertThat(html).contains("id=\"chart-platforms-screenspot_rec_test_screenspot_Center_ACC_none\"");
  }
}
