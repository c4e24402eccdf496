package dev.magmaeval.reports.results;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A number read from a results or samples file: its value and its text as written (so that CSV output keeps the
 * file's digits). NaN and infinities are allowed, as Python writes them.
 */
public record ResultNumber(double value, String text) {

  /** The number in {@code node}, or null when the node is not a number (a string such as "N/A", a list, null). */
  public static ResultNumber of(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return null;
    }
    if (node.isBigDecimal()) {
      return new ResultNumber(node.doubleValue(), node.decimalValue().toPlainString());
    }
    if (node.isFloatingPointNumber()) {
      double v = node.doubleValue();
      return new ResultNumber(v, Double.isNaN(v) ? "NaN" : Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity")
          : Double.toString(v));
    }
    return new ResultNumber(node.doubleValue(), node.asText());
  }

  public static ResultNumber of(double value) {
    return new ResultNumber(value, Double.toString(value));
  }

  public boolean isFinite() {
    return Double.isFinite(value);
  }
}
