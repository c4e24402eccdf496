package dev.magmaeval.reports.leaderboard;

import java.math.BigDecimal;

/** Formats a difference of two results values: plain notation with an explicit sign. */
public final class Deltas {

  private Deltas() {}

  public static String format(BigDecimal delta) {
    BigDecimal d = delta.stripTrailingZeros();
    String s = d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    return d.signum() > 0 ? "+" + s : s;
  }
}
