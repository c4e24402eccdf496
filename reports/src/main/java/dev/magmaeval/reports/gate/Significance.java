package dev.magmaeval.reports.gate;

/**
 * The outcome of a significance test of the difference between two runs.
 *
 * @param test the test's name as shown in reports ({@code McNemar exact}, {@code paired bootstrap}, ...)
 * @param pValue the two-sided p-value, or NaN when no test was possible
 * @param detail what the test saw ({@code b=35 c=0}, {@code n=500, 10000 resamples})
 */
public record Significance(String test, double pValue, String detail) {

  public static Significance untested(String why) {
    return new Significance("none", Double.NaN, why);
  }

  public boolean tested() {
    return !Double.isNaN(pValue);
  }
}
