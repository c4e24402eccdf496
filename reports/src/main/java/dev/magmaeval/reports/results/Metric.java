package dev.magmaeval.reports.results;

/**
 * One metric of one task row: its value and its {@code _stderr} as written. {@code value} is null when the file holds
 * something other than a number (lmms-eval writes {@code []} for keys missing from metric_list and {@code null} for
 * aggregations that return None); {@code rawValue} then holds the JSON text. {@code stderr} is null for {@code "N/A"}.
 * {@code stderrClt} is the {@code _stderr_clt} that lmms-eval v0.7 writes even for custom aggregations, or null.
 */
public record Metric(MetricKey key, ResultNumber value, String rawValue, ResultNumber stderr, String rawStderr,
    ResultNumber stderrClt) {

  public boolean isNumeric() {
    return value != null;
  }

  /** The stderr for tests: {@code _stderr} when numeric, else {@code _stderr_clt}, else null. */
  public ResultNumber anyStderr() {
    return stderr != null && stderr.isFinite() ? stderr : stderrClt != null && stderrClt.isFinite() ? stderrClt : null;
  }
}
