package dev.magmaeval.harness.testkit;

import dev.magmaeval.harness.cli.Cli;
import dev.magmaeval.harness.run.RunConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code ./eval} in-process with injected surroundings (environment, clock, streams), so a lab can test its
 * own task or backend plugin in a few lines: {@code CliRun.in(repoRoot).env("HF_HOME", dir).run("--tasks", ...)}.
 */
public final class CliRun {
  private final Path home;
  private Path workingDirectory;
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private CliRun(Path home) {
    this.home = home;
    this.workingDirectory = home;
    env.put("HOME", home.resolve("target/nonexistent-home").toString());
  }

  public static CliRun in(Path home) {
    return new CliRun(home.toAbsolutePath().normalize());
  }

  public CliRun env(String key, String value) {
    env.put(key, value);
    return this;
  }

  public CliRun workingDirectory(Path dir) {
    this.workingDirectory = dir.toAbsolutePath().normalize();
    return this;
  }

  public CliRun clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  public Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    RunConfig.Surroundings s = new RunConfig.Surroundings(Map.copyOf(env), workingDirectory, home, clock, o, e, false, 2);
    int code = new Cli(s, Thread.currentThread().getContextClassLoader()).run(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Exit code and captured output. */
  public record Result(int exitCode, String out, String err) {}

  /** The repository root, found from a module's working directory during tests. */
  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !java.nio.file.Files.isRegularFile(p.resolve("configs/tasks/vqav2/vqav2_val.yaml"))) p = p.getParent();
    if (p == null) throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
    return p;
  }
}
