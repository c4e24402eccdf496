package dev.magmaeval.harness.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --model_args k=v,...} parsed with lmms-eval's rules: values are Boolean, Long, Double or String. {@code
 * raw} is the string as given (it is what results files record).
 */
public record ModelArgs(String raw, Map<String, Object> values) {

  public ModelArgs {
    raw = raw == null ? "" : raw;
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public String string(String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : String.valueOf(v);
  }

  /** A required argument: a missing one is an error naming the key and the model. */
  public String require(String key, String model) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException(
          "--model_args: model '" + model + "' needs " + key + "=... (got '" + raw + "')");
    }
    return String.valueOf(v);
  }

  public int integer(String key, int fallback) {
    Object v = values.get(key);
    if (v == null) return fallback;
    if (v instanceof Long l) return Math.toIntExact(l);
    if (v instanceof Double d && d == Math.rint(d)) return d.intValue();
    throw new IllegalArgumentException("--model_args: " + key + " must be an integer, got '" + v + "'");
  }

  public boolean bool(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) return fallback;
    if (v instanceof Boolean b) return b;
    throw new IllegalArgumentException("--model_args: " + key + " must be true or false, got '" + v + "'");
  }

  /** Fails on keys the backend does not know, naming them and the known ones. */
  public void requireKnown(String model, Set<String> known) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("--model_args: model '" + model + "' does not take "
          + String.join(", ", unknown) + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
    }
  }
}
