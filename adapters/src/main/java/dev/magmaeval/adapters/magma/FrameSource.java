package dev.magmaeval.adapters.magma;

import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.media.VideoFrameSampler;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Frames of a video for the backend: each frame becomes one image with its own {@code <image>} placeholder, as
 * Magma's wrapper does ({@code np.linspace(0, N - 1, max_frames_num)} frames). Called on the engine's preparation
 * threads, so implementations must be thread-safe; a video that cannot be read is a {@link MediaException} naming it.
 */
@FunctionalInterface
public interface FrameSource {
  List<BufferedImage> frames(Path video, int maxFrames);

  /** FFmpeg, seeking to each frame at the wrapper's {@code np.linspace} indices ({@link VideoFrameSampler#sample}). */
  FrameSource FFMPEG = (video, n) -> VideoFrameSampler.seeking().sample(video, n).frames();

  /** No video support: a video request fails alone, saying why. For tests of the image path. */
  FrameSource NONE = (video, n) -> {
    throw new MediaException("cannot read video " + video + ": the magma backend has no video frame sampler");
  };
}
