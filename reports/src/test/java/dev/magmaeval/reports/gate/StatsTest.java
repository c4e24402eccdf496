package dev.magmaeval.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The gate's tests against reference values computed with Python 3.11 (math.comb for the exact binomial, math.erfc
 * for the χ² tail): python3 -c "import math; chi=(abs(b-c)-1)**2/(b+c); print(math.erfc(math.sqrt(chi/2)))".
 */
class StatsTest {

  /** Relative error of the erfc fit is below 1.2e-7. */
  private static Offset<Double> rel(double expected) {
    return within(Math.max(1e-15, expected * 2e-7));
  }

  @Test
  void mcnemarIsExactBinomialBelowTheThreshold() {
    assertThat(Stats.mcnemar(8, 0, 25).pValue()).isEqualTo(0.0078125);
    assertThat(Stats.mcnemar(5, 3, 25).pValue()).isEqualTo(0.7265625, within(1e-15));
    assertThat(Stats.mcnemar(3, 5, 25).pValue()).isEqualTo(0.7265625, within(1e-15));
    assertThat(Stats.mcnemar(17, 7, 25).pValue()).isEqualTo(0.06391465663909912, within(1e-15));
    assertThat(Stats.mcnemar(4, 4, 25).pValue()).isEqualTo(1.0);
    assertThat(Stats.mcnemar(0, 0, 25).pValue()).isEqualTo(1.0);
    assertThat(Stats.mcnemar(8, 0, 25).test()).isEqualTo("McNemar exact");
  }

  @Test
  void mcnemarUsesChiSquaredWithContinuityCorrectionFromTheThreshold() {
    assertThat(Stats.mcnemar(35, 0, 25).pValue()).isEqualTo(9.081445518184974e-09, rel(9.081445518184974e-09));
    assertThat(Stats.mcnemar(15, 10, 25).pValue()).isEqualTo(0.4237107971667934, rel(0.4237107971667934));
    assertThat(Stats.mcnemar(40, 20, 25).pValue()).isEqualTo(0.01417138825401233, rel(0.01417138825401233));
  }

  @Test
  void zTestIsTwoSided() {
    assertThat(Stats.zTest(0.025, 0.01, "").pValue()).isEqualTo(0.012419330651552278, rel(0.012419330651552278));
    assertThat(Stats.zTest(-0.025, 0.01, "").pValue()).isEqualTo(0.012419330651552278, rel(0.012419330651552278));
    assertThat(Stats.zTest(0.025, 0, "").tested()).isFalse();
  }

  @Test
  void pairedBootstrapIsDeterministicAndSeesRealDifferences() {
    double[] noise = new double[200];
    double[] drop = new double[200];
    for (int i = 0; i < 200; i++) {
      noise[i] = i % 2 == 0 ? 0.3 : -0.3;
      drop[i] = i % 4 == 0 ? 0 : -0.3;
    }
    Significance a = Stats.pairedBootstrap(noise, 2000, 7);
    assertThat(Stats.pairedBootstrap(noise, 2000, 7)).isEqualTo(a);
    assertThat(a.pValue()).isGreaterThan(0.5);
    assertThat(Stats.pairedBootstrap(drop, 2000, 7).pValue()).isEqualTo(2.0 / 2001);
    assertThat(Stats.pairedBootstrap(new double[10], 2000, 7).pValue()).isEqualTo(1.0);
  }
}
