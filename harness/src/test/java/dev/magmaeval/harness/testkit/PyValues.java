package dev.magmaeval.harness.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON read back into the Python value model (Long, Double, Boolean, String, List, Map, null), so tests compare types too. */
public final class PyValues {
  private PyValues() {}

  public static Object fromJson(JsonNode n) {
    if (n == null || n.isNull()) return null;
    if (n.isBoolean()) return n.asBoolean();
    if (n.isIntegralNumber()) return n.asLong();
    if (n.isNumber()) return n.asDouble();
    if (n.isTextual()) return n.asText();
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(e -> l.add(fromJson(e)));
      return l;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), fromJson(e.getValue())));
    return m;
  }
}
