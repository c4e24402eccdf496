package dev.magmaeval.harness.score;

/** A (metric, filter) pair; results show it as {@code "<metric>,<filter>"}. */
public record MetricKey(String metric, String filter) {
  @Override
  public String toString() {
    return metric + "," + filter;
  }
}
