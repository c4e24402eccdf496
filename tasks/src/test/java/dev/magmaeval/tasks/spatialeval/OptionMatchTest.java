package dev.magmaeval.tasks.spatialeval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SpatialEval's option matching, as the task YAML documents it. */
class OptionMatchTest {
  private static final String TEXT = "In which direction is A relative to B? Available options:\nA. Northeast\n"
      + "B. Northwest\nC. Southwest\nD. Southeast.";

  private final OptionMatch map = OptionMatch.parse(TEXT, "A", "Northeast");

  @Test
  void optionsAreTheLinesAfterTheMarkerWithoutTheFinalPeriod() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("A", "Northeast");
    expected.put("B", "Northwest");
    expected.put("C", "Southwest");
    expected.put("D", "Southeast");
    assertThat(map.options()).isEqualTo(expected);
    assertThat(OptionMatch.parse("Is it? Available options:\nA. Yes\n B. No.", "B", "No").options())
        .containsExactly(Map.entry("A", "Yes"), Map.entry("B", "No"));
    assertThat(OptionMatch.parse("no options here", "C", "7").options()).containsExactly(Map.entry("C", "7"));
  }

  @Test
  void aLeadingLetterPicksItsOption() {
    for (String r : new String[] {"B", "B.", "(B)", "B) Northwest", " B: it is", "B, since"}) {
      assertThat(map.pick(r)).as(r).isEqualTo("B");
    }
  }

  @Test
  void aLetterNamedAsTheAnswerPicksItsOption() {
    assertThat(map.pick("The answer is C.")).isEqualTo("C");
    assertThat(map.pick("I choose option (D)")).isEqualTo("D");
    assertThat(map.pick("The answer is a guess")).isNull();
  }

  @Test
  void otherwiseTheFirstOptionTextInTheResponse() {
    assertThat(map.pick("It lies to the southwest, not the northeast.")).isEqualTo("C");
    assertThat(map.pick("A is Northwest of B")).isEqualTo("B");
    assertThat(map.pick("Northeasterly")).isNull();
    assertThat(map.pick("E.")).isNull();
    assertThat(map.pick("")).isNull();
  }
}
