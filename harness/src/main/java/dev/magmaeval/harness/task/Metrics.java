package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.config.ConfigException;
import dev.magmaeval.harness.config.FunctionRef;
import dev.magmaeval.harness.config.SourcedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code metric_list} parsing, with lmms-eval's registry defaults ({@code api/metrics.py}). */
final class Metrics {
  private Metrics() {}

  /** metric -> (default aggregation, higher_is_better), for the registry metrics this harness computes. */
  private static final Map<String, Object[]> REGISTRY = Map.of(
      "exact_match", new Object[] {"mean", true},
      "acc", new Object[] {"mean", true},
      "acc_norm", new Object[] {"mean", true},
      "anls", new Object[] {"mean", true},
      "bypass", new Object[] {"bypass", true},
      "perplexity", new Object[] {"perplexity", false});

  /** Registry metrics computed by the engine when a task has no process_results. */
  static final Set<String> COMPUTED = Set.of("exact_match", "anls", "bypass", "acc", "acc_norm", "perplexity");

  static List<MetricSpec> parse(Map<String, Object> cfg, SourcedMap raw, OutputType type, boolean hasProcessResults,
      TaskBuilder.Binder bind) {
    Object list = cfg.get("metric_list");
    List<MetricSpec> out = new ArrayList<>();
    if (list == null) {
      List<String> defaults = switch (type) {
        case GENERATE_UNTIL -> List.of("exact_match");
        case MULTIPLE_CHOICE -> List.of("acc", "acc_norm");
        case LOGLIKELIHOOD -> List.of("perplexity", "acc");
      };
      for (String m : defaults) {
        out.add(new MetricSpec(m, new MetricSpec.Named((String) REGISTRY.get(m)[0]), (Boolean) REGISTRY.get(m)[1],
            Map.of()));
      }
      return out;
    }
    if (!(list instanceof List<?> entries)) {
      throw new ConfigException(raw.locationOf("metric_list"), "metric_list must be a list of {metric: ...}");
    }
    for (Object e : entries) {
      if (!(e instanceof Map<?, ?> m) || !(m.get("metric") instanceof String name)) {
        throw new ConfigException(raw.locationOf("metric_list"), "each metric_list entry needs 'metric: <name>'");
      }
      Object[] reg = REGISTRY.get(name);
      if (!hasProcessResults && !COMPUTED.contains(name)) {
        throw new ConfigException(raw.locationOf("metric_list"), "unknown metric '" + name + "' (known without "
            + "process_results: " + String.join(", ", new java.util.TreeSet<>(COMPUTED)) + ")");
      }
      MetricSpec.Aggregation agg;
      Object a = m.get("aggregation");
      if (a instanceof FunctionRef ref) {
        agg = new MetricSpec.Custom(ref.toString(), bind.function(ref, TaskFunction.Aggregation.class, "aggregation"));
      } else if (a instanceof String s) {
        if (!TaskBuilder.SUPPORTED_AGGREGATIONS.contains(s)) {
          throw new ConfigException(raw.locationOf("metric_list"), "aggregation '" + s + "' of metric '" + name
              + "' is not supported (supported: " + String.join(", ", TaskBuilder.SUPPORTED_AGGREGATIONS) + ")");
        }
        agg = new MetricSpec.Named(s);
      } else if (a == null && reg != null) {
        agg = new MetricSpec.Named((String) reg[0]);
      } else {
        throw new ConfigException(raw.locationOf("metric_list"), "metric '" + name + "' needs an aggregation");
      }
      Object hib = m.containsKey("higher_is_better") ? m.get("higher_is_better") : (reg == null ? null : reg[1]);
      Map<String, Object> kwargs = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (!Set.of("metric", "aggregation", "higher_is_better").contains(k)) kwargs.put(String.valueOf(k), v);
      });
      out.add(new MetricSpec(name, agg, hib instanceof Boolean b ? b : null, kwargs));
    }
    return out;
  }
}
