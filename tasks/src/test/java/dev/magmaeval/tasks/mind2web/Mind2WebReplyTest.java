package dev.magmaeval.tasks.mind2web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.tasks.som.Box;
import dev.magmaeval.tasks.som.Mark;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies to a Mind2Web step rewritten as the SeeClick action they mean. */
class Mind2WebReplyTest {
  private static final List<Mark> MARKS = List.of(new Mark(1, new Box(0, 0, 100, 50)),
      new Mark(2, new Box(640, 672, 1280, 1344)));

  @Test
  void seeClickRepliesAreKeptAsTheyAre() {
    String r = "{\"action_type\": 3, \"click_point\": (0.49,0.37), \"value\": \"New York\"}";
    assertThat(SeeClickAnswer.of(r, MARKS, 1280, 1344)).isEqualTo(r);
    String broken = "{\"action_type\": 4, \"click_point\": (0.49,";
    assertThat(SeeClickAnswer.of(broken, MARKS, 1280, 1344)).isEqualTo(broken);
  }

  @Test
  void magmaRepliesBecomeSeeClickActions() {
    assertThat(SeeClickAnswer.of("Coordinate: (0.25, 0.5). Operation: CLICK.", List.of(), 1280, 1344))
        .isEqualTo("{\"action_type\": 4, \"click_point\": (0.25, 0.5)}");
    assertThat(SeeClickAnswer.of("Coordinate: (0.25, 0.5). Mark: 2. Operation: TYPE \"New York\"", MARKS, 1280, 1344))
        .isEqualTo("{\"action_type\": 3, \"click_point\": (0.75, 0.75), \"value\": 'New York'}");
    assertThat(SeeClickAnswer.of("Mark: 1. Operation: SELECT: One-way.", MARKS, 1280, 1344))
        .isEqualTo("{\"action_type\": 2, \"click_point\": (0.0390625, 0.018601190476190476), \"value\": 'One-way'}");
  }

  @Test
  void aPlaceWithoutAnOperationIsAClickAndPixelsAreNormalized() {
    assertThat(SeeClickAnswer.of("Coordinate: (640, 336). Mark: 9.", MARKS, 1280, 1344))
        .isEqualTo("{\"action_type\": 4, \"click_point\": (0.5, 0.25)}");
    assertThat(SeeClickAnswer.of("HOVER over (0.1, 0.2)", List.of(), 100, 100))
        .isEqualTo("{\"action_type\": 4, \"click_point\": (0.1, 0.2)}");
  }

  @Test
  void anOperationWithoutAPlaceHasNoClickPoint() {
    assertThat(SeeClickAnswer.of("Operation: TYPE 'it''s'", List.of(), 100, 100))
        .isEqualTo("{\"action_type\": 3, \"value\": 'it'}");
    assertThat(SeeClickAnswer.of("type \"say \\\"hi\\\"\"", List.of(), 100, 100))
        .isEqualTo("{\"action_type\": 3, \"value\": 'say \\\\'}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "I am not sure what to do next.", "Mark: none", "???"})
  void garbageIsKeptAsItIs(String reply) {
    assertThat(SeeClickAnswer.of(reply, MARKS, 1280, 1344)).isEqualTo(reply);
  }

  @Test
  void operationValues() {
    assertThat(OperationReply.parse("Operation: TYPE: new york city. Mark: 3").orElseThrow())
        .isEqualTo(new OperationReply("TYPE", "new york city"));
    assertThat(OperationReply.parse("select “Economy”").orElseThrow())
        .isEqualTo(new OperationReply("SELECT", "Economy"));
    assertThat(OperationReply.parse("Action: ENTER").orElseThrow()).isEqualTo(new OperationReply("ENTER", ""));
    assertThat(OperationReply.parse("Click the TYPE box. Operation: SELECT 'Kids'").orElseThrow())
        .isEqualTo(new OperationReply("SELECT", "Kids"));
    assertThat(OperationReply.parse("{\"action_type\": 4}")).isEmpty();
    assertThat(OperationReply.parse("TYPE").orElseThrow()).isEqualTo(new OperationReply("TYPE", ""));
  }
}
