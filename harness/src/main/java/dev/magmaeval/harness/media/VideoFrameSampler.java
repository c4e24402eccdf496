package dev.magmaeval.harness.media;

import dev.magmaeval.harness.api.GenerationKwargs;
import dev.magmaeval.harness.api.MediaException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Samples frames from a video file with FFmpeg, picking the frames lmms-eval's loaders pick.
 *
 * <p>Typical use from a model backend's {@code prepare}:
 *
 * <pre>{@code
 * int n = VideoFrameSampler.requestedFrames(request.kwargs(), 32);
 * SampledVideo v = VideoFrameSampler.seeking().sample(videoPath, n); // Magma: np.linspace(0, N-1, n)
 * for (BufferedImage frame : v.frames()) ... // one <image> each
 * }</pre>
 *
 * <p>Frame {@code i} is the {@code i}-th frame in presentation order, and the frame count is the stream's packet count
 * (decord's {@code len(VideoReader)}). The {@linkplain #seeking() seeking} sampler reads the packet index once (no
 * decoding), then seeks to the keyframe before each wanted frame and decodes from there, so it decodes a few frames per
 * sample instead of the whole video; it gives the same pixels as the {@linkplain #sequential() sequential} one. When a
 * stream's timestamps cannot identify frames (missing or repeated), it falls back to decoding in order.
 *
 * <p>Instances are immutable and thread-safe: every call opens the file on its own, so calls may run concurrently on
 * the engine's preparation threads. A missing, unreadable or corrupt video is a {@link MediaException} whose message
 * names the file; it fails the one request that needs it.
 */
public final class VideoFrameSampler {

  /** Which frame indices to take from a video of {@code total} frames when {@code n} are asked for. */
  @FunctionalInterface
  public interface FrameSelection {
    long[] indices(long total, int n);

    /** Exactly {@code n} frames, repeated in short videos: Magma's wrapper and decord ({@link FrameIndices#linspace}). */
    FrameSelection LINSPACE = FrameIndices::linspace;

    /** At most one per frame: lmms-eval's PyAV loader ({@link FrameIndices#atMost}). */
    FrameSelection AT_MOST = FrameIndices::atMost;
  }

  /** How many attempts at an earlier keyframe before decoding from the start. */
  private static final int MAX_BACKOFF = 3;

  private final boolean seek;
  private final int decoderThreads;

  private VideoFrameSampler(boolean seek, int decoderThreads) {
    this.seek = seek;
    this.decoderThreads = decoderThreads;
  }

  /** Seeks to each sampled frame; one decoder thread per call (the engine runs several calls at once). */
  public static VideoFrameSampler seeking() {
    return new VideoFrameSampler(true, 1);
  }

  /** Decodes every frame up to the last sampled one: the reference for {@link #seeking()}, and its baseline. */
  public static VideoFrameSampler sequential() {
    return new VideoFrameSampler(false, 1);
  }

  /** The same sampler with FFmpeg decoding on {@code threads} threads (0: FFmpeg picks). */
  public VideoFrameSampler withDecoderThreads(int threads) {
    if (threads < 0) throw new IllegalArgumentException("decoder threads (" + threads + ") must not be negative");
    return new VideoFrameSampler(seek, threads);
  }

  /**
   * The frame count a request asks for: {@code max_frames_num}, else {@code frame_num}, from its generation kwargs
   * (which carry {@code --gen_kwargs}), else the model's default.
   */
  public static int requestedFrames(GenerationKwargs kwargs, int modelDefault) {
    int n = kwargs.integer("max_frames_num", kwargs.integer("frame_num", modelDefault));
    if (n <= 0) throw new IllegalArgumentException("max_frames_num/frame_num must be positive, got " + n);
    return n;
  }

  /** The stream's frame count, rate and size, without decoding. */
  public VideoInfo probe(Path video) {
    try (FfmpegVideo v = FfmpegVideo.open(video, decoderThreads)) {
      return v.info(v.scan());
    }
  }

  /** {@code n} frames at {@code np.linspace(0, N - 1, n)}, as Magma's lmms-eval wrapper samples. */
  public SampledVideo sample(Path video, int n) {
    return sample(video, n, FrameSelection.LINSPACE);
  }

  public SampledVideo sample(Path video, int n, FrameSelection selection) {
    Objects.requireNonNull(video, "video");
    if (n <= 0) throw new IllegalArgumentException("frame count (" + n + ") must be positive");
    try (FfmpegVideo v = FfmpegVideo.open(video, decoderThreads)) {
      FfmpegVideo.PacketIndex index = v.scan();
      if (index.count() == 0) throw new MediaException("no video frames in " + video);
      long[] indices = selection.indices(index.count(), n);
      return collect(v, video, index, indices);
    } catch (RuntimeException e) {
      if (e instanceof MediaException) throw e;
      throw new MediaException("cannot sample frames from video " + video + ": " + e, e);
    }
  }

  /** The frames at the given indices (presentation order, 0-based; any order, repeats allowed). */
  public SampledVideo sampleIndices(Path video, long[] indices) {
    try (FfmpegVideo v = FfmpegVideo.open(video, decoderThreads)) {
      FfmpegVideo.PacketIndex index = v.scan();
      for (long i : indices) {
        if (i < 0 || i >= index.count()) {
          throw new IllegalArgumentException("frame " + i + " is outside " + video + " (" + index.count() + " frames)");
        }
      }
      return collect(v, video, index, indices);
    }
  }

  private SampledVideo collect(FfmpegVideo v, Path video, FfmpegVideo.PacketIndex index, long[] indices) {
    long[] wanted = Arrays.stream(indices).distinct().sorted().toArray();
    Map<Long, BufferedImage> frames =
        seek && index.timestampsUsable() ? decodeSeeking(v, video, index, wanted) : decodeInOrder(v, video, wanted);
    List<Long> order = new ArrayList<>(indices.length);
    List<BufferedImage> images = new ArrayList<>(indices.length);
    for (long i : indices) {
      order.add(i);
      images.add(frames.get(i));
    }
    return new SampledVideo(video, v.info(index), order, images);
  }

  private static Map<Long, BufferedImage> decodeInOrder(FfmpegVideo v, Path video, long[] wanted) {
    v.rewind();
    Map<Long, BufferedImage> out = new HashMap<>();
    long ordinal = 0;
    int next = 0;
    while (next < wanted.length && v.next()) {
      if (ordinal == wanted[next]) {
        out.put(ordinal, v.image());
        next++;
      }
      ordinal++;
    }
    if (next < wanted.length) {
      throw new MediaException(
          "video " + video + " ended after " + ordinal + " decoded frames; frame " + wanted[next] + " is missing");
    }
    return out;
  }

  private static Map<Long, BufferedImage> decodeSeeking(
      FfmpegVideo v, Path video, FfmpegVideo.PacketIndex index, long[] wanted) {
    Map<Long, BufferedImage> out = new HashMap<>();
    long current = Long.MAX_VALUE; // pts of the last decoded frame; MAX: nothing decoded since the scan
    for (long frameNo : wanted) {
      long target = index.pts()[(int) frameNo];
      int key = index.keyAtOrBefore(target);
      // Decode on from where we are unless a keyframe lies between here and the target (then a seek is cheaper).
      boolean mustSeek = current == Long.MAX_VALUE || current >= target
          || (key >= 0 && index.keyPts()[key] > current);
      for (int attempt = 0; ; attempt++) {
        if (mustSeek) {
          int earlier = key - attempt;
          if (attempt == 0) v.seek(target);
          else if (attempt <= MAX_BACKOFF && earlier >= 0) v.seek(index.keyPts()[earlier]);
          else v.rewind();
        }
        long found = decodeUntil(v, target);
        current = found;
        if (found == target) {
          out.put(frameNo, v.image());
          break;
        }
        // Overshot (the seek landed after the target) or hit the end: start from an earlier keyframe.
        if (attempt > MAX_BACKOFF || (mustSeek && attempt > 0 && key - attempt < 0)) {
          throw new MediaException("video " + video + ": frame " + frameNo + " (pts " + target
              + ") could not be decoded" + (found == Long.MAX_VALUE ? " (stream ended)" : ""));
        }
        mustSeek = true;
      }
    }
    return out;
  }

  /** Decodes until a frame at or after {@code target}; its pts, or {@code Long.MAX_VALUE} at the end. */
  private static long decodeUntil(FfmpegVideo v, long target) {
    while (v.next()) {
      long pts = v.framePts();
      if (pts >= target) return pts;
    }
    return Long.MAX_VALUE;
  }

  @Override
  public String toString() {
    return "VideoFrameSampler[" + (seek ? "seeking" : "sequential") + ", decoderThreads=" + decoderThreads + "]";
  }
}
