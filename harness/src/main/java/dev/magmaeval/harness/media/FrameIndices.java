package dev.magmaeval.harness.media;

/**
 * Which frames of a video of {@code total} frames to sample, with the formulas lmms-eval's video loaders use, so that
 * both pick the same frames.
 */
public final class FrameIndices {
  private FrameIndices() {}

  /**
   * {@code np.linspace(0, total - 1, n, dtype=int)}: exactly {@code n} indices, repeated when {@code total < n}. This
   * is what Magma's lmms-eval wrapper ({@code tools/lmms-eval-magma/magma.py}, decord) and lmms-eval's {@code
   * load_video_decord} sample.
   */
  public static long[] linspace(long total, int n) {
    if (total <= 0) throw new IllegalArgumentException("total frames (" + total + ") must be positive");
    if (n < 0) throw new IllegalArgumentException("frame count (" + n + ") must not be negative");
    long[] out = new long[n];
    if (n == 0) return out;
    long stop = total - 1;
    if (n == 1) return out; // numpy: a single sample is the start, 0
    double div = n - 1;
    double step = stop / div;
    for (int i = 0; i < n; i++) {
      // numpy computes arange(n) * step + start in float64 and truncates toward zero on the int cast.
      double y = step == 0 ? (i / div) * stop : i * step;
      out[i] = (long) y;
    }
    out[n - 1] = stop; // numpy sets the endpoint exactly
    return out;
  }

  /**
   * lmms-eval's PyAV loader ({@code load_video_stream} in {@code models/model_utils/load_video.py}, without {@code
   * fps} and {@code force_include_last_frame}): {@code np.linspace(0, total - 1, min(total, n), dtype=int)}, so never
   * more frames than the video has.
   */
  public static long[] atMost(long total, int n) {
    if (total <= 0) throw new IllegalArgumentException("total frames (" + total + ") must be positive");
    return linspace(total, (int) Math.min(total, n));
  }
}
