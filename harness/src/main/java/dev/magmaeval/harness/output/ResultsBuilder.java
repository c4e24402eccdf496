package dev.magmaeval.harness.output;

import dev.magmaeval.harness.config.TaskNode;
import dev.magmaeval.harness.score.TaskResult;
import dev.magmaeval.harness.task.MetricSpec;
import dev.magmaeval.harness.task.TaskDefinition;
import dev.magmaeval.metrics.aggregate.Aggregations;
import dev.magmaeval.metrics.aggregate.Stderr;
import dev.magmaeval.metrics.py.NpFloat64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Assembles the {@code results}, {@code groups}, {@code group_subtasks}, {@code configs}, {@code versions}, {@code
 * n-shot}, {@code higher_is_better} and {@code n-samples} blocks of a results file, as lmms-eval's {@code
 * consolidate_results}, {@code consolidate_group_results}, {@code prepare_print_tasks} and {@code
 * get_subtask_list} (evaluator_utils.py) do: rows depth-first with siblings sorted, subtask aliases indented
 * {@code " - "}, groups aggregated by {@code aggregate_metric_list} with pooled stderrs.
 */
public final class ResultsBuilder {
  private final List<TaskNode> top;
  private final Map<String, TaskDefinition> tasks;
  private final Map<String, TaskResult> results;
  private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
  private final Map<String, Object> versions = new LinkedHashMap<>();
  private boolean showGroups;
  /** get_subtask_list of the tree, in walk order (computed once; groups list their direct children). */
  private final Map<String, List<String>> subtasks = new LinkedHashMap<>();

  public ResultsBuilder(List<TaskNode> top, Map<String, TaskDefinition> tasks, Map<String, TaskResult> results) {
    this.top = top;
    this.tasks = tasks;
    this.results = results;
    subtaskList(top, null, subtasks);
  }

  /** The blocks in file order, given each leaf's doc count and lmms-eval's last resolved {@code limit}. */
  public Map<String, Object> build(Map<String, Long> originalCounts, Long limit) {
    for (TaskResult r : leafResultsInEvalOrder()) {
      Map<String, Object> row = new LinkedHashMap<>();
      TaskDefinition def = tasks.get(r.task());
      row.put("alias", def.alias() != null ? def.alias() : r.task());
      row.putAll(r.values());
      rows.put(r.task(), row);
      versions.put(r.task(), def.version());
    }
    Map<String, Integer> samples = new LinkedHashMap<>();
    results.forEach((k, v) -> samples.put(k, v.samples()));
    for (TaskNode n : top) groupResults(n, samples);

    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> resultsBlock = new LinkedHashMap<>();
    Map<String, Object> groupsBlock = new LinkedHashMap<>();
    printOrder(top, 0, resultsBlock, groupsBlock);
    out.put("results", resultsBlock);
    if (showGroups && !groupsBlock.isEmpty()) out.put("groups", groupsBlock);
    out.put("group_subtasks", groupSubtasks());
    Map<String, Object> configs = new TreeMap<>();
    Map<String, Object> nShot = new TreeMap<>();
    Map<String, Object> higher = new TreeMap<>();
    for (TaskDefinition d : tasks.values()) {
      configs.put(d.name(), d.dumpedConfig());
      nShot.put(d.name(), nShot(d));
      Map<String, Object> h = new LinkedHashMap<>();
      for (MetricSpec m : d.metrics()) h.put(m.name(), m.higherIsBetter());
      higher.put(d.name(), h);
    }
    Map<String, Object> groupHigher = groupHigherIsBetter();
    for (String g : groupNames(top)) {
      if (!subtasks.getOrDefault(g, List.of()).isEmpty()) higher.put(g, groupHigher);
    }
    out.put("configs", configs);
    out.put("versions", new TreeMap<>(versions));
    out.put("n-shot", nShot);
    out.put("higher_is_better", higher);
    Map<String, Object> nSamples = new LinkedHashMap<>();
    for (TaskResult r : leafResultsInEvalOrder()) {
      long original = originalCounts.get(r.task());
      long effective = Math.min(limit != null && limit != 0 ? limit : original, original);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("original", original);
      entry.put("effective", effective);
      nSamples.put(r.task(), entry);
    }
    out.put("n-samples", nSamples);
    return out;
  }

  private static Object nShot(TaskDefinition d) {
    Object n = d.dumpedConfig().get("num_fewshot");
    if (n instanceof Long l && l == 0 && d.dumpedConfig().get("metadata") instanceof Map<?, ?> meta) {
      Object fromMeta = meta.get("num_fewshot");
      return fromMeta == null ? 0L : fromMeta;
    }
    return n;
  }

  /** Leaf tasks in lmms-eval's {@code get_task_list} order: the task dict walked depth-first. */
  public List<TaskResult> leafResultsInEvalOrder() {
    List<TaskResult> out = new ArrayList<>();
    walkLeaves(top, out);
    return out;
  }

  private void walkLeaves(List<TaskNode> nodes, List<TaskResult> out) {
    for (TaskNode n : nodes) {
      if (n instanceof TaskNode.Group g) walkLeaves(g.children(), out);
      else if (results.containsKey(n.name())) out.add(results.get(n.name()));
    }
  }

  /** consolidate_group_results for one node; returns the leaf tasks under it. */
  private List<String> groupResults(TaskNode node, Map<String, Integer> samples) {
    if (!(node instanceof TaskNode.Group g)) return List.of(node.name());
    List<String> leaves = new ArrayList<>();
    for (TaskNode child : g.children()) leaves.addAll(groupResults(child, samples));
    Map<String, Object> row = rows.computeIfAbsent(g.name(), k -> new LinkedHashMap<>());
    Object aggList = g.aggregateMetricList();
    if (aggList == null) {
      row.put(" ", " ");
      return leaves;
    }
    showGroups = true;
    List<Map<String, Object>> configs = aggregateConfigs(aggList);
    TreeSet<String> metricKeys = new TreeSet<>();
    for (String t : leaves) {
      for (String k : rows.getOrDefault(t, Map.of()).keySet()) {
        if (!k.contains("_stderr") && !k.equals("alias") && !k.equals("task") && !k.equals("samples")) metricKeys.add(k);
      }
    }
    int total = 0;
    for (String metric : metricKeys) {
      String stderrKey = String.join("_stderr,", metric.split(",", -1));
      List<Object> values = new ArrayList<>();
      List<Object> stderrs = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      for (String t : leaves) {
        Map<String, Object> r = rows.get(t);
        if (r == null || !r.containsKey(metric)) continue;
        values.add(r.get(metric));
        sizes.add(samples.getOrDefault(t, 0));
        if (r.containsKey(stderrKey)) stderrs.add(r.get(stderrKey));
      }
      for (Map<String, Object> c : configs) {
        if (!metric.contains(String.valueOf(c.get("metric")))) continue;
        boolean bySize = Boolean.TRUE.equals(c.get("weight_by_size"));
        List<Double> numbers = new ArrayList<>();
        for (Object v : values) numbers.add(toDouble(v));
        row.put(metric, Aggregations.subtaskMean(numbers, sizes, bySize));
        if (stderrs.contains("N/A")) {
          row.put(stderrKey, "N/A");
        } else {
          List<Double> se = new ArrayList<>();
          for (Object s : stderrs) se.add(toDouble(s));
          row.put(stderrKey, new NpFloat64(Stderr.pooledSample(se, sizes)));
        }
      }
      total = sizes.stream().mapToInt(Integer::intValue).sum();
    }
    samples.put(g.name(), total);
    if (g.config().get("metadata") instanceof Map<?, ?> meta) versions.put(g.name(), meta.get("version"));
    return leaves;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> aggregateConfigs(Object aggList) {
    List<Object> list = aggList instanceof List<?> l ? (List<Object>) l : List.of(aggList);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : list) {
      Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) o);
      m.putIfAbsent("aggregation", "mean");
      m.putIfAbsent("weight_by_size", false);
      if (!"mean".equals(m.get("aggregation"))) {
        throw new IllegalArgumentException("group aggregation '" + m.get("aggregation")
            + "' is not supported; only 'mean' (as in lmms-eval)");
      }
      out.add(m);
    }
    return out;
  }

  /** prepare_print_tasks: siblings sorted by name, depth-first, aliases indented. */
  private void printOrder(List<TaskNode> nodes, int depth, Map<String, Object> resultsOut, Map<String, Object> groupsOut) {
    List<TaskNode> sorted = new ArrayList<>(nodes);
    sorted.sort((a, b) -> a.name().compareTo(b.name()));
    for (TaskNode n : sorted) {
      String tab = depth > 0 ? " ".repeat(depth) + "- " : "";
      Map<String, Object> row = new LinkedHashMap<>(rows.getOrDefault(n.name(), Map.of()));
      String alias;
      if (n instanceof TaskNode.Group g) {
        alias = g.alias() != null ? g.alias() : g.name();
      } else {
        alias = row.containsKey("alias") ? String.valueOf(row.get("alias")) : n.name();
      }
      row.put("alias", tab + alias);
      resultsOut.put(n.name(), row);
      if (n instanceof TaskNode.Group g) {
        if (!row.containsKey(" ")) {
          Map<String, Object> grow = new LinkedHashMap<>(rows.get(n.name()));
          grow.put("alias", (depth > 0 ? " ".repeat(depth) + "- " : "") + alias);
          groupsOut.put(n.name(), grow);
        }
        printOrder(g.children(), depth + 1, resultsOut, groupsOut);
      }
    }
  }

  /** get_subtask_list, reversed as the results file shows it. */
  private Map<String, Object> groupSubtasks() {
    List<String> keys = new ArrayList<>(subtasks.keySet());
    Collections.reverse(keys);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : keys) out.put(k, subtasks.get(k));
    return out;
  }

  private static void subtaskList(List<TaskNode> nodes, String root, Map<String, List<String>> out) {
    for (TaskNode n : nodes) {
      if (n instanceof TaskNode.Group g) {
        if (root != null) out.computeIfAbsent(root, k -> new ArrayList<>()).add(g.name());
        out.computeIfAbsent(g.name(), k -> new ArrayList<>());
        subtaskList(g.children(), g.name(), out);
      } else if (root == null) {
        out.computeIfAbsent(n.name(), k -> new ArrayList<>());
      } else {
        out.computeIfAbsent(root, k -> new ArrayList<>()).add(n.name());
      }
    }
  }

  private List<String> groupNames(List<TaskNode> nodes) {
    List<String> out = new ArrayList<>();
    for (TaskNode n : nodes) {
      if (n instanceof TaskNode.Group g) {
        out.add(g.name());
        out.addAll(groupNames(g.children()));
      }
    }
    return out;
  }

  /**
   * lmms-eval builds one {@code _higher_is_better} dict outside its loop over groups and gives the same object to
   * every group, so each group shows the union over all groups' subtasks (None on conflict).
   */
  private Map<String, Object> groupHigherIsBetter() {
    Map<String, Object> union = new LinkedHashMap<>();
    for (String g : subtasks.keySet()) {
      for (String t : subtasks.get(g)) {
        TaskDefinition d = tasks.get(t);
        if (d == null) continue;
        for (MetricSpec m : d.metrics()) {
          if (!union.containsKey(m.name())) union.put(m.name(), m.higherIsBetter());
          else if (union.get(m.name()) != null && !union.get(m.name()).equals(m.higherIsBetter())) union.put(m.name(), null);
        }
      }
    }
    return union;
  }

  private static double toDouble(Object v) {
    if (v instanceof NpFloat64 f) return f.value();
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof Number n) return n.doubleValue();
    throw new IllegalArgumentException("cannot aggregate a non-numeric subtask value across a group: " + v);
  }
}
