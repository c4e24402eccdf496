package dev.magmaeval.reports.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of results.json {@code results}: a task or a group. {@code alias} is shown without lmms-eval's indentation
 * ({@code " - name"}), which becomes {@code depth}. {@code metrics} keep the file's order.
 */
public record TaskRow(String name, String alias, int depth, boolean group, Map<MetricKey, Metric> metrics) {

  public TaskRow {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public Metric metric(MetricKey key) {
    return metrics.get(key);
  }
}
