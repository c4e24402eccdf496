package dev.magmaeval.reports.leaderboard;

import dev.magmaeval.reports.published.PublishedCell;
import dev.magmaeval.reports.results.Metric;
import java.math.BigDecimal;

/**
 * A run's value in one column, with the published number beside it.
 *
 * @param published the published reference, or null
 * @param delta run value minus published value (results units), or null when there is no reference
 * @param samples {@code n-samples.effective} of the task, or null
 */
public record Cell(Metric metric, PublishedCell published, BigDecimal delta, boolean higherIsBetter, Long samples) {

  /** True when the run is worse than the published number (by the metric's direction). */
  public boolean worse() {
    return delta != null && (higherIsBetter ? delta.signum() < 0 : delta.signum() > 0);
  }

  /** True when |delta| is within 1.96 standard errors of the run (a 95% interval), so not a meaningful gap. */
  public boolean withinNoise() {
    if (delta == null || metric.stderr() == null || !metric.stderr().isFinite()) {
      return false;
    }
    return Math.abs(delta.doubleValue()) <= 1.96 * metric.stderr().value();
  }
}
