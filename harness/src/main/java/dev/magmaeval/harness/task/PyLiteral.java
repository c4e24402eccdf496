package dev.magmaeval.harness.task;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval} for what task configs need: strings (both quotes, escapes), ints, floats,
 * True/False/None, lists, tuples (as lists) and dicts. lmms-eval applies it to templates that render to {@code
 * [...]} (doc_to_target, doc_to_choice).
 */
final class PyLiteral {
  private final String s;
  private int i;

  private PyLiteral(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    PyLiteral p = new PyLiteral(text);
    p.ws();
    Object v = p.value();
    p.ws();
    if (p.i != p.s.length()) throw new IllegalArgumentException("not a Python literal: " + text);
    return v;
  }

  private Object value() {
    if (i >= s.length()) throw new IllegalArgumentException("unexpected end of literal: " + s);
    char c = s.charAt(i);
    if (c == '[' || c == '(') return sequence(c == '[' ? ']' : ')');
    if (c == '{') return dict();
    if (c == '\'' || c == '"') return string();
    if (s.startsWith("True", i)) {
      i += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("False", i)) {
      i += 5;
      return Boolean.FALSE;
    }
    if (s.startsWith("None", i)) {
      i += 4;
      return null;
    }
    return number();
  }

  private List<Object> sequence(char close) {
    i++;
    List<Object> out = new ArrayList<>();
    ws();
    while (i < s.length() && s.charAt(i) != close) {
      out.add(value());
      ws();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        ws();
      }
    }
    expect(close);
    return out;
  }

  private Map<Object, Object> dict() {
    i++;
    Map<Object, Object> out = new LinkedHashMap<>();
    ws();
    while (i < s.length() && s.charAt(i) != '}') {
      Object k = value();
      ws();
      expect(':');
      ws();
      out.put(k, value());
      ws();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        ws();
      }
    }
    expect('}');
    return out;
  }

  private String string() {
    char q = s.charAt(i++);
    StringBuilder sb = new StringBuilder();
    while (i < s.length() && s.charAt(i) != q) {
      char c = s.charAt(i++);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = s.charAt(i++);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '0' -> sb.append('\0');
        case 'x' -> {
          sb.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
          i += 2;
        }
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        default -> sb.append(e);
      }
    }
    expect(q);
    return sb.toString();
  }

  private Object number() {
    int start = i;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
    while (i < s.length() && "0123456789._eE+-".indexOf(s.charAt(i)) >= 0) i++;
    String t = s.substring(start, i).replace("_", "");
    if (t.isEmpty()) throw new IllegalArgumentException("not a Python literal: " + s);
    if (t.matches("[-+]?\\d+")) {
      BigInteger b = new BigInteger(t);
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    return Double.parseDouble(t);
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
  }

  private void expect(char c) {
    if (i >= s.length() || s.charAt(i) != c) throw new IllegalArgumentException("expected '" + c + "' in " + s);
    i++;
  }
}
