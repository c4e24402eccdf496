package dev.magmaeval.reports.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run in lmms-eval v0.7.2's layout for tests: {@code <out>/<model>/<date>_results.json} and, per task,
 * {@code <date>_samples_<task>.jsonl}. Each task has one metric aggregated with {@code mean}; its value and {@code
 * _stderr} are computed as lmms-eval does (sum/len; sample stddev / sqrt(n)).
 */
public final class LmmsEvalRun {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** One doc: its target, the model output and its per-doc score. */
  public record Doc(String target, String output, double score) {}

  private final String model;
  private final String date;
  private final Map<String, Map<String, List<Doc>>> tasks = new LinkedHashMap<>();
  private boolean samples = true;

  public LmmsEvalRun(String model, String date) {
    this.model = model;
    this.date = date;
  }

  /** Adds a task whose single metric {@code metric} (filter {@code none}) has these per-doc scores. */
  public LmmsEvalRun task(String task, String metric, List<Doc> docs) {
    tasks.computeIfAbsent(task, t -> new LinkedHashMap<>()).put(metric, new ArrayList<>(docs));
    return this;
  }

  /** Without samples files (as lmms-eval without --log_samples). */
  public LmmsEvalRun withoutSamples() {
    samples = false;
    return this;
  }

  /** Writes the run under {@code out} and returns its folder. */
  public Path write(Path out) throws IOException {
    Path folder = out.resolve(model.replaceAll("[\"<>:/|\\\\?*\\[\\]]+", "__"));
    Files.createDirectories(folder);
    ObjectNode root = F.objectNode();
    ObjectNode results = root.putObject("results");
    ObjectNode higher = F.objectNode();
    ObjectNode nSamples = F.objectNode();
    ObjectNode groupSubtasks = F.objectNode();
    for (Map.Entry<String, Map<String, List<Doc>>> task : tasks.entrySet()) {
      ObjectNode row = results.putObject(task.getKey());
      row.put("alias", task.getKey());
      ObjectNode h = higher.putObject(task.getKey());
      int n = 0;
      for (Map.Entry<String, List<Doc>> metric : task.getValue().entrySet()) {
        double[] xs = metric.getValue().stream().mapToDouble(Doc::score).toArray();
        n = xs.length;
        row.put(metric.getKey() + ",none", mean(xs));
        row.put(metric.getKey() + "_stderr,none", meanStderr(xs));
        row.put(metric.getKey() + "_stderr_clt,none", meanStderr(xs));
        row.put(metric.getKey() + "_stderr_clustered,none", "N/A");
        h.put(metric.getKey(), true);
      }
      nSamples.putObject(task.getKey()).put("original", n).put("effective", n);
      groupSubtasks.putArray(task.getKey());
    }
    root.set("group_subtasks", groupSubtasks);
    root.putObject("configs");
    root.set("higher_is_better", higher);
    root.set("n-samples", nSamples);
    root.putObject("config").put("model", "replay").put("model_args", "path=" + model);
    root.put("date", date);
    root.put("model_name", model);
    Files.writeString(folder.resolve(date + "_results.json"), JSON.writeValueAsString(root), StandardCharsets.UTF_8);
    if (samples) {
      for (Map.Entry<String, Map<String, List<Doc>>> task : tasks.entrySet()) {
        writeSamples(folder.resolve(date + "_samples_" + task.getKey() + ".jsonl"), task.getValue());
      }
    }
    return folder;
  }

  private static void writeSamples(Path file, Map<String, List<Doc>> metrics) throws IOException {
    StringBuilder b = new StringBuilder();
    Map.Entry<String, List<Doc>> first = metrics.entrySet().iterator().next();
    for (int i = 0; i < first.getValue().size(); i++) {
      Doc doc = first.getValue().get(i);
      ObjectNode line = F.objectNode();
      line.put("doc_id", i);
      line.put("target", doc.target());
      line.put("filtered_resps", doc.output());
      ArrayNode tc = line.putArray("token_counts");
      tc.addNull();
      line.put("doc_hash", "74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b");
      for (Map.Entry<String, List<Doc>> metric : metrics.entrySet()) {
        line.put(metric.getKey(), metric.getValue().get(i).score());
      }
      line.put("input", "Question " + i + "?\nAnswer the question using a single word or phrase.");
      b.append(new ObjectMapper().writeValueAsString(line)).append('\n');
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  static double mean(double[] xs) {
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }

  /** lmms-eval's mean_stderr: sqrt(Σ(x−μ)²/(n−1)) / sqrt(n). */
  static double meanStderr(double[] xs) {
    double mu = mean(xs);
    double ss = 0;
    for (double x : xs) {
      ss += (x - mu) * (x - mu);
    }
    return Math.sqrt(ss / (xs.length - 1)) / Math.sqrt(xs.length);
  }
}
