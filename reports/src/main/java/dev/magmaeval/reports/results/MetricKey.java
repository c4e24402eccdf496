package dev.magmaeval.reports.results;

/**
 * A metric key of lmms-eval's results.json, {@code "<metric>,<filter>"} (e.g. {@code exact_match,none}). The stderr of
 * a metric lives under {@code "<metric>_stderr,<filter>"}.
 */
public record MetricKey(String metric, String filter) {

  private static final String[] STDERR_SUFFIXES = {"_stderr", "_stderr_clt", "_stderr_clustered"};

  /** Parses {@code metric,filter}; returns null for keys without a comma ({@code alias}, {@code " "}). */
  public static MetricKey parse(String key) {
    int comma = key.indexOf(',');
    if (comma <= 0) {
      return null;
    }
    return new MetricKey(key.substring(0, comma), key.substring(comma + 1));
  }

  /** The key as written in results.json. */
  public String key() {
    return metric + "," + filter;
  }

  /** True for {@code _stderr}, {@code _stderr_clt} and {@code _stderr_clustered} keys. */
  public boolean isStderr() {
    for (String suffix : STDERR_SUFFIXES) {
      if (metric.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** The key of this metric's (first-listed) standard error, {@code "<metric>_stderr,<filter>"}. */
  public String stderrKey() {
    return metric + "_stderr," + filter;
  }

  @Override
  public String toString() {
    return key();
  }
}
