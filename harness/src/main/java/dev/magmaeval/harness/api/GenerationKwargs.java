package dev.magmaeval.harness.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's {@code generation_kwargs} after the engine's defaults and {@code --gen_kwargs}, as a Python-style dict.
 * Defaults beyond {@code until} are the model's, so the accessors take the backend's default.
 */
public record GenerationKwargs(Map<String, Object> values) {

  public GenerationKwargs {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static GenerationKwargs of(Map<String, Object> values) {
    return new GenerationKwargs(values);
  }

  public boolean has(String key) {
    return values.containsKey(key) && values.get(key) != null;
  }

  public Object get(String key) {
    return values.get(key);
  }

  /** The stop strings ({@code until}); a single string counts as a list of one. */
  public List<String> until() {
    Object v = values.get("until");
    if (v == null) return List.of();
    if (v instanceof String s) return List.of(s);
    if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
    return List.of(String.valueOf(v));
  }

  public int maxNewTokens(int modelDefault) {
    Object v = values.containsKey("max_new_tokens") ? values.get("max_new_tokens") : values.get("max_gen_toks");
    return v instanceof Number n ? n.intValue() : modelDefault;
  }

  public double temperature(double modelDefault) {
    Object v = values.get("temperature");
    return v instanceof Number n ? n.doubleValue() : modelDefault;
  }

  public boolean doSample(boolean modelDefault) {
    Object v = values.get("do_sample");
    return v instanceof Boolean b ? b : modelDefault;
  }

  public int integer(String key, int modelDefault) {
    Object v = values.get(key);
    return v instanceof Number n ? n.intValue() : modelDefault;
  }
}
