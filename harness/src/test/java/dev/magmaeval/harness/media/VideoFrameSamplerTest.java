package dev.magmaeval.harness.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seeking sampler picks lmms-eval's frames and returns exactly the pixels of a full sequential decode, over
 * codecs with and without B-frames, containers with and without a frame count, and several lengths and frame counts.
 */
class VideoFrameSamplerTest {
  @TempDir static Path dir;
  private static final Map<String, Path> VIDEOS = new ConcurrentHashMap<>();

  static Stream<Arguments> videos() {
    List<Arguments> out = new ArrayList<>();
    for (int total : new int[] {1, 7, 32, 45, 100}) {
      out.add(Arguments.of(SyntheticVideo.Spec.h264(total)));
      out.add(Arguments.of(SyntheticVideo.Spec.mpeg4WithBFrames(total)));
      out.add(Arguments.of(SyntheticVideo.Spec.vp9Webm(total)));
      out.add(Arguments.of(SyntheticVideo.Spec.mpeg4Mkv(total)));
    }
    return out.stream();
  }

  static Path video(SyntheticVideo.Spec spec) {
    String ext = switch (spec.format()) {
      case "matroska" -> "mkv";
      default -> spec.format();
    };
    String name = spec.codec() + "_" + spec.frames() + "_" + spec.width() + "x" + spec.height() + "." + ext;
    return VIDEOS.computeIfAbsent(name, n -> SyntheticVideo.write(dir.resolve(n), spec));
  }

  @ParameterizedTest
  @MethodSource("videos")
  void seekingGivesTheFramesOfASequentialDecode(SyntheticVideo.Spec spec) {
    Path path = video(spec);
    VideoInfo info = VideoFrameSampler.seeking().probe(path);
    assertThat(info.frameCount()).isEqualTo(spec.frames());
    List<BufferedImage> all = decodeAll(path, info.frameCount());
    for (int i = 0; i < all.size(); i++) {
      assertThat(SyntheticVideo.readIndex(all.get(i))).as("frame %d of the sequential decode", i).isEqualTo(i);
    }
    for (int n : new int[] {1, 2, 8, 16, 32}) {
      SampledVideo sampled = VideoFrameSampler.seeking().sample(path, n);
      assertThat(sampled.indices()).as("indices for n=%d", n)
          .containsExactlyElementsOf(boxed(FrameIndices.linspace(spec.frames(), n)));
      assertThat(sampled.frameCount()).isEqualTo(n);
      for (int k = 0; k < n; k++) {
        int frameNo = sampled.indices().get(k).intValue();
        assertThat(pixels(sampled.frames().get(k))).as("frame %d (n=%d)", frameNo, n)
            .isEqualTo(pixels(all.get(frameNo)));
      }
    }
  }

  @Test
  void atMostNeverRepeatsFrames() {
    Path path = video(SyntheticVideo.Spec.h264(7));
    SampledVideo sampled = VideoFrameSampler.seeking().sample(path, 32, VideoFrameSampler.FrameSelection.AT_MOST);
    assertThat(sampled.indices()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void framesAreThoseOfLmmsEvalsPyAvLoader() throws Exception {
    // lmms-eval read_video (PyAV 10, FFmpeg 5.1) on the committed videos; same indices, same rgb24 bytes.
    JsonNode cases = FrameIndicesTest.oracle().get("pyav_read_video");
    assertThat(cases.size()).isGreaterThanOrEqualTo(6);
    for (JsonNode c : cases) {
      Path path = MediaTestVideos.DIR.resolve(c.get("video").asText());
      int n = c.get("n").asInt();
      SampledVideo sampled = VideoFrameSampler.seeking().sample(path, n, VideoFrameSampler.FrameSelection.AT_MOST);
      assertThat(sampled.info().frameCount()).isEqualTo(c.get("total").asLong());
      assertThat(sampled.indices()).containsExactlyElementsOf(boxed(FrameIndicesTest.longs(c.get("indices"))));
      List<String> hashes = sampled.frames().stream().map(VideoFrameSamplerTest::rgbSha256).toList();
      List<String> expected = new ArrayList<>();
      c.get("rgb24_sha256").forEach(h -> expected.add(h.asText()));
      assertThat(hashes).as("%s n=%d", path.getFileName(), n).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void concurrentCallsGiveTheSameFramesAsOneAtATime() throws Exception {
    List<Path> paths = List.of(
        video(SyntheticVideo.Spec.h264(100)), video(SyntheticVideo.Spec.mpeg4WithBFrames(45)),
        video(SyntheticVideo.Spec.vp9Webm(32)));
    VideoFrameSampler sampler = VideoFrameSampler.seeking();
    Map<Path, List<String>> alone = new ConcurrentHashMap<>();
    for (Path p : paths) alone.put(p, hashes(sampler.sample(p, 16)));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        Path p = paths.get(i % paths.size());
        results.add(pool.submit(() -> hashes(sampler.sample(p, 16)).equals(alone.get(p))));
      }
      for (Future<Boolean> f : results) assertThat(f.get()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  static List<BufferedImage> decodeAll(Path path, long total) {
    return VideoFrameSampler.sequential().sampleIndices(path, LongStream.range(0, total).toArray()).frames();
  }

  static List<Long> boxed(long[] values) {
    return LongStream.of(values).boxed().toList();
  }

  static byte[] pixels(BufferedImage img) {
    return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
  }

  static List<String> hashes(SampledVideo v) {
    return v.frames().stream().map(VideoFrameSamplerTest::rgbSha256).toList();
  }

  /** sha256 of the frame as numpy's HxWx3 rgb24 array bytes. */
  static String rgbSha256(BufferedImage img) {
    byte[] bgr = pixels(img);
    byte[] rgb = new byte[bgr.length];
    for (int i = 0; i < bgr.length; i += 3) {
      rgb[i] = bgr[i + 2];
      rgb[i + 1] = bgr[i + 1];
      rgb[i + 2] = bgr[i];
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rgb));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
