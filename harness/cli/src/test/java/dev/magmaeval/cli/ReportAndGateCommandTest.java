package dev.magmaeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.harness.testkit.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./eval report} and {@code ./eval gate} on real runs of the bundled fixture, through the dispatcher. */
class ReportAndGateCommandTest {
  private static final Path ROOT = CliRun.repoRoot();
  private static final Path FIXTURES = ROOT.resolve("scripts/fixtures");

  @TempDir Path tmp;

  private Path run(String name, Path replayFile) {
    Path out = tmp.resolve(name);
    CliRun.Result r = CliRun.in(ROOT).run("--model", "replay", "--model_args", "path=" + replayFile, "--tasks",
        "vqav2_val", "--data_dir", FIXTURES.resolve("hub").toString(), "--log_samples", "--output_path",
        out.toString(), "--verbosity", "WARNING");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return out;
  }

  /** The fixture's replay outputs with the first {@code n} answers replaced by a wrong one. */
  private Path worse(int n) throws Exception {
    List<String> lines = Files.readAllLines(FIXTURES.resolve("replay/vqav2_val.jsonl"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      out.add(i < n ? lines.get(i).replaceFirst("\"filtered_resps\": \"[^\"]*\"", "\"filtered_resps\": \"zebra\"") : lines.get(i));
    }
    Path f = tmp.resolve("worse_vqav2_val.jsonl");
    Files.write(f, out, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void reportWritesThePageAndTheCsvBesideThePublishedNumbers() throws Exception {
    Path a = run("a", FIXTURES.resolve("replay/vqav2_val.jsonl"));
    Path b = run("b", worse(5));
    CliRun.Result r = CliRun.in(ROOT).run("report", a.toString(), b.toString(), "--published",
        ROOT.resolve("configs/published/magma-paper.yaml").toString(), "--out", tmp.resolve("report").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String csv = Files.readString(tmp.resolve("report/leaderboard.csv"));
    assertThat(csv).contains("vqav2_val", "exact_match");
    assertThat(Files.readString(tmp.resolve("report/index.html"))).contains("<table", "vqav2_val");
  }

  @Test
  void gatePassesIdenticalRunsAndFailsASignificantDrop() throws Exception {
    Path a = run("a", FIXTURES.resolve("replay/vqav2_val.jsonl"));
    Path b = run("b", worse(12));
    CliRun.Result same = CliRun.in(ROOT).run("gate", "--run", a.toString(), "--baseline", a.toString(), "--out",
        tmp.resolve("g1").toString());
    assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
    CliRun.Result drop = CliRun.in(ROOT).run("gate", "--run", b.toString(), "--baseline", a.toString(), "--out",
        tmp.resolve("g2").toString());
    assertThat(drop.exitCode()).as(drop.out() + drop.err()).isEqualTo(1);
    assertThat(Files.readString(tmp.resolve("g2/summary.md"))).contains("vqav2_val");
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve("g2/junit.xml").toFile());
    CliRun.Result bad = CliRun.in(ROOT).run("gate", "--run", tmp.resolve("nope").toString(), "--baseline", a.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
  }
}
