package dev.magmaeval.harness.config;

import java.util.List;

/** The requested tasks as lmms-eval's task dict: leaf tasks, and groups of tasks or groups. */
public sealed interface TaskNode permits TaskNode.Leaf, TaskNode.Group {

  String name();

  /**
   * A task with its raw config: includes merged, group overrides applied, values as YAML gave them ({@link
   * FunctionRef} for {@code !function}).
   */
  record Leaf(String name, SourcedMap config) implements TaskNode {}

  /** A group: its own keys ({@code group}, {@code group_alias}, {@code task}, {@code aggregate_metric_list},
   * {@code metadata}) and its children in config order. */
  record Group(String name, SourcedMap config, List<TaskNode> children) implements TaskNode {

    public Object aggregateMetricList() {
      return config.get("aggregate_metric_list");
    }

    public String alias() {
      Object a = config.get("group_alias");
      return a == null ? null : String.valueOf(a);
    }
  }
}
