package dev.magmaeval.reports.published;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.reports.YamlFile;
import dev.magmaeval.reports.results.MetricKey;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks a published-numbers YAML file (format documented at the top of configs/published/magma-paper.yaml). */
public final class PublishedReader {

  static final String SCHEMA = "magma-eval/published/v1";
  private static final Set<String> CHECKPOINTS = Set.of("released", "variant", "ablation", "baseline");

  private PublishedReader() {}

  public static PublishedNumbers read(Path path) {
    YamlFile yaml = YamlFile.read(path);
    JsonNode root = yaml.root();
    yaml.onlyKeys(root, "", Set.of("schema", "title", "reference_model", "tables", "models", "benchmarks", "cells"));
    String schema = yaml.text(root, "", "schema", true);
    if (!SCHEMA.equals(schema)) {
      throw yaml.error("schema", "expected '" + SCHEMA + "', got '" + schema + "'");
    }
    Map<String, PublishedTable> tables = tables(yaml);
    Map<String, PublishedModel> models = models(yaml);
    Map<String, Benchmark> benchmarks = benchmarks(yaml);
    String referenceId = yaml.text(root, "", "reference_model", true);
    PublishedModel reference = models.get(referenceId);
    if (reference == null) {
      throw yaml.error("reference_model", "unknown model '" + referenceId + "'");
    }
    List<PublishedCell> cells = cells(yaml, tables, models, benchmarks);
    String title = yaml.text(root, "", "title", false);
    return new PublishedNumbers(List.of(path), title == null ? path.getFileName().toString() : title, reference, models,
        cells);
  }

  private static Map<String, PublishedTable> tables(YamlFile yaml) {
    Map<String, PublishedTable> tables = new LinkedHashMap<>();
    List<JsonNode> list = yaml.list(yaml.root(), "", "tables", true);
    for (int i = 0; i < list.size(); i++) {
      String where = "tables[" + i + "]";
      JsonNode t = list.get(i);
      yaml.onlyKeys(t, where, Set.of("id", "title", "setting"));
      String setting = yaml.text(t, where, "setting", true);
      if (!setting.equals("zero-shot") && !setting.equals("fine-tuned")) {
        throw yaml.error(where + ".setting", "expected zero-shot or fine-tuned, got '" + setting + "'");
      }
      String id = yaml.text(t, where, "id", true);
      if (tables.put(id, new PublishedTable(id, yaml.text(t, where, "title", false), setting.equals("fine-tuned"))) != null) {
        throw yaml.error(where + ".id", "duplicate table '" + id + "'");
      }
    }
    return tables;
  }

  private static Map<String, PublishedModel> models(YamlFile yaml) {
    Map<String, PublishedModel> models = new LinkedHashMap<>();
    List<JsonNode> list = yaml.list(yaml.root(), "", "models", true);
    for (int i = 0; i < list.size(); i++) {
      String where = "models[" + i + "]";
      JsonNode m = list.get(i);
      yaml.onlyKeys(m, where, Set.of("id", "label", "checkpoint", "variant_of", "matches", "note"));
      String checkpoint = yaml.text(m, where, "checkpoint", true);
      if (!CHECKPOINTS.contains(checkpoint)) {
        throw yaml.error(where + ".checkpoint", "expected one of " + CHECKPOINTS + ", got '" + checkpoint + "'");
      }
      String id = yaml.text(m, where, "id", true);
      PublishedModel model = new PublishedModel(id, yaml.text(m, where, "label", true), checkpoint,
          yaml.text(m, where, "variant_of", false), yaml.strings(m, where, "matches"), yaml.text(m, where, "note", false));
      if (models.put(id, model) != null) {
        throw yaml.error(where + ".id", "duplicate model '" + id + "'");
      }
    }
    for (int i = 0; i < list.size(); i++) {
      String variantOf = yaml.text(list.get(i), "models[" + i + "]", "variant_of", false);
      if (variantOf != null && !models.containsKey(variantOf)) {
        throw yaml.error("models[" + i + "].variant_of", "unknown model '" + variantOf + "'");
      }
    }
    return models;
  }

  private static Map<String, Benchmark> benchmarks(YamlFile yaml) {
    Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
    JsonNode node = yaml.root().get("benchmarks");
    if (node == null || !node.isObject()) {
      throw yaml.error("benchmarks", node == null ? "missing" : "expected a mapping");
    }
    Map<String, String> seenKeys = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String where = "benchmarks." + e.getKey();
      JsonNode b = e.getValue();
      yaml.onlyKeys(b, where, Set.of("task", "metric", "scale", "key", "note"));
      String metricText = yaml.text(b, where, "metric", true);
      MetricKey metric = MetricKey.parse(metricText);
      if (metric == null) {
        throw yaml.error(where + ".metric", "expected '<metric>,<filter>', got '" + metricText + "'");
      }
      BigDecimal scale = yaml.number(b, where, "scale", true);
      if (scale.signum() <= 0) {
        throw yaml.error(where + ".scale", "must be positive");
      }
      String key = yaml.text(b, where, "key", false);
      if (key != null && !key.equals("ours")) {
        throw yaml.error(where + ".key", "expected 'ours' or no key, got '" + key + "'");
      }
      String task = yaml.text(b, where, "task", true);
      String previous = seenKeys.put(task + " " + metric.key(), e.getKey());
      if (previous != null) {
        throw yaml.error(where, "same task and metric as benchmarks." + previous);
      }
      benchmarks.put(e.getKey(), new Benchmark(e.getKey(), task, metric, scale, key != null, yaml.text(b, where, "note", false)));
    }
    return benchmarks;
  }

  private static List<PublishedCell> cells(YamlFile yaml, Map<String, PublishedTable> tables,
      Map<String, PublishedModel> models, Map<String, Benchmark> benchmarks) {
    List<PublishedCell> cells = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<JsonNode> list = yaml.list(yaml.root(), "", "cells", true);
    for (int i = 0; i < list.size(); i++) {
      String where = "cells[" + i + "]";
      JsonNode c = list.get(i);
      yaml.onlyKeys(c, where, Set.of("model", "benchmark", "value", "table", "row", "column", "part", "note"));
      PublishedModel model = known(yaml, where + ".model", models, yaml.text(c, where, "model", true));
      Benchmark benchmark = known(yaml, where + ".benchmark", benchmarks, yaml.text(c, where, "benchmark", true));
      PublishedTable table = known(yaml, where + ".table", tables, yaml.text(c, where, "table", true));
      BigDecimal part = yaml.number(c, where, "part", false);
      PublishedCell cell = new PublishedCell(model, benchmark, yaml.number(c, where, "value", true), table,
          yaml.text(c, where, "row", true), yaml.text(c, where, "column", true), part == null ? 0 : part.intValue(),
          yaml.text(c, where, "note", false));
      Integer first = seen.putIfAbsent(model.id() + " " + benchmark.id(), i);
      if (first != null && cells.get(first).paperValue().compareTo(cell.paperValue()) != 0) {
        throw yaml.error(where + ".value", cell.paperValue() + " differs from cells[" + first + "] ("
            + cells.get(first).paperValue() + ") for the same model and benchmark");
      }
      cells.add(cell);
    }
    return cells;
  }

  private static <T> T known(YamlFile yaml, String field, Map<String, T> map, String id) {
    T t = map.get(id);
    if (t == null) {
      throw yaml.error(field, "unknown id '" + id + "'");
    }
    return t;
  }
}
