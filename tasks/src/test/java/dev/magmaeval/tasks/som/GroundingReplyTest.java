package dev.magmaeval.tasks.som;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading where a reply says to click: Magma's format, points, boxes, pixels, and garbage. */
class GroundingReplyTest {
  private static final List<Mark> MARKS = List.of(new Mark(1, new Box(0, 0, 100, 50)),
      new Mark(3, new Box(200, 100, 400, 300)));

  @Test
  void magmaPointAndMark() {
    GroundingReply r = GroundingReply.parse("Coordinate: (0.17, 0.43). Mark: 3.");
    assertThat(r.mark()).isEqualTo(3);
    assertThat(r.x()).isEqualTo(0.17);
    assertThat(r.y()).isEqualTo(0.43);
  }

  @Test
  void magmaBoxGivesItsCentre() {
    GroundingReply r = GroundingReply.parse("Coordinate: (0.27, 0.29, 0.37, 0.30). Mark: 2.");
    assertThat(r.mark()).isEqualTo(2);
    assertThat(r.x()).isEqualTo((0.27 + 0.37) / 2);
    assertThat(r.y()).isEqualTo((0.29 + 0.30) / 2);
  }

  @Test
  void theMarkIsReadFirstWhenItIsOneOfTheDrawnMarks() {
    double[] t = GroundingReply.parse("Coordinate: (0.9, 0.9). Mark: 3.").target(MARKS, 1000, 500).orElseThrow();
    assertThat(t).containsExactly(0.3, 0.4);
    double[] unknownMark = GroundingReply.parse("Coordinate: (0.9, 0.8). Mark: 7.").target(MARKS, 1000, 500)
        .orElseThrow();
    assertThat(unknownMark).containsExactly(0.9, 0.8);
    assertThat(GroundingReply.parse("Mark: 1").target(MARKS, 1000, 500).orElseThrow()).containsExactly(0.05, 0.05);
    assertThat(GroundingReply.parse("Mark: 7").target(MARKS, 1000, 500)).isEmpty();
    assertThat(GroundingReply.parse("Mark: 3").target(List.of(), 1000, 500)).isEmpty();
  }

  @Test
  void pixelPointsAreDividedByTheImageSizeAndNormalizedOnesKept() {
    assertThat(GroundingReply.parse("Coordinate: (960, 270)").normalizedPoint(1920, 1080).orElseThrow())
        .containsExactly(0.5, 0.25);
    assertThat(GroundingReply.parse("[0.5, 0.25]").normalizedPoint(1920, 1080).orElseThrow())
        .containsExactly(0.5, 0.25);
    // one coordinate above 1 makes both pixels, as lmms-eval's ScreenSpot-v2 reads points
    assertThat(GroundingReply.parse("(1.5, 0.5)").normalizedPoint(10, 10).orElseThrow()).containsExactly(0.15, 0.05);
  }

  @Test
  void otherPointAndBoxFormats() {
    assertThat(point("click at (0.31, 0.62)")).containsExactly(0.31, 0.62);
    assertThat(point("{\"action_type\": 4, \"click_point\": (0.49,0.37)}")).containsExactly(0.49, 0.37);
    assertThat(point("x=0.2, y=0.7")).containsExactly(0.2, 0.7);
    assertThat(point("The bounding box is [0.1, 0.2, 0.3, 0.4]")).containsExactly(0.2, 0.30000000000000004);
    assertThat(point("<box>(100,200),(300,400)</box>")).containsExactly(0.2, 0.3);
    // lmms-eval's point pattern sees "(10,20)" before any box rule
    assertThat(point("<|box_start|>(10,20),(30,40)<|box_end|> is a box")).containsExactly(10.0, 20.0);
  }

  @Test
  void quotedTextAndTheMarkNumberAreNotReadAsCoordinates() {
    GroundingReply r = GroundingReply.parse("Mark: 12. Operation: TYPE \"2 adults 3 rooms\"");
    assertThat(r.mark()).isEqualTo(12);
    assertThat(r.hasPoint()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "I cannot find it.", "Mark: none", "Coordinate: (a, b)", "((((", "[0.5]",
      "Coordinate: ()", "Mark: 99999999999999999999"})
  void garbageHasNoPointAndNeverThrows(String reply) {
    GroundingReply r = GroundingReply.parse(reply);
    assertThat(r.hasPoint()).isFalse();
    assertThat(r.normalizedPoint(100, 100)).isEmpty();
    assertThat(r.target(MARKS, 100, 100)).isEmpty();
  }

  @Test
  void nullIsNothing() {
    assertThat(GroundingReply.parse(null)).isEqualTo(GroundingReply.NOTHING);
  }

  private static double[] point(String reply) {
    GroundingReply r = GroundingReply.parse(reply);
    assertThat(r.hasPoint()).as(reply).isTrue();
    return new double[] {r.x(), r.y()};
  }
}
