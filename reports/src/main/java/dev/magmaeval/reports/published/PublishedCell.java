package dev.magmaeval.reports.published;

import java.math.BigDecimal;

/**
 * One published number, with where it was printed.
 *
 * @param paperValue the number as printed in the paper (e.g. 80.0 for 80.0%)
 * @param part the 1-based position inside a cell that holds several numbers ("60.4/58.5"), or 0
 */
public record PublishedCell(PublishedModel model, Benchmark benchmark, BigDecimal paperValue, PublishedTable table,
    String row, String column, int part, String note) {

  /** The value in the results file's unit: {@code paperValue × scale}. */
  public BigDecimal resultsValue() {
    BigDecimal v = paperValue.multiply(benchmark.scale()).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  public boolean fineTuned() {
    return table.fineTuned();
  }

  /** {@code Table 2, row "Magma-8B", column "SS-Mobile" (part 1)}. */
  public String source() {
    return "Table " + table.id() + ", row \"" + row + "\", column \"" + column + "\"" + (part > 0 ? " (part " + part + ")" : "");
  }
}
