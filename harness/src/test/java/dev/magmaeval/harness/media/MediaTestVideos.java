package dev.magmaeval.harness.media;

import java.nio.file.Path;
import java.util.Map;

/**
 * The committed test videos under {@code harness/src/test/resources/media/}, on which lmms-eval's PyAV loader was run
 * ({@code scripts/fixtures/video/lmms_eval_video_oracle.py}). Regenerate with {@code scripts/fixtures/generate_video.sh}.
 */
public final class MediaTestVideos {
  public static final Path DIR = Path.of("src/test/resources/media");

  /** File name to encoding; sizes not a multiple of 16 take swscale's unaligned paths. */
  public static final Map<String, SyntheticVideo.Spec> VIDEOS = Map.of(
      "h264_64x48_45f.mp4", SyntheticVideo.Spec.h264(45),
      "h264_100x60_97f.mp4", SyntheticVideo.Spec.h264(97).withSize(100, 60).withGop(30),
      "mpeg4_bframes_90x54_61f.mp4", SyntheticVideo.Spec.mpeg4WithBFrames(61).withSize(90, 54));

  private MediaTestVideos() {}

  /** Writes the videos into the given folder (default: the test resources, from the harness module folder). */
  public static void main(String[] args) {
    Path dir = args.length > 0 ? Path.of(args[0]) : DIR;
    VIDEOS.forEach((name, spec) -> System.out.println("wrote " + SyntheticVideo.write(dir.resolve(name), spec)));
  }
}
