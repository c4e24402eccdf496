package dev.magmaeval.harness.score;

import dev.magmaeval.harness.task.MetricSpec;
import dev.magmaeval.harness.task.TaskDefinition;
import dev.magmaeval.metrics.aggregate.Aggregations;
import dev.magmaeval.metrics.aggregate.Stderr;
import dev.magmaeval.metrics.py.NpFloat64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Aggregates per-doc values into a task's results row, as lmms-eval's {@code TaskOutput.calculate_aggregate_metric}
 * and {@code calculate_clt_aggregate_metric} plus {@code consolidate_results} do: the aggregation, {@code _stderr}
 * (mean_stderr for {@code mean}, the bootstrap for {@code median}/{@code perplexity}, "N/A" otherwise or when n &lt;=
 * 1), {@code _stderr_clt}, {@code _stderr_clustered}; values returned by process_results but absent from
 * metric_list get {@code []} (lmms-eval's defaultdict quirk).
 */
public final class Aggregator {
  public static final int BOOTSTRAP_ITERS = 100000;

  private Aggregator() {}

  public static TaskResult aggregate(TaskDefinition task, TaskScore score) {
    Map<String, Object> values = new LinkedHashMap<>();
    int sampleLen = 0;
    for (Map.Entry<MetricKey, List<Object>> e : score.sampleMetrics().entrySet()) {
      MetricKey key = e.getKey();
      List<Object> items = e.getValue();
      MetricSpec spec = task.metric(key.metric());
      String valueKey = key.metric() + "," + key.filter();
      String stderrKey = key.metric() + "_stderr," + key.filter();
      if (spec == null) {
        values.put(valueKey, new ArrayList<>());
        values.put(stderrKey, new ArrayList<>());
        continue;
      }
      values.put(valueKey, aggregate(spec, items, task));
      sampleLen = items.size();
      values.put(stderrKey, stderr(spec, items, task));
      values.put(key.metric() + "_stderr_clt," + key.filter(), clt(items, task.scoreKey()));
      values.put(key.metric() + "_stderr_clustered," + key.filter(), clustered(items, task));
    }
    return new TaskResult(task.name(), values, sampleLen, score.errors());
  }

  private static Object aggregate(MetricSpec spec, List<Object> items, TaskDefinition task) {
    if (spec.aggregation() instanceof MetricSpec.Custom c) return c.function().apply(items, task.context());
    String name = ((MetricSpec.Named) spec.aggregation()).name();
    return named(name).apply(items);
  }

  private static Function<List<Object>, Object> named(String name) {
    return switch (name) {
      case "mean" -> Aggregations::mean;
      case "median" -> Aggregations::median;
      case "bypass" -> items -> 999L;
      case "perplexity" -> items -> Math.exp(-toDouble(Aggregations.mean(items)));
      default -> throw new IllegalArgumentException("unsupported aggregation " + name);
    };
  }

  private static Object stderr(MetricSpec spec, List<Object> items, TaskDefinition task) {
    if (items.size() <= 1 || !(spec.aggregation() instanceof MetricSpec.Named n)) return "N/A";
    return switch (n.name()) {
      case "mean" -> Stderr.meanStderr(items);
      case "median", "perplexity" -> Stderr.bootstrap(named(n.name()), items, BOOTSTRAP_ITERS);
      default -> "N/A";
    };
  }

  static Object clt(List<Object> items, String scoreKey) {
    List<Object> numeric = new ArrayList<>();
    for (Object x : items) {
      if (isNumber(x)) numeric.add(x);
      else if (x instanceof Map<?, ?> m && m.containsKey(scoreKey)) numeric.add(m.get(scoreKey));
    }
    if (numeric.size() <= 1) return "N/A";
    return new NpFloat64(Stderr.clt(numeric));
  }

  private static Object clustered(List<Object> items, TaskDefinition task) {
    String clusterKey = task.clusterKey();
    List<Object> scores = new ArrayList<>();
    List<Object> clusters = new ArrayList<>();
    for (Object x : items) {
      if (isNumber(x)) {
        scores.add(x);
        clusters.add(null);
      } else if (x instanceof Map<?, ?> m && m.containsKey(task.scoreKey())) {
        scores.add(m.get(task.scoreKey()));
        clusters.add(clusterKey == null ? null : m.get(clusterKey));
      }
    }
    List<Object> valid = clusters.stream().filter(c -> c != null).toList();
    if (valid.isEmpty() || new java.util.HashSet<>(valid).size() <= 1 || scores.size() <= 1) return "N/A";
    return Stderr.clustered(scores, clusters);
  }

  static boolean isNumber(Object x) {
    return x instanceof Long || x instanceof Double || x instanceof Boolean || x instanceof NpFloat64
        || x instanceof Integer;
  }

  static double toDouble(Object x) {
    if (x instanceof NpFloat64 f) return f.value();
    if (x instanceof Boolean b) return b ? 1 : 0;
    return ((Number) x).doubleValue();
  }
}
