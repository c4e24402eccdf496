package dev.magmaeval.harness.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Frames per second for sampling 32 frames (Magma's count) from a 1-minute 720p H.264 video, with seeking and with a
 * sequential decode, on one decoder thread and on FFmpeg's automatic thread count. The video is generated here, in a
 * temporary folder, and deleted afterwards. Run with {@code scripts/bench/video_sampling.sh}.
 *
 * <p>Arguments (all optional): {@code seconds} (60), {@code width} (1280), {@code height} (720), {@code fps} (30),
 * {@code gop} (250, x264's default keyframe interval), {@code frames} (32), {@code repeats} (5).
 */
public final class VideoSamplingBenchmark {

  public static void main(String[] args) throws Exception {
    int seconds = arg(args, 0, 60);
    int width = arg(args, 1, 1280);
    int height = arg(args, 2, 720);
    int fps = arg(args, 3, 30);
    int gop = arg(args, 4, 250);
    int frames = arg(args, 5, 32);
    int repeats = arg(args, 6, 5);
    Path dir = Files.createTempDirectory("video-bench");
    Path video = dir.resolve("bench_" + width + "x" + height + ".mp4");
    try {
      long t0 = System.nanoTime();
      SyntheticVideo.write(video,
          new SyntheticVideo.Spec(width, height, seconds * fps, fps, "mp4", "libopenh264", gop, 0));
      System.out.printf(Locale.ROOT, "generated %s: %d frames, %d s at %d fps, gop %d, %.1f MB in %.1f s%n",
          video.getFileName(), seconds * fps, seconds, fps, gop, Files.size(video) / 1e6, secs(t0));

      VideoInfo info = VideoFrameSampler.seeking().probe(video);
      System.out.println("probe: " + info);
      double[] probe = time(repeats, () -> VideoFrameSampler.seeking().probe(video));
      System.out.printf(Locale.ROOT, "packet index scan (no decoding): median %.1f ms%n", median(probe) * 1e3);

      for (int threads : new int[] {1, 0}) {
        for (VideoFrameSampler sampler : new VideoFrameSampler[] {
            VideoFrameSampler.seeking().withDecoderThreads(threads),
            VideoFrameSampler.sequential().withDecoderThreads(threads)}) {
          double[] t = time(repeats, () -> sampler.sample(video, frames));
          double m = median(t);
          System.out.printf(Locale.ROOT, "%-55s %d frames: median %7.1f ms  -> %7.1f sampled frames/s%n",
              sampler, frames, m * 1e3, frames / m);
        }
      }
    } finally {
      Files.deleteIfExists(video);
      Files.deleteIfExists(dir);
    }
  }

  private static double[] time(int repeats, Runnable r) {
    r.run(); // warm-up: class loading, native libraries, page cache
    double[] out = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      r.run();
      out[i] = secs(t0);
    }
    return out;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
