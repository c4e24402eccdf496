package dev.magmaeval.reports.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Display formatting of values: 4 decimals below 10, 2 below 100, 1 above (the exact text goes in a title). */
final class Fmt {

  private Fmt() {}

  static int decimals(double magnitude) {
    double a = Math.abs(magnitude);
    return a >= 100 ? 1 : a >= 10 ? 2 : 4;
  }

  static String value(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String signed(BigDecimal d, int decimals) {
    BigDecimal r = d.setScale(decimals, RoundingMode.HALF_EVEN);
    String s = r.toPlainString();
    return r.signum() > 0 ? "+" + s : r.signum() == 0 ? "\u00b1" + r.abs().toPlainString() : s;
  }
}
