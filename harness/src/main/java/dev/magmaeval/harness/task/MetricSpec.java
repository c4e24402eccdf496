package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.TaskFunction;
import java.util.Map;

/**
 * One {@code metric_list} entry: the metric's name, how its per-doc values aggregate, whether higher is better
 * (null when unknown), and the extra keys passed to a registry metric ({@code ignore_case: true}, ...).
 */
public record MetricSpec(String name, Aggregation aggregation, Boolean higherIsBetter, Map<String, Object> kwargs) {

  /** A registered aggregation ({@code mean}, {@code median}, ...) or a task function. */
  public sealed interface Aggregation permits Named, Custom {}

  public record Named(String name) implements Aggregation {}

  public record Custom(String functionName, TaskFunction.Aggregation function) implements Aggregation {}
}
