package dev.magmaeval.reports.gate;

import dev.magmaeval.reports.results.MetricKey;
import dev.magmaeval.reports.results.ResultNumber;

/**
 * The verdict on one task metric.
 *
 * @param baseline the reference value
 * @param now the new run's value, or null when missing
 * @param drop how much worse the new run is (positive = worse, by the metric's direction), or NaN
 * @param allowed the drop the policy allows, or NaN
 * @param significance the test that was run, or null when none was needed
 */
public record Check(String task, MetricKey key, Status status, String reason, ResultNumber baseline,
    ResultNumber now, double drop, double allowed, Significance significance, MetricPolicy policy) {

  /** PASS and SKIP never fail the gate. */
  public enum Status { PASS, FAIL, SKIP }

  public boolean failed() {
    return status == Status.FAIL;
  }
}
