package dev.magmaeval.harness.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * lmms-eval's {@code utils.simple_parse_args_string} for {@code --model_args} and {@code --gen_kwargs}: split on
 * commas outside quotes and outside {@code {}}/{@code []} (quotes are kept), split each piece on its first {@code =},
 * then type the value: {@code true}/{@code false} (any case) as bool, {@code str.isnumeric()} as int (so {@code -1}
 * is a float), else float if it parses, else the string.
 */
public final class KvArgs {
  private KvArgs() {}

  public static Map<String, Object> parse(String args, String flag) {
    Map<String, Object> out = new LinkedHashMap<>();
    String s = args == null ? "" : args.strip();
    if (s.isEmpty()) return out;
    for (String piece : smartSplit(s)) {
      int eq = piece.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(flag + ": '" + piece + "' is not key=value (in '" + args + "')");
      }
      out.put(piece.substring(0, eq), typed(piece.substring(eq + 1)));
    }
    return out;
  }

  static List<String> smartSplit(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    boolean inQuotes = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == '"' || c == '\'') && (i == 0 || s.charAt(i - 1) != '\\')) {
        if (!inQuotes) {
          inQuotes = true;
          quote = c;
        } else if (c == quote) {
          inQuotes = false;
        }
      } else if (!inQuotes) {
        if (c == '{' || c == '[') depth++;
        else if (c == '}' || c == ']') depth--;
        else if (c == ',' && depth == 0) {
          out.add(cur.toString().strip());
          cur.setLength(0);
          continue;
        }
      }
      cur.append(c);
    }
    if (cur.length() > 0) out.add(cur.toString().strip());
    return out;
  }

  /** {@code handle_arg_string}. */
  static Object typed(String v) {
    if (v.equalsIgnoreCase("true")) return Boolean.TRUE;
    if (v.equalsIgnoreCase("false")) return Boolean.FALSE;
    if (isNumeric(v)) {
      java.math.BigInteger b = new java.math.BigInteger(normalizeDigits(v));
      return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
    try {
      return dev.magmaeval.metrics.py.PyFloat.parse(v);
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private static boolean isNumeric(String v) {
    if (v.isEmpty()) return false;
    return v.codePoints().allMatch(Character::isDigit);
  }

  private static String normalizeDigits(String v) {
    StringBuilder sb = new StringBuilder();
    v.codePoints().forEach(cp -> sb.append(Character.digit(cp, 10)));
    return sb.toString();
  }
}
