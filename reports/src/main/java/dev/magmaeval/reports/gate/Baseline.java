package dev.magmaeval.reports.gate;

import dev.magmaeval.reports.published.PublishedCell;
import dev.magmaeval.reports.published.PublishedModel;
import dev.magmaeval.reports.published.PublishedNumbers;
import dev.magmaeval.reports.results.Metric;
import dev.magmaeval.reports.results.MetricKey;
import dev.magmaeval.reports.results.ResultNumber;
import dev.magmaeval.reports.results.Run;
import dev.magmaeval.reports.results.TaskRow;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run is gated against: every numeric metric of a reference run, or the published numbers of one model.
 *
 * @param run the reference run (its samples allow paired tests), or null for published numbers
 */
public record Baseline(String label, List<Expected> metrics, Run run) {

  /** One metric the new run must hold. {@code stderr} may be null; {@code origin} says where a published number is from. */
  public record Expected(String task, MetricKey key, ResultNumber value, ResultNumber stderr, String origin) {}

  public Baseline {
    metrics = List.copyOf(metrics);
  }

  public static Baseline of(Run run) {
    List<Expected> metrics = new ArrayList<>();
    for (TaskRow row : run.tasks().values()) {
      for (Metric m : row.metrics().values()) {
        if (m.isNumeric()) {
          metrics.add(new Expected(row.name(), m.key(), m.value(), m.anyStderr(), null));
        }
      }
    }
    return new Baseline(run.directory().toString(), metrics, run);
  }

  /** The model's own published cells (a fine-tuned variant's cells only when the variant itself is chosen). */
  public static Baseline of(PublishedNumbers published, PublishedModel model) {
    List<Expected> metrics = new ArrayList<>();
    for (PublishedCell cell : published.cellsOf(model)) {
      double v = cell.resultsValue().doubleValue();
      metrics.add(new Expected(cell.benchmark().task(), cell.benchmark().metric(),
          new ResultNumber(v, cell.resultsValue().toPlainString()), null, cell.source()));
    }
    return new Baseline(published.file() + " (" + model.label() + ")", metrics, null);
  }
}
