package dev.magmaeval.reports.testing;

import dev.magmaeval.harness.api.CliCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Paths of the committed fixtures, and a captured {@link CliCommand.Environment} for running commands in tests. */
public final class Fixtures {

  private Fixtures() {}

  /** The two lmms-eval-format runs made by scripts/fixtures/reports/make_lmms_eval_runs.py. */
  public static Path lmmsEvalRuns() {
    return resource("/lmms-eval-runs");
  }

  public static Path runA() {
    return lmmsEvalRuns().resolve("run-a");
  }

  public static Path runB() {
    return lmmsEvalRuns().resolve("run-b");
  }

  /** The repository root (the module's parent folder). */
  public static Path repositoryRoot() {
    return Path.of("").toAbsolutePath().getParent();
  }

  public static Path publishedPaperFile() {
    return repositoryRoot().resolve("configs/published/magma-paper.yaml");
  }

  public static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  /** A command environment that captures stdout and stderr. */
  public static final class Console {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CliCommand.Environment environment;

    public Console(Path workingDirectory) {
      environment = new CliCommand.Environment(workingDirectory, repositoryRoot(), Map.of(),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    public CliCommand.Environment environment() {
      return environment;
    }

    public String out() {
      return out.toString(StandardCharsets.UTF_8);
    }

    public String err() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }
}
