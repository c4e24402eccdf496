package dev.magmaeval.tasks.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Per-doc dict values as aggregations receive them. */
public final class Records {
  private Records() {}

  /** The items of a metric whose process_results values are dicts; anything else is a programming error. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> of(List<Object> items) {
    List<Map<String, Object>> out = new ArrayList<>(items.size());
    for (Object o : items) {
      if (!(o instanceof Map<?, ?>)) throw new IllegalArgumentException("expected a dict per doc, got " + o);
      out.add((Map<String, Object>) o);
    }
    return out;
  }

  /** {@code [r[key] for r in results]} for a bool field ({@code is_correct}). */
  public static List<Boolean> flags(List<Object> items, String key) {
    List<Boolean> out = new ArrayList<>(items.size());
    for (Map<String, Object> r : of(items)) out.add(Boolean.TRUE.equals(r.get(key)));
    return out;
  }
}
