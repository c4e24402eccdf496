package dev.magmaeval.harness.output;

import dev.magmaeval.harness.api.Response;
import dev.magmaeval.metrics.py.NpFloat64;
import dev.magmaeval.metrics.py.PyFloat;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON exactly as Python's {@code json.dumps(obj, ensure_ascii=False, default=str)} writes it: floats in {@code
 * repr} form ({@code 1e-05}, {@code NaN}, {@code Infinity}), {@code ", "} and {@code ": "} separators (or lines
 * indented by {@code indent} spaces), non-ASCII characters kept, and anything else through {@code str()}.
 */
public final class PyJson {
  private PyJson() {}

  /** One line, as lmms-eval writes samples. */
  public static String compact(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, -1, 0);
    return sb.toString();
  }

  /** Indented, as lmms-eval writes results files ({@code indent=2}). */
  public static String indented(Object value, int indent) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, indent, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, int indent, int depth) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof BigInteger) {
      sb.append(v);
    } else if (v instanceof Double d) {
      sb.append(PyFloat.jsonRepr(d));
    } else if (v instanceof Float f) {
      sb.append(PyFloat.jsonRepr(f.doubleValue()));
    } else if (v instanceof NpFloat64 f) {
      sb.append(PyFloat.jsonRepr(f.value()));
    } else if (v instanceof Map<?, ?> m) {
      object(sb, m, indent, depth);
    } else if (v instanceof Collection<?> c) {
      array(sb, c.iterator(), c.isEmpty(), indent, depth);
    } else if (v instanceof Object[] arr) {
      array(sb, java.util.Arrays.asList(arr).iterator(), arr.length == 0, indent, depth);
    } else if (v instanceof Response.Loglikelihood ll) {
      array(sb, java.util.List.<Object>of(ll.loss(), ll.greedy()).iterator(), false, indent, depth);
    } else {
      // json.dumps(default=str): objects Python would not serialise become their str()
      string(sb, String.valueOf(v));
    }
  }

  private static void object(StringBuilder sb, Map<?, ?> m, int indent, int depth) {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!first) sb.append(indent < 0 ? ", " : ",");
      first = false;
      newline(sb, indent, depth + 1);
      string(sb, key(e.getKey()));
      sb.append(": ");
      write(sb, e.getValue(), indent, depth + 1);
    }
    newline(sb, indent, depth);
    sb.append('}');
  }

  private static void array(StringBuilder sb, Iterator<?> it, boolean empty, int indent, int depth) {
    if (empty) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    boolean first = true;
    while (it.hasNext()) {
      if (!first) sb.append(indent < 0 ? ", " : ",");
      first = false;
      newline(sb, indent, depth + 1);
      write(sb, it.next(), indent, depth + 1);
    }
    newline(sb, indent, depth);
    sb.append(']');
  }

  /** Python converts dict keys to strings: True -> "true", None -> "null", floats by repr. */
  private static String key(Object k) {
    if (k == null) return "null";
    if (k instanceof Boolean b) return b ? "true" : "false";
    if (k instanceof Double d) return PyFloat.jsonRepr(d);
    return String.valueOf(k);
  }

  private static void newline(StringBuilder sb, int indent, int depth) {
    if (indent < 0) return;
    sb.append('\n');
    sb.append(" ".repeat(indent * depth));
  }

  /** {@code json.encoder.py_encode_basestring}: escapes quotes, backslashes and control characters only. */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
