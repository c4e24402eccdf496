package dev.magmaeval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.magmaeval.metrics.aggregate.Aggregations;
import dev.magmaeval.metrics.choice.LetterChoice;
import dev.magmaeval.metrics.chartqa.ChartQaMetrics;
import dev.magmaeval.metrics.generic.GenericMetrics;
import dev.magmaeval.metrics.pope.PopeMetrics;
import dev.magmaeval.metrics.py.NpFloat64;
import dev.magmaeval.metrics.py.PyFloat;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.metrics.py.PyRound;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.metrics.py.PySum;
import dev.magmaeval.metrics.vqa.EvalAiAnswerProcessor;
import dev.magmaeval.metrics.vqa.VqaAccuracy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The upstream quirks this module keeps, one example each. The oracle tests prove them at scale; this class is the
 * readable list.
 */
class PythonQuirksTest {
    @Test
    void floatsPrintAsPythonRepr() {
        assertThat(PyFloat.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PyFloat.repr(1e16)).isEqualTo("1e+16");
        assertThat(PyFloat.repr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PyFloat.repr(2.0 / 3)).isEqualTo("0.6666666666666666");
        assertThat(PyFloat.jsonRepr(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void roundIsHalfEvenOnTheBinaryValue() {
        assertThat(PyRound.round(2.675, 2)).isEqualTo(2.67);
        assertThat(PyRound.round(0.125, 2)).isEqualTo(0.12);
    }

    @Test
    void sumIsCompensatedForFloatsButNotForNumpyFloats() {
        assertThat(PySum.sum(List.of(1e16, 1.0, -1e16))).isEqualTo(1.0);
        assertThat(PySum.sum(List.of(new NpFloat64(1e16), new NpFloat64(1.0), new NpFloat64(-1e16))))
                .isEqualTo(new NpFloat64(0.0));
        assertThat(PySum.sum(List.of(true, true, 1L))).isEqualTo(3L);
    }

    @Test
    void pythonStringRules() {
        assertThat(PyStr.upper("ß")).isEqualTo("SS");
        assertThat(PyStr.lower("ΑΣ")).isEqualTo("ας");
        assertThat(PyStr.split("a\u3000b\u001cc")).containsExactly("a", "b", "c");
        assertThat(PyStr.capitalize("ǆungla")).isEqualTo("ǅungla");
        assertThat(PyStr.isNumeric("一")).isTrue();
        assertThat(PyFloat.parse(" １_000 ")).isEqualTo(1000.0);
        assertThat(PyRepr.str(List.of("a", "it's"))).isEqualTo("['a', \"it's\"]");
    }

    @Test
    void vqaKeepsTheIntOneAndCapsPeriodRemovalAt32() {
        List<String> answers = Collections.nCopies(10, "two");
        assertThat(VqaAccuracy.vqav2(answers, "2")).isEqualTo(1L);
        List<String> three = new ArrayList<>(Collections.nCopies(7, "dog"));
        three.addAll(List.of("cat", "cat", "cat"));
        assertThat(VqaAccuracy.vqav2(three, "cat")).isEqualTo(0.9);
        assertThat(EvalAiAnswerProcessor.INSTANCE.processPunctuation(".".repeat(40))).isEqualTo(".".repeat(8));
    }

    @Test
    void medianIsTheMiddleItemUnsorted() {
        assertThat(Aggregations.median(List.of(5L, 1L, 9L, 0L))).isEqualTo(9L);
    }

    @Test
    void anlsMeasuresLengthOnTheUppercasedRawStrings() {
        // 'ß'.upper() is 'SS': the length is 2, so one edit scores 1 - 1/2 = 0.5, which is kept
        assertThat(GenericMetrics.anls(List.of("ß"), List.of("s"))).isEqualTo(0.5);
    }

    @Test
    void letterRuleTakesTheFirstCharacter() {
        assertThat(LetterChoice.extract("The answer is B")).isEqualTo("T");
    }

    @Test
    void chartQaUsesPythonFloatAndPercentages() {
        assertThat(ChartQaMetrics.relaxedCorrectness("5%", "0.0525")).isTrue();
        assertThat(ChartQaMetrics.relaxedCorrectness("inf", "inf")).isFalse();
    }

    @Test
    void popeYesRatioCountsGroundTruth() {
        var yes = PopeMetrics.record("1", "no", "yes");
        var no = PopeMetrics.record("2", "no", "no");
        assertThat(PopeMetrics.yesRatio(List.of(yes, no))).isEqualTo(0.5);
        assertThat(PopeMetrics.precision(List.of(yes, no))).isEqualTo(0L);
        assertThatThrownBy(() -> PopeMetrics.record("3", "yes", "maybe")).isInstanceOf(IllegalArgumentException.class);
    }
}
