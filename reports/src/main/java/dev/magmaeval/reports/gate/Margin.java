package dev.magmaeval.reports.gate;

import java.math.BigDecimal;

/**
 * The drop a metric may take before the gate looks at significance: {@code absolute} in the metric's own unit,
 * {@code relative} as a fraction of the baseline value. With both, the larger allowance applies.
 */
public record Margin(BigDecimal absolute, BigDecimal relative) {

  /** The allowed drop for a baseline value, computed exactly in decimal. */
  public BigDecimal allowed(BigDecimal baseline) {
    BigDecimal allowed = BigDecimal.ZERO;
    if (absolute != null) {
      allowed = allowed.max(absolute);
    }
    if (relative != null) {
      allowed = allowed.max(relative.multiply(baseline.abs()));
    }
    return allowed;
  }

  @Override
  public String toString() {
    String a = absolute == null ? null : absolute.toPlainString();
    String r = relative == null ? null : relative.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    return a != null && r != null ? "max(" + a + ", " + r + ")" : a != null ? a : r;
  }
}
