package dev.magmaeval.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.reports.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one results.json (lmms-eval v0.7.2 layout, compat spec §3.2) into a {@link ResultsFile}. */
public final class ResultsFileReader {

  static final String RESULTS_SUFFIX = "_results.json";
  // prepare_print_tasks indents subtask aliases as " " * depth + "- ".
  private static final Pattern INDENTED_ALIAS = Pattern.compile("^( +)- (.*)$");

  private ResultsFileReader() {}

  public static ResultsFile read(Path file) {
    JsonNode root = Json.read(file);
    if (!root.isObject()) {
      throw BadInputException.field(file, "(top level)", "expected a JSON object");
    }
    JsonNode results = root.get("results");
    if (results == null || !results.isObject()) {
      throw BadInputException.field(file, "results", results == null
          ? "missing (not an lmms-eval results file?)" : "expected an object");
    }
    Map<String, List<String>> groupSubtasks = groupSubtasks(file, root.get("group_subtasks"));
    Map<String, TaskRow> rows = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : results.properties()) {
      rows.put(e.getKey(), row(file, e.getKey(), e.getValue(), groupSubtasks));
    }
    return new ResultsFile(
        file,
        dateId(file),
        modelIds(root),
        rows,
        higherIsBetter(file, root.get("higher_is_better")),
        effectiveSamples(root.get("n-samples")),
        groupSubtasks);
  }

  static String dateId(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(RESULTS_SUFFIX)) {
      return name.substring(0, name.length() - RESULTS_SUFFIX.length());
    }
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  private static TaskRow row(Path file, String task, JsonNode node, Map<String, List<String>> groupSubtasks) {
    if (!node.isObject()) {
      throw BadInputException.field(file, "results." + task, "expected an object");
    }
    String alias = node.hasNonNull("alias") ? node.get("alias").asText() : task;
    int depth = 0;
    Matcher m = INDENTED_ALIAS.matcher(alias);
    if (m.matches()) {
      depth = m.group(1).length();
      alias = m.group(2);
    }
    boolean group = node.has(" ") || !groupSubtasks.getOrDefault(task, List.of()).isEmpty();
    Map<MetricKey, Metric> metrics = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      MetricKey key = MetricKey.parse(e.getKey());
      if (key == null || key.isStderr()) {
        continue;
      }
      JsonNode stderr = node.get(key.stderrKey());
      metrics.put(key, new Metric(
          key,
          ResultNumber.of(e.getValue()),
          e.getValue().toString(),
          ResultNumber.of(stderr),
          stderr == null ? null : stderr.isTextual() ? stderr.asText() : stderr.toString(),
          ResultNumber.of(node.get(key.metric() + "_stderr_clt," + key.filter()))));
    }
    return new TaskRow(task, alias, depth, group, metrics);
  }

  private static List<String> modelIds(JsonNode root) {
    List<String> ids = new ArrayList<>();
    for (JsonNode n : new JsonNode[] {root.get("model_name"), root.get("model_name_sanitized"),
        root.path("config").get("model_args"), root.path("config").get("model")}) {
      if (n != null && n.isTextual() && !n.asText().isBlank()) {
        ids.add(n.asText());
      }
    }
    return ids;
  }

  private static Map<String, List<String>> groupSubtasks(Path file, JsonNode node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw BadInputException.field(file, "group_subtasks", "expected an object");
    }
    node.properties().forEach(e -> {
      List<String> subtasks = new ArrayList<>();
      e.getValue().forEach(s -> subtasks.add(s.asText()));
      out.put(e.getKey(), subtasks);
    });
    return out;
  }

  private static Map<String, Map<String, Boolean>> higherIsBetter(Path file, JsonNode node) {
    Map<String, Map<String, Boolean>> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw BadInputException.field(file, "higher_is_better", "expected an object");
    }
    node.properties().forEach(task -> {
      Map<String, Boolean> metrics = new LinkedHashMap<>();
      task.getValue().properties().forEach(
          m -> metrics.put(m.getKey(), m.getValue().isBoolean() ? m.getValue().asBoolean() : null));
      out.put(task.getKey(), metrics);
    });
    return out;
  }

  private static Map<String, Long> effectiveSamples(JsonNode node) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> {
        JsonNode effective = e.getValue().get("effective");
        if (effective != null && effective.canConvertToLong()) {
          out.put(e.getKey(), effective.asLong());
        }
      });
    }
    return out;
  }
}
