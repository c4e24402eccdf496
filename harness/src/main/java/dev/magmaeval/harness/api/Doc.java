package dev.magmaeval.harness.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a task's evaluation split, after {@code process_docs}.
 *
 * <p>{@code id} is the row's index in the evaluation split (lmms-eval's {@code doc_id}). {@code fields} keeps the
 * dataset's column order; see the package documentation for the value types. Image columns hold {@link ImageData}.
 * {@code origin} names where the row came from (dataset file) for error messages.
 */
public record Doc(int id, Map<String, Object> fields, String origin) {

  public Doc {
    Objects.requireNonNull(fields, "fields");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    origin = origin == null ? "" : origin;
  }

  public boolean has(String column) {
    return fields.containsKey(column);
  }

  /** The value of a column, which must exist (its value may be null). */
  public Object get(String column) {
    if (!fields.containsKey(column)) {
      throw new MissingColumnException(column, fields.keySet(), origin);
    }
    return fields.get(column);
  }

  public String str(String column) {
    Object v = get(column);
    if (v == null) return null;
    if (v instanceof String s) return s;
    throw new IllegalArgumentException(
        "column '" + column + "' is a " + v.getClass().getSimpleName() + ", not a string" + where());
  }

  public long integer(String column) {
    Object v = get(column);
    if (v instanceof Long l) return l;
    if (v instanceof Integer i) return i;
    if (v instanceof Boolean b) return b ? 1 : 0;
    throw new IllegalArgumentException("column '" + column + "' is not an integer: " + v + where());
  }

  public ImageData image(String column) {
    Object v = get(column);
    if (v == null) return null;
    if (v instanceof ImageData img) return img;
    throw new IllegalArgumentException("column '" + column + "' is not an image" + where());
  }

  @SuppressWarnings("unchecked")
  public List<Object> list(String column) {
    Object v = get(column);
    if (v == null) return null;
    if (v instanceof List<?> l) return (List<Object>) l;
    throw new IllegalArgumentException("column '" + column + "' is not a list" + where());
  }

  /** A copy with other or extra fields, for process_docs functions. */
  public Doc with(Map<String, Object> changes) {
    Map<String, Object> copy = new LinkedHashMap<>(fields);
    copy.putAll(changes);
    return new Doc(id, copy, origin);
  }

  public Doc withId(int newId) {
    return new Doc(newId, fields, origin);
  }

  private String where() {
    return origin.isEmpty() ? "" : " (" + origin + ")";
  }
}
