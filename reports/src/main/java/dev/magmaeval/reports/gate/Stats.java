package dev.magmaeval.reports.gate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.SplittableRandom;

/** The gate's significance tests. All are deterministic: the bootstrap takes an explicit seed. */
public final class Stats {

  private Stats() {}

  /**
   * McNemar's test on the discordant pairs of two runs' 0/1 scores: {@code b} docs right in the baseline and wrong in
   * the new run, {@code c} the reverse. Below {@code exactBelow} discordant pairs the exact two-sided binomial test
   * (p = 2·P[X ≤ min(b,c)], X ~ Bin(b+c, 1/2)); otherwise the χ² statistic with continuity correction,
   * (|b−c|−1)²/(b+c), against one degree of freedom.
   */
  public static Significance mcnemar(int b, int c, int exactBelow) {
    int n = b + c;
    String detail = "b=" + b + " right\u2192wrong, c=" + c + " wrong\u2192right";
    if (n == 0) {
      return new Significance("McNemar", 1.0, detail);
    }
    if (n < exactBelow) {
      return new Significance("McNemar exact", Math.min(1.0, 2 * binomialLowerTail(n, Math.min(b, c))), detail);
    }
    double d = Math.abs(b - c) - 1.0;
    double chi2 = d <= 0 ? 0 : d * d / n;
    // P[χ²(1) > x] = erfc(sqrt(x/2))
    return new Significance("McNemar \u03c7\u00b2", erfc(Math.sqrt(chi2 / 2)), detail + ", \u03c7\u00b2=" + round(chi2));
  }

  /** P[X ≤ k] for X ~ Bin(n, 1/2), summed exactly in integers and divided once. */
  static double binomialLowerTail(int n, int k) {
    BigInteger c = BigInteger.ONE;
    BigInteger sum = BigInteger.ONE;
    for (int i = 1; i <= k; i++) {
      c = c.multiply(BigInteger.valueOf(n - i + 1)).divide(BigInteger.valueOf(i));
      sum = sum.add(c);
    }
    return new BigDecimal(sum).divide(new BigDecimal(BigInteger.TWO.pow(n)), MathContext.DECIMAL64).doubleValue();
  }

  /**
   * A paired bootstrap of the mean per-doc improvement {@code gain[i]} (new minus baseline, signed so that positive is
   * better): resample docs with replacement {@code iterations} times; the two-sided p-value is
   * 2·min(#{mean* ≤ 0}+1, #{mean* ≥ 0}+1)/(iterations+1), capped at 1.
   */
  public static Significance pairedBootstrap(double[] gain, int iterations, long seed) {
    int n = gain.length;
    String detail = "n=" + n + ", " + iterations + " resamples, seed " + seed;
    boolean allZero = true;
    for (double g : gain) {
      allZero &= g == 0;
    }
    if (n == 0 || allZero) {
      return new Significance("paired bootstrap", 1.0, detail);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int atMostZero = 0;
    int atLeastZero = 0;
    for (int it = 0; it < iterations; it++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += gain[random.nextInt(n)];
      }
      if (sum <= 0) {
        atMostZero++;
      }
      if (sum >= 0) {
        atLeastZero++;
      }
    }
    double p = 2.0 * (Math.min(atMostZero, atLeastZero) + 1) / (iterations + 1.0);
    return new Significance("paired bootstrap", Math.min(1.0, p), detail);
  }

  /** A two-sided z-test of a difference given its standard error (used when there are no paired samples). */
  public static Significance zTest(double difference, double standardError, String detail) {
    if (!(standardError > 0) || !Double.isFinite(standardError)) {
      return Significance.untested("no standard error");
    }
    double z = difference / standardError;
    return new Significance("z-test on stderr", erfc(Math.abs(z) / Math.sqrt(2)), detail + ", z=" + round(z));
  }

  /** The complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? ans : 2.0 - ans;
  }

  private static String round(double v) {
    return String.format(java.util.Locale.ROOT, "%.3f", v);
  }
}
