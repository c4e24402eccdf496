package dev.magmaeval.reports.leaderboard;

import dev.magmaeval.reports.published.PublishedCell;
import dev.magmaeval.reports.published.PublishedModel;
import dev.magmaeval.reports.published.PublishedNumbers;
import dev.magmaeval.reports.results.Metric;
import dev.magmaeval.reports.results.Run;
import dev.magmaeval.reports.results.TaskRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs side by side: one column per numeric task metric found in any run, one row per run, the published numbers
 * beside each cell, and published models as rows of their own.
 *
 * @param published the published file, or null
 */
public record Leaderboard(List<Column> columns, List<RunRow> runs, List<PublishedRow> publishedRows,
    PublishedNumbers published) {

  public Leaderboard {
    columns = List.copyOf(columns);
    runs = List.copyOf(runs);
    publishedRows = List.copyOf(publishedRows);
  }

  /**
   * Builds the leaderboard. Each run is compared with {@code compareTo} when given, else with the published model its
   * name matches, else with the file's reference model.
   */
  public static Leaderboard build(List<Run> runs, PublishedNumbers published, PublishedModel compareTo) {
    Map<String, Column> columns = new LinkedHashMap<>();
    for (Run run : runs) {
      for (TaskRow row : run.tasks().values()) {
        for (Metric metric : row.metrics().values()) {
          if (metric.isNumeric()) {
            Column c = new Column(row.name(), row.alias(), metric.key());
            columns.putIfAbsent(c.id(), c);
          }
        }
      }
    }
    List<RunRow> rows = new ArrayList<>();
    for (Run run : runs) {
      PublishedModel model = published == null ? null
          : compareTo != null ? compareTo : published.modelFor(run.modelIds());
      rows.add(new RunRow(run, model, cells(run, columns.values(), published, model)));
    }
    return new Leaderboard(new ArrayList<>(columns.values()), rows, publishedRows(columns.values(), published), published);
  }

  private static Map<String, Cell> cells(Run run, Iterable<Column> columns, PublishedNumbers published,
      PublishedModel model) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (Column column : columns) {
      TaskRow row = run.tasks().get(column.task());
      Metric metric = row == null ? null : row.metric(column.key());
      if (metric == null || !metric.isNumeric()) {
        continue;
      }
      PublishedCell ref = published == null ? null
          : published.reference(model, column.task(), column.key()).orElse(null);
      BigDecimal delta = ref == null || !metric.value().isFinite() ? null
          : new BigDecimal(metric.value().text()).subtract(ref.resultsValue());
      cells.put(column.id(), new Cell(metric, ref, delta,
          run.higherIsBetter(column.task(), column.key().metric()), run.effectiveSamples(column.task())));
    }
    return cells;
  }

  private static List<PublishedRow> publishedRows(Iterable<Column> columns, PublishedNumbers published) {
    List<PublishedRow> rows = new ArrayList<>();
    if (published == null) {
      return rows;
    }
    for (PublishedModel model : published.models().values()) {
      Map<String, PublishedCell> cells = new LinkedHashMap<>();
      for (Column column : columns) {
        published.cell(model, column.task(), column.key()).ifPresent(c -> cells.put(column.id(), c));
      }
      if (!cells.isEmpty()) {
        rows.add(new PublishedRow(model, cells));
      }
    }
    return rows;
  }

}
