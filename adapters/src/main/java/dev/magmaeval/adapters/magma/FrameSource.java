package dev.magmaeval.adapters.magma;

import dev.magmaeval.harness.api.MediaException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Frames of a video for the backend: each frame becomes one image with its own {@code <image>} placeholder, as
 * Magma's wrapper does ({@code np.linspace(0, N - 1, max_frames_num)} frames).
 */
@FunctionalInterface
public interface FrameSource {
  List<BufferedImage> frames(Path video, int maxFrames);

  /** For runs without a frame sampler on the classpath: a video request fails alone, saying why. */
  FrameSource NONE = (video, n) -> {
    throw new MediaException("cannot read video " + video + ": the magma backend has no video frame sampler");
  };
}
