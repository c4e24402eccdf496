package dev.magmaeval.reports.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.reports.YamlFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a gate policy YAML (format documented in configs/gates/default.yaml); every error names file and field. */
public final class PolicyReader {

  static final String SCHEMA = "magma-eval/gate-policy/v1";
  private static final Set<String> RULE_KEYS = Set.of("task", "metric", "max_drop", "alpha", "required", "ignore");

  private PolicyReader() {}

  public static GatePolicy read(Path path) {
    YamlFile yaml = YamlFile.read(path);
    JsonNode root = yaml.root();
    yaml.onlyKeys(root, "", Set.of("schema", "defaults", "tests", "rules"));
    String schema = yaml.text(root, "", "schema", true);
    if (!SCHEMA.equals(schema)) {
      throw yaml.error("schema", "expected '" + SCHEMA + "', got '" + schema + "'");
    }
    GatePolicy builtIn = GatePolicy.builtIn();
    GatePolicy.Rule defaults = builtIn.defaults();
    JsonNode d = root.get("defaults");
    if (d != null) {
      yaml.onlyKeys(d, "defaults", Set.of("max_drop", "alpha", "required"));
      GatePolicy.Rule r = rule(yaml, d, "defaults");
      defaults = new GatePolicy.Rule("defaults", "*", "*",
          r.maxDrop() != null ? r.maxDrop() : defaults.maxDrop(),
          r.alpha() != null ? r.alpha() : defaults.alpha(),
          r.required() != null ? r.required() : defaults.required(), false);
    }
    List<GatePolicy.Rule> rules = new ArrayList<>();
    List<JsonNode> list = yaml.list(root, "", "rules", false);
    for (int i = 0; i < list.size(); i++) {
      String where = "rules[" + i + "]";
      yaml.onlyKeys(list.get(i), where, RULE_KEYS);
      rules.add(rule(yaml, list.get(i), where));
    }
    int iterations = builtIn.bootstrapIterations();
    long seed = builtIn.seed();
    int exactBelow = builtIn.mcnemarExactBelow();
    boolean untestableFails = builtIn.untestableFails();
    JsonNode t = root.get("tests");
    if (t != null) {
      yaml.onlyKeys(t, "tests", Set.of("bootstrap_iterations", "seed", "mcnemar_exact_below", "untestable"));
      iterations = positiveInt(yaml, t, "bootstrap_iterations", iterations);
      BigDecimal s = yaml.number(t, "tests", "seed", false);
      seed = s == null ? seed : s.longValueExact();
      exactBelow = positiveInt(yaml, t, "mcnemar_exact_below", exactBelow);
      String untestable = yaml.text(t, "tests", "untestable", false);
      if (untestable != null && !untestable.equals("fail") && !untestable.equals("pass")) {
        throw yaml.error("tests.untestable", "expected fail or pass, got '" + untestable + "'");
      }
      untestableFails = untestable == null ? untestableFails : untestable.equals("fail");
    }
    return new GatePolicy(path, defaults, rules, iterations, seed, exactBelow, untestableFails);
  }

  private static GatePolicy.Rule rule(YamlFile yaml, JsonNode node, String where) {
    Double alpha = null;
    BigDecimal a = yaml.number(node, where, "alpha", false);
    if (a != null) {
      if (a.signum() <= 0 || a.compareTo(BigDecimal.ONE) >= 0) {
        throw yaml.error(where + ".alpha", "must be between 0 and 1, got " + a.toPlainString());
      }
      alpha = a.doubleValue();
    }
    Boolean ignore = yaml.bool(node, where, "ignore");
    String task = yaml.text(node, where, "task", false);
    String metric = yaml.text(node, where, "metric", false);
    return new GatePolicy.Rule(where, task == null ? "*" : task, metric == null ? "*" : metric,
        margin(yaml, node.get("max_drop"), where + ".max_drop"), alpha, yaml.bool(node, where, "required"),
        Boolean.TRUE.equals(ignore));
  }

  private static Margin margin(YamlFile yaml, JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw yaml.error(where, "expected {absolute: x} and/or {relative: x}");
    }
    yaml.onlyKeys(node, where, Set.of("absolute", "relative"));
    BigDecimal absolute = yaml.number(node, where, "absolute", false);
    BigDecimal relative = yaml.number(node, where, "relative", false);
    if (absolute == null && relative == null) {
      throw yaml.error(where, "expected {absolute: x} and/or {relative: x}");
    }
    for (BigDecimal v : new BigDecimal[] {absolute, relative}) {
      if (v != null && v.signum() < 0) {
        throw yaml.error(where, "must not be negative, got " + v.toPlainString());
      }
    }
    return new Margin(absolute, relative);
  }

  private static int positiveInt(YamlFile yaml, JsonNode node, String key, int fallback) {
    BigDecimal v = yaml.number(node, "tests", key, false);
    if (v == null) {
      return fallback;
    }
    if (v.signum() <= 0 || v.stripTrailingZeros().scale() > 0) {
      throw yaml.error("tests." + key, "expected a positive integer, got " + v.toPlainString());
    }
    return v.intValueExact();
  }
}
