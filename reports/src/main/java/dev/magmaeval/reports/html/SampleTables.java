package dev.magmaeval.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.reports.leaderboard.Column;
import dev.magmaeval.reports.leaderboard.Leaderboard;
import dev.magmaeval.reports.leaderboard.RunRow;
import dev.magmaeval.reports.results.SampleLine;
import dev.magmaeval.reports.results.SamplesReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The per-task drill-down: the first samples of each run, as escaped HTML tables inside {@code <details>}. */
final class SampleTables {

  private static final int TEXT_LIMIT = 2000;

  private SampleTables() {}

  /** A run's shown samples of one task, and how many lines its file has. */
  record Shown(String run, Path file, List<SampleLine> lines, int total) {}

  static String render(Leaderboard board, int maxPerRun) {
    Map<String, Set<String>> metricsByTask = new LinkedHashMap<>();
    for (Column c : board.columns()) {
      metricsByTask.computeIfAbsent(c.task(), t -> new LinkedHashSet<>()).add(c.key().metric());
    }
    StringBuilder b = new StringBuilder();
    int tasksWithSamples = 0;
    for (Map.Entry<String, Set<String>> task : metricsByTask.entrySet()) {
      List<Shown> shown = new ArrayList<>();
      for (RunRow row : board.runs()) {
        Optional<Path> file = row.run().samplesFile(task.getKey());
        file.ifPresent(f -> shown.add(read(row.run().label(), f, maxPerRun)));
      }
      if (shown.isEmpty()) {
        continue;
      }
      tasksWithSamples++;
      String id = "samples-" + task.getKey().replaceAll("[^A-Za-z0-9_.-]+", "_");
      b.append("<details class=\"task-samples\" id=\"").append(Html.escape(id)).append("\"><summary>")
          .append(Html.escape(task.getKey())).append("</summary>\n");
      for (Shown s : shown) {
        table(b, s, task.getValue());
      }
      b.append("</details>\n");
    }
    if (tasksWithSamples == 0) {
      b.append("<p class=\"note\">No samples files (runs without --log_samples).</p>\n");
    }
    return b.toString();
  }

  private static Shown read(String run, Path file, int max) {
    List<SampleLine> lines = new ArrayList<>();
    int[] total = {0};
    SamplesReader.read(file, line -> {
      total[0]++;
      if (lines.size() < max) {
        lines.add(line);
      }
    });
    return new Shown(run, file, lines, total[0]);
  }

  private static void table(StringBuilder b, Shown s, Set<String> metrics) {
    b.append("<h3>").append(Html.escape(s.run())).append(" <span class=\"note\">(")
        .append(s.lines().size()).append(" of ").append(s.total()).append(" lines of ")
        .append(Html.escape(s.file().getFileName().toString())).append(")</span></h3>\n");
    b.append("<table class=\"samples\"><thead><tr><th>doc</th><th>prompt</th><th>model output</th><th>target</th>");
    List<String> shownMetrics = new ArrayList<>();
    for (String m : metrics) {
      if (s.lines().stream().anyMatch(l -> l.fields().containsKey(m))) {
        shownMetrics.add(m);
        b.append("<th>").append(Html.escape(m)).append("</th>");
      }
    }
    b.append("</tr></thead><tbody>\n");
    for (SampleLine line : s.lines()) {
      b.append("<tr><td>").append(line.docId()).append("</td>");
      text(b, "prompt", line.input());
      String output = line.rawOutput() == null ? line.output()
          : line.output() + "\n\u2014 before filters/reasoning strip:\n" + line.rawOutput();
      text(b, "output", output);
      text(b, "target", line.target());
      for (String m : shownMetrics) {
        JsonNode v = line.fields().get(m);
        text(b, "score", v == null ? "" : v.isTextual() ? v.asText() : v.toString());
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  private static void text(StringBuilder b, String cls, String value) {
    b.append("<td class=\"text ").append(cls).append("\">").append(Html.escape(Html.clip(value, TEXT_LIMIT)))
        .append("</td>");
  }
}
