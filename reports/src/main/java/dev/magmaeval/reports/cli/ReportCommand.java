package dev.magmaeval.reports.cli;

import dev.magmaeval.harness.api.CliCommand;
import dev.magmaeval.reports.BadInputException;
import dev.magmaeval.reports.charts.Chart;
import dev.magmaeval.reports.charts.ChartRenderer;
import dev.magmaeval.reports.html.HtmlPage;
import dev.magmaeval.reports.leaderboard.Leaderboard;
import dev.magmaeval.reports.leaderboard.LeaderboardCsv;
import dev.magmaeval.reports.published.PublishedNumbers;
import dev.magmaeval.reports.published.PublishedReader;
import dev.magmaeval.reports.results.Run;
import dev.magmaeval.reports.results.RunLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./eval report RUN_OR_DIR... --out DIR [--published FILE...]}: leaderboard.csv and index.html. */
public final class ReportCommand implements CliCommand {

  private final Clock clock;

  public ReportCommand() {
    this(Clock.systemUTC());
  }

  /** With an injected clock (the page shows when it was generated). */
  public ReportCommand(Clock clock) {
    this.clock = clock;
  }

  @Command(name = "report", sortOptions = false,
      description = {"Writes leaderboard.csv and a self-contained index.html (sortable table, published numbers and "
          + "deltas, charts, per-task samples) for one or more runs.",
          "A run is a folder of lmms-eval-format results (<date>_results.json, <date>_samples_<task>.jsonl); a folder "
          + "argument is searched for them, and each folder holding results files is one run."},
      exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:report written", "2:bad input (the message names the "
          + "file and field)"})
  static final class Options {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Parameters(paramLabel = "RUN_OR_DIR", arity = "1..*", description = "results files or folders")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder (created)")
    Path out;

    @Option(names = "--published", paramLabel = "FILE", arity = "1..*",
        description = "published-numbers YAML, e.g. configs/published/magma-paper.yaml")
    List<Path> published = new ArrayList<>();

    @Option(names = "--compare-to", paramLabel = "MODEL",
        description = "published model id to compare every run with (default: the model a run's name matches, "
            + "else the file's reference_model)")
    String compareTo;

    @Option(names = "--max-samples", paramLabel = "N", defaultValue = "50",
        description = "sample lines shown per run and task (default: ${DEFAULT-VALUE})")
    int maxSamples;
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String description() {
    return "HTML/CSV leaderboard of runs beside published numbers, with charts and per-sample drill-down";
  }

  @Override
  public int run(String[] args, Environment env) {
    Options o = new Options();
    Integer early = Commands.parse(o, args, env);
    if (early != null) {
      return early;
    }
    try {
      List<Path> paths = o.runs.stream().map(p -> Commands.resolve(env, p)).toList();
      List<Run> runs = RunLoader.load(paths);
      PublishedNumbers published = o.published.isEmpty() ? null : PublishedNumbers.merge(
          o.published.stream().map(p -> PublishedReader.read(Commands.resolve(env, p))).toList());
      Leaderboard board = Leaderboard.build(runs, published, Commands.compareTo(published, o.compareTo));
      List<Chart> charts = new ArrayList<>(ChartRenderer.taskCharts(board));
      charts.addAll(ChartRenderer.platformCharts(board));
      Path out = Commands.resolve(env, o.out);
      Files.createDirectories(out);
      LeaderboardCsv.write(board, out.resolve("leaderboard.csv"));
      String generated = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)
          .withNano(0)) + " UTC";
      Files.writeString(out.resolve("index.html"), HtmlPage.render(board, charts, generated, Math.max(0, o.maxSamples)),
          StandardCharsets.UTF_8);
      env.out().println("eval report: wrote " + out.resolve("index.html") + " and leaderboard.csv (" + runs.size()
          + " run(s), " + board.columns().size() + " metric columns, " + charts.size() + " charts)");
      return 0;
    } catch (BadInputException e) {
      env.err().println("eval report: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      env.err().println("eval report: cannot write output: " + e.getMessage());
      return 2;
    }
  }
}
