package dev.magmaeval.reports.cli;

import dev.magmaeval.harness.api.CliCommand;
import dev.magmaeval.reports.BadInputException;
import dev.magmaeval.reports.gate.Baseline;
import dev.magmaeval.reports.gate.GateEvaluator;
import dev.magmaeval.reports.gate.GateJUnit;
import dev.magmaeval.reports.gate.GateMarkdown;
import dev.magmaeval.reports.gate.GatePolicy;
import dev.magmaeval.reports.gate.GateResult;
import dev.magmaeval.reports.gate.PolicyReader;
import dev.magmaeval.reports.gate.SampleDiff;
import dev.magmaeval.reports.published.PublishedModel;
import dev.magmaeval.reports.published.PublishedNumbers;
import dev.magmaeval.reports.published.PublishedReader;
import dev.magmaeval.reports.results.Run;
import dev.magmaeval.reports.results.RunLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./eval gate --run NEW --baseline REF [--policy FILE]}: the CI regression gate. */
public final class GateCommand implements CliCommand {

  static final String DEFAULT_POLICY = "configs/gates/default.yaml";

  @Command(name = "gate", sortOptions = false,
      description = {"Checks a run against a baseline (a run, or published numbers) under a policy: a metric fails "
          + "when it drops beyond the allowed margin and the drop is significant (McNemar or a paired bootstrap on "
          + "per-sample scores; a z-test on stderrs without samples). Missing metrics fail unless optional.",
          "Writes summary.md (for a CI job summary), junit.xml and sample-diff.md to --out, and prints the summary."},
      exitCodeListHeading = "Exit codes:%n",
      exitCodeList = {"0:pass", "1:regression (or a required metric missing)", "2:bad input (the message names the "
          + "file and field)"})
  static final class Options {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--run", paramLabel = "NEW", required = true, description = "the run to check (results file or folder)")
    Path run;

    @Option(names = "--baseline", paramLabel = "REF", required = true,
        description = "the reference: a results file or folder, or a published-numbers YAML")
    Path baseline;

    @Option(names = "--policy", paramLabel = "FILE",
        description = "gate policy YAML (default: " + DEFAULT_POLICY + " when present, else 1%% relative, alpha 0.05)")
    Path policy;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "gate-report",
        description = "folder for summary.md, junit.xml, sample-diff.md (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--compare-to", paramLabel = "MODEL",
        description = "with a published baseline: the model id to check against (default: the model the run's "
            + "name matches, else the file's reference_model)")
    String compareTo;

    @Option(names = "--max-flips", paramLabel = "N", defaultValue = "50",
        description = "docs shown with their outputs per list in sample-diff.md (default: ${DEFAULT-VALUE})")
    int maxFlips;
  }

  @Override
  public String name() {
    return "gate";
  }

  @Override
  public String description() {
    return "CI regression gate: compare a run with a baseline run or published numbers under a policy";
  }

  @Override
  public int run(String[] args, Environment env) {
    Options o = new Options();
    Integer early = Commands.parse(o, args, env);
    if (early != null) {
      return early;
    }
    try {
      GatePolicy policy = policy(o, env);
      Run now = RunLoader.loadOne(Commands.resolve(env, o.run), "--run");
      Path ref = Commands.resolve(env, o.baseline);
      Baseline baseline;
      if (Files.isRegularFile(ref) && Commands.isPublishedFile(ref)) {
        PublishedNumbers published = PublishedReader.read(ref);
        PublishedModel model = Commands.compareTo(published, o.compareTo);
        baseline = Baseline.of(published, model != null ? model : published.modelFor(now.modelIds()));
      } else {
        baseline = Baseline.of(RunLoader.loadOne(ref, "--baseline"));
      }
      if (baseline.metrics().isEmpty()) {
        throw new BadInputException(ref + ": --baseline: no numeric metric to check against");
      }
      GateResult result = GateEvaluator.evaluate(now, baseline, policy);
      Path out = Commands.resolve(env, o.out);
      Files.createDirectories(out);
      String summary = GateMarkdown.render(result);
      Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);
      GateJUnit.write(result, out.resolve("junit.xml"));
      Files.writeString(out.resolve("sample-diff.md"), SampleDiff.render(result, Math.max(0, o.maxFlips)),
          StandardCharsets.UTF_8);
      env.out().print(summary);
      env.out().println();
      env.out().println("eval gate: " + (result.passed() ? "PASSED" : "FAILED, " + result.failures() + " of "
          + result.checks().size() + " checks") + "; wrote " + out.resolve("summary.md") + ", junit.xml, sample-diff.md");
      return result.passed() ? 0 : 1;
    } catch (BadInputException e) {
      env.err().println("eval gate: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      env.err().println("eval gate: cannot write output: " + e.getMessage());
      return 2;
    }
  }

  private static GatePolicy policy(Options o, Environment env) {
    if (o.policy != null) {
      Path p = Commands.resolve(env, o.policy);
      if (!Files.isRegularFile(p)) {
        throw new BadInputException(p + ": --policy: no such file");
      }
      return PolicyReader.read(p);
    }
    Path fallback = env.home() == null ? null : env.home().resolve(DEFAULT_POLICY);
    return fallback != null && Files.isRegularFile(fallback) ? PolicyReader.read(fallback) : GatePolicy.builtIn();
  }
}
