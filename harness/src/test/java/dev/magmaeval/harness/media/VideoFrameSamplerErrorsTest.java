package dev.magmaeval.harness.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.magmaeval.harness.api.GenerationKwargs;
import dev.magmaeval.harness.api.MediaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad video is a MediaException that names the file, and the sampler stays usable afterwards. */
class VideoFrameSamplerErrorsTest {
  @TempDir Path dir;
  private final VideoFrameSampler sampler = VideoFrameSampler.seeking();

  @Test
  void missingVideo() {
    Path missing = dir.resolve("videos/nope.mp4");
    assertThatThrownBy(() -> sampler.sample(missing, 8))
        .isInstanceOf(MediaException.class)
        .hasMessage("video not found: " + missing);
  }

  @Test
  void garbageBytes() throws Exception {
    Path bad = Files.write(dir.resolve("garbage.mp4"), "this is not a video at all".repeat(40).getBytes());
    assertThatThrownBy(() -> sampler.sample(bad, 8))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining(bad.toString());
  }

  @Test
  void emptyFile() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertThatThrownBy(() -> sampler.sample(empty, 8))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining(empty.toString());
  }

  @Test
  void truncatedMp4() throws Exception {
    Path good = SyntheticVideo.write(dir.resolve("good.mp4"), SyntheticVideo.Spec.h264(30));
    byte[] bytes = Files.readAllBytes(good);
    Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> sampler.sample(cut, 8))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining(cut.toString());
    assertThat(sampler.sample(good, 8).frameCount()).isEqualTo(8); // nothing left behind by the failure
  }

  @Test
  void requestedFramesComeFromTheRequestsKwargs() {
    assertThat(VideoFrameSampler.requestedFrames(GenerationKwargs.of(Map.of()), 32)).isEqualTo(32);
    assertThat(VideoFrameSampler.requestedFrames(GenerationKwargs.of(Map.of("frame_num", 16L)), 32)).isEqualTo(16);
    assertThat(VideoFrameSampler.requestedFrames(
        GenerationKwargs.of(Map.of("frame_num", 16L, "max_frames_num", 8L)), 32)).isEqualTo(8);
    assertThatThrownBy(() -> VideoFrameSampler.requestedFrames(GenerationKwargs.of(Map.of("max_frames_num", 0L)), 32))
        .hasMessageContaining("max_frames_num");
  }
}
