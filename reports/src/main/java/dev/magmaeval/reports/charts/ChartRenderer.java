package dev.magmaeval.reports.charts;

import dev.magmaeval.reports.leaderboard.Cell;
import dev.magmaeval.reports.leaderboard.Column;
import dev.magmaeval.reports.leaderboard.Leaderboard;
import dev.magmaeval.reports.leaderboard.RunRow;
import dev.magmaeval.reports.published.PublishedCell;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Renders the report's charts with JFreeChart as PNGs: per task, its metrics across runs (and the published number);
 * per platform breakdown ({@code <metric>-<mobile|desktop|web>_<text|icon>}, the split names of ScreenSpot), the six
 * cells across runs.
 */
public final class ChartRenderer {

  /** The platform split names of lmms-eval's ScreenSpot aggregation (utils_rec.py), in display order. */
  static final List<String> PLATFORM_SPLITS =
      List.of("mobile_text", "mobile_icon", "desktop_text", "desktop_icon", "web_text", "web_icon");
  static final Pattern PLATFORM_METRIC = Pattern.compile("^(.+)-((?:mobile|desktop|web)_(?:text|icon))$");
  private static final int HEIGHT = 340;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ChartRenderer() {}

  /** One chart per task: its metrics (breakdown metrics excepted) as categories, runs as series. */
  public static List<Chart> taskCharts(Leaderboard board) {
    Map<String, List<Column>> byTask = new LinkedHashMap<>();
    for (Column c : board.columns()) {
      if (!PLATFORM_METRIC.matcher(c.key().metric()).matches()) {
        byTask.computeIfAbsent(c.task(), t -> new ArrayList<>()).add(c);
      }
    }
    List<Chart> charts = new ArrayList<>();
    for (Map.Entry<String, List<Column>> e : byTask.entrySet()) {
      DefaultCategoryDataset data = dataset(board, e.getValue(), c -> c.key().key());
      if (data.getColumnCount() > 0) {
        charts.add(render("task-" + e.getKey(), e.getKey(), "Metrics of " + e.getKey() + " by run", "metric", data));
      }
    }
    return charts;
  }

  /** One chart per task and breakdown metric: the six platform × element-type cells across runs. */
  public static List<Chart> platformCharts(Leaderboard board) {
    Map<String, Map<String, Column>> groups = new LinkedHashMap<>();
    for (Column c : board.columns()) {
      Matcher m = PLATFORM_METRIC.matcher(c.key().metric());
      if (m.matches()) {
        String group = c.task() + " " + m.group(1) + "," + c.key().filter();
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(m.group(2), c);
      }
    }
    List<Chart> charts = new ArrayList<>();
    for (Map.Entry<String, Map<String, Column>> e : groups.entrySet()) {
      List<Column> ordered = new ArrayList<>();
      PLATFORM_SPLITS.stream().filter(e.getValue()::containsKey).forEach(s -> ordered.add(e.getValue().get(s)));
      DefaultCategoryDataset data = dataset(board, ordered, c -> split(c).replace('_', ' '));
      String id = "platforms-" + e.getKey().replaceAll("[^A-Za-z0-9_.-]+", "_");
      String title = e.getKey().replaceFirst(" ", ": ").replace(",none", "") + " by platform";
      charts.add(render(id, title, "Per-platform breakdown of " + e.getKey()
          + " (mobile / desktop / web \u00d7 text / icon)", "platform", data));
    }
    return charts;
  }

  private static String split(Column c) {
    Matcher m = PLATFORM_METRIC.matcher(c.key().metric());
    return m.matches() ? m.group(2) : c.key().metric();
  }

  private static DefaultCategoryDataset dataset(Leaderboard board, List<Column> columns, Function<Column, String> category) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Map<String, Map<Column, PublishedCell>> paper = new LinkedHashMap<>();
    for (RunRow row : board.runs()) {
      for (Column c : columns) {
        Cell cell = row.cells().get(c.id());
        if (cell == null || !cell.metric().value().isFinite()) {
          continue;
        }
        data.addValue(cell.metric().value().value(), row.run().label(), category.apply(c));
        if (cell.published() != null) {
          String series = "paper: " + cell.published().model().label() + (cell.published().fineTuned() ? " (fine-tuned)" : "");
          paper.computeIfAbsent(series, s -> new LinkedHashMap<>()).putIfAbsent(c, cell.published());
        }
      }
    }
    for (Map.Entry<String, Map<Column, PublishedCell>> e : paper.entrySet()) {
      e.getValue().forEach((c, p) -> data.addValue(p.resultsValue().doubleValue(), e.getKey(), category.apply(c)));
    }
    return data;
  }

  private static Chart render(String id, String title, String caption, String axis, DefaultCategoryDataset data) {
    JFreeChart chart = ChartFactory.createBarChart(title, axis, "value", data, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(new Color(0xF7F7F7));
    plot.setRangeGridlinePaint(new Color(0xBBBBBB));
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.04);
    for (int i = 0; i < data.getRowCount(); i++) {
      if (String.valueOf(data.getRowKey(i)).startsWith("paper: ")) {
        renderer.setSeriesPaint(i, new Color(0x9E9E9E)); // published numbers in grey, runs in colour
      }
    }
    if (data.getColumnCount() > 4) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    int bars = data.getColumnCount() * Math.max(1, data.getRowCount());
    int width = Math.min(1400, Math.max(520, 160 + bars * 26));
    return new Chart(id, title, caption, png(chart, width, HEIGHT + (data.getColumnCount() > 4 ? 80 : 0)));
  }

  private static byte[] png(JFreeChart chart, int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

}
