package dev.magmaeval.harness.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Frame indices against numpy and lmms-eval's own helpers (scripts/fixtures/video/lmms_eval_video_oracle.py). */
class FrameIndicesTest {

  static JsonNode oracle() throws IOException {
    return new ObjectMapper().readTree(MediaTestVideos.DIR.resolve("lmms_eval_video_oracle.json").toFile());
  }

  static long[] longs(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).mapToLong(JsonNode::asLong).toArray();
  }

  @Test
  void linspaceIsNumpysAsMagmaAndDecordCallIt() throws IOException {
    JsonNode cases = oracle().get("frame_indices");
    assertThat(cases.size()).isGreaterThan(200);
    for (JsonNode c : cases) {
      long total = c.get("total").asLong();
      int n = c.get("n").asInt();
      assertThat(FrameIndices.linspace(total, n)).as("linspace(%d, %d)", total, n).containsExactly(longs(c.get("linspace")));
    }
  }

  @Test
  void atMostIsLmmsEvalsPyAvSelection() throws IOException {
    for (JsonNode c : oracle().get("frame_indices")) {
      long total = c.get("total").asLong();
      int n = c.get("n").asInt();
      assertThat(FrameIndices.atMost(total, n)).as("atMost(%d, %d)", total, n).containsExactly(longs(c.get("at_most")));
    }
  }

  @Test
  void shortVideosRepeatFramesUnderLinspace() {
    assertThat(FrameIndices.linspace(3, 8)).containsExactly(0, 0, 0, 0, 1, 1, 1, 2);
    assertThat(FrameIndices.atMost(3, 8)).containsExactly(0, 1, 2);
  }

  @Test
  void emptyVideosAreRejected() {
    assertThatThrownBy(() -> FrameIndices.linspace(0, 8)).hasMessageContaining("total frames (0)");
  }
}
