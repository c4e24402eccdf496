package dev.magmaeval.tasks.common;

import dev.magmaeval.metrics.py.PyStr;
import java.math.BigInteger;

/** Python's {@code int(str)} for the id and index columns that datasets store as text. */
public final class PyInt {
  private PyInt() {}

  /**
   * {@code int(s)}: surrounding whitespace, an optional sign, Unicode decimal digits and single underscores between
   * digits; anything else is the {@code ValueError} upstream raises, naming what was parsed.
   */
  public static long parse(String s, String what) {
    String t = PyStr.strip(s);
    StringBuilder digits = new StringBuilder();
    int i = 0;
    if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
      if (t.charAt(0) == '-') digits.append('-');
      i = 1;
    }
    boolean lastDigit = false;
    boolean any = false;
    while (i < t.length()) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      int d = Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(cp, 10) : -1;
      if (d >= 0) {
        digits.append((char) ('0' + d));
        lastDigit = true;
        any = true;
      } else if (cp == '_' && lastDigit && i < t.length()) {
        lastDigit = false;
      } else {
        throw invalid(s, what);
      }
    }
    if (!any || !lastDigit) throw invalid(s, what);
    return new BigInteger(digits.toString()).longValueExact();
  }

  private static IllegalArgumentException invalid(String s, String what) {
    return new IllegalArgumentException(what + ": invalid literal for int() with base 10: '" + s + "'");
  }
}
