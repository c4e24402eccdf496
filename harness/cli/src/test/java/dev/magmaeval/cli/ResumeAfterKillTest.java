package dev.magmaeval.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.testkit.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed at an arbitrary moment (SIGKILL of a real child JVM) and resumed gives the results of an
 * uninterrupted run, apart from times and dates.
 */
class ResumeAfterKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = CliRun.repoRoot();

  @TempDir Path tmp;

  private List<String> args(Path out, String modelArgs) {
    return List.of("--model", "fake", "--model_args", modelArgs, "--tasks", "vqav2_val",
        "--data_dir", ROOT.resolve("scripts/fixtures/hub").toString(), "--output_path", out.toString(), "--log_samples",
        "--batch_size", "2");
  }

  @Test
  void killedMidRunThenResumedEqualsAnUninterruptedRun() throws Exception {
    Path out = tmp.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dmagmaeval.home=" + ROOT, "dev.magmaeval.harness.cli.Main"));
    cmd.addAll(args(out, "delay_ms=150"));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile()).start();
    Path journal = out.resolve("responses.journal.jsonl");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (lines(journal) < 6 && child.isAlive() && Instant.now().isBefore(deadline)) Thread.sleep(20);
    assertThat(child.isAlive()).as("the child must still be running when killed; log: %s",
        Files.exists(tmp.resolve("child.log")) ? Files.readString(tmp.resolve("child.log")) : "").isTrue();
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long journaled = lines(journal);
    assertThat(journaled).isBetween(6L, 19L);
    assertThat(resultsFiles(out)).isEmpty();

    List<String> resumeArgs = new ArrayList<>(args(out, "delay_ms=0"));
    resumeArgs.add("--resume");
    CliRun.Result resumed = CliRun.in(ROOT).run(resumeArgs.toArray(new String[0]));
    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resuming: " + journaled + " responses");

    Path clean = tmp.resolve("clean");
    CliRun.Result uninterrupted = CliRun.in(ROOT).run(args(clean, "delay_ms=0").toArray(new String[0]));
    assertThat(uninterrupted.exitCode()).isZero();

    JsonNode a = JSON.readTree(resultsFiles(out).get(0).toFile());
    JsonNode b = JSON.readTree(resultsFiles(clean).get(0).toFile());
    assertThat(a.get("results")).isEqualTo(b.get("results"));
    assertThat(a.get("n-samples")).isEqualTo(b.get("n-samples"));
    assertThat(samples(out)).isEqualTo(samples(clean));
  }

  private static long lines(Path file) throws Exception {
    if (!Files.exists(file)) return 0;
    return Files.readAllLines(file).stream().filter(l -> l.endsWith("}")).count();
  }

  private static List<Path> resultsFiles(Path dir) throws Exception {
    if (!Files.exists(dir)) return List.of();
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith("_results.json")).sorted().toList();
    }
  }

  private static List<String> samples(Path dir) throws Exception {
    try (var s = Files.list(dir)) {
      Path f = s.filter(p -> p.getFileName().toString().contains("_samples_")).sorted().reduce((x, y) -> y).orElseThrow();
      return Files.readAllLines(f);
    }
  }
}
