package dev.magmaeval.reports.html;

import dev.magmaeval.reports.charts.Chart;
import dev.magmaeval.reports.leaderboard.Cell;
import dev.magmaeval.reports.leaderboard.Column;
import dev.magmaeval.reports.leaderboard.Leaderboard;
import dev.magmaeval.reports.leaderboard.PublishedRow;
import dev.magmaeval.reports.leaderboard.RunRow;
import dev.magmaeval.reports.published.PublishedCell;
import dev.magmaeval.reports.published.PublishedModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * {@code index.html}: one self-contained file (inline CSS and script, charts as data: URIs) that works offline. A
 * Content-Security-Policy allows only the page's own script (by hash), so nothing from a samples file can run even if
 * it escaped escaping.
 */
public final class HtmlPage {

  private HtmlPage() {}

  /**
   * @param generated when the report was made, as shown on the page
   * @param maxSamples the most sample lines shown per run and task
   */
  public static String render(Leaderboard board, List<Chart> charts, String generated, int maxSamples) {
    String css = Html.resource("report.css");
    String js = Html.resource("report.js");
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; ")
        .append("style-src 'unsafe-inline'; script-src 'sha256-").append(sha256(js)).append("'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n<title>magma-eval report</title>\n<style>\n").append(css)
        .append("</style>\n</head>\n<body>\n");
    header(b, board, generated);
    leaderboard(b, board);
    b.append("<section id=\"charts\">\n<h2>Charts</h2>\n");
    for (Chart chart : charts) {
      b.append("<figure id=\"chart-").append(Html.escape(chart.id())).append("\"><img class=\"chart\" alt=\"")
          .append(Html.escape(chart.title())).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(chart.png())).append("\"><figcaption>")
          .append(Html.escape(chart.caption())).append("</figcaption></figure>\n");
    }
    b.append("</section>\n<section id=\"samples\">\n<h2>Samples</h2>\n")
        .append("<p class=\"legend\">The first ").append(maxSamples)
        .append(" lines of each run's samples file per task: prompt, model output, target and the per-doc values.</p>\n")
        .append(SampleTables.render(board, maxSamples))
        .append("</section>\n<script>").append(js).append("</script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void header(StringBuilder b, Leaderboard board, String generated) {
    b.append("<header>\n<h1>magma-eval report</h1>\n<p class=\"meta\">").append(board.runs().size())
        .append(" run(s)");
    if (board.published() != null) {
      b.append(", published numbers from ").append(Html.escape(board.published().title())).append(" (")
          .append(Html.escape(String.valueOf(board.published().file().getFileName()))).append(")");
    }
    b.append(". Generated ").append(Html.escape(generated)).append(".</p>\n")
        .append("<nav><a href=\"#leaderboard\">Leaderboard</a><a href=\"#charts\">Charts</a>")
        .append("<a href=\"#samples\">Samples</a></nav>\n</header>\n");
  }

  private static void leaderboard(StringBuilder b, Leaderboard board) {
    b.append("<section id=\"leaderboard\">\n<h2>Leaderboard</h2>\n<p class=\"legend\">Values as stored in the results ")
        .append("files (lmms-eval's units); \u00b1 is the stderr. Below a value: the published number in the same unit ")
        .append("and the difference, <span class=\"delta better\">better</span>, <span class=\"delta worse\">worse</span>")
        .append(" or <span class=\"delta noise\">within 1.96 stderr</span>. <span class=\"tag ft\">fine-tuned</span> ")
        .append("marks a number from a fine-tuned checkpoint that was not released. Click a header to sort.</p>\n");
    if (!board.publishedRows().isEmpty()) {
      b.append("<label><input type=\"checkbox\" id=\"toggle-published\" checked> show published models</label>\n");
    }
    b.append("<div class=\"scroll\"><table id=\"leaderboard-table\" class=\"sortable\">\n<thead><tr>")
        .append("<th data-sort=\"text\" aria-sort=\"none\">Model</th>");
    for (Column c : board.columns()) {
      b.append("<th data-sort=\"number\" aria-sort=\"none\" data-column=\"").append(Html.escape(c.id()))
          .append("\" title=\"").append(Html.escape(c.task() + " " + c.key().key())).append("\">")
          .append(Html.escape(c.alias())).append("<br><small>").append(Html.escape(c.key().key())).append("</small></th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (RunRow row : board.runs()) {
      runRow(b, board, row);
    }
    for (PublishedRow row : board.publishedRows()) {
      publishedRow(b, board, row);
    }
    b.append("</tbody></table></div>\n</section>\n");
  }

  private static void runRow(StringBuilder b, Leaderboard board, RunRow row) {
    String label = row.run().label();
    b.append("<tr class=\"run\"><th scope=\"row\" data-value=\"").append(Html.escape(label)).append("\">")
        .append(Html.escape(label));
    if (row.comparedTo() != null) {
      b.append("<br><small class=\"note\">vs ").append(Html.escape(row.comparedTo().label())).append("</small>");
    }
    b.append("</th>");
    for (Column c : board.columns()) {
      Cell cell = row.cells().get(c.id());
      if (cell == null) {
        b.append("<td data-value=\"\"></td>");
        continue;
      }
      double v = cell.metric().value().value();
      int decimals = Fmt.decimals(v);
      b.append("<td data-value=\"").append(Html.escape(cell.metric().value().text())).append("\" title=\"")
          .append(Html.escape(cell.metric().value().text())).append(cell.samples() == null ? "" : ", n=" + cell.samples())
          .append("\"><span class=\"v\">").append(Fmt.value(v, decimals)).append("</span>");
      if (cell.metric().stderr() != null) {
        b.append("<span class=\"se\">\u00b1").append(Fmt.value(cell.metric().stderr().value(), decimals)).append("</span>");
      }
      if (cell.published() != null) {
        published(b, cell, decimals);
      }
      b.append("</td>");
    }
    b.append("</tr>\n");
  }

  private static void published(StringBuilder b, Cell cell, int decimals) {
    PublishedCell ref = cell.published();
    String cls = cell.withinNoise() ? "noise" : cell.worse() ? "worse" : "better";
    b.append("<div class=\"pub\" title=\"").append(Html.escape(ref.model().label() + ", " + ref.source() + ": "
        + ref.paperValue().toPlainString() + " as printed" + (ref.note() == null ? "" : "; " + ref.note())))
        .append("\">paper ").append(Html.escape(ref.resultsValue().toPlainString()));
    if (cell.delta() != null) {
      b.append(" <span class=\"delta ").append(cls).append("\">").append(Fmt.signed(cell.delta(), decimals)).append("</span>");
    }
    if (ref.fineTuned()) {
      b.append(" <span class=\"tag ft\">fine-tuned</span>");
    }
    b.append("</div>");
  }

  private static void publishedRow(StringBuilder b, Leaderboard board, PublishedRow row) {
    PublishedModel model = row.model();
    b.append("<tr class=\"published ").append(Html.escape(model.checkpoint())).append("\"><th scope=\"row\" data-value=\"")
        .append(Html.escape(model.label())).append("\">").append(Html.escape(model.label()))
        .append(" <span class=\"tag\">paper</span>");
    boolean fineTuned = row.cells().values().stream().anyMatch(PublishedCell::fineTuned);
    if (fineTuned && !model.isBaseline()) {
      b.append(" <span class=\"tag ft\">fine-tuned</span>");
    }
    b.append("</th>");
    for (Column c : board.columns()) {
      PublishedCell cell = row.cells().get(c.id());
      if (cell == null) {
        b.append("<td data-value=\"\"></td>");
      } else {
        b.append("<td data-value=\"").append(Html.escape(cell.resultsValue().toPlainString())).append("\" title=\"")
            .append(Html.escape(cell.source() + ": " + cell.paperValue().toPlainString() + " as printed"))
            .append("\">").append(Html.escape(cell.resultsValue().toPlainString())).append("</td>");
      }
    }
    b.append("</tr>\n");
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
