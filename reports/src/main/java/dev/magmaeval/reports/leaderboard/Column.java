package dev.magmaeval.reports.leaderboard;

import dev.magmaeval.reports.results.MetricKey;

/** A column of the leaderboard: one metric of one task (or group) row. */
public record Column(String task, String alias, MetricKey key) {

  /** {@code task/metric,filter}, unique per column. */
  public String id() {
    return task + "/" + key.key();
  }
}
