package dev.magmaeval.harness.media;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Frames sampled from one video, in the order of {@code indices} (ascending; an index repeats when the video has fewer
 * frames than were asked for, and then the same image is repeated). Frames are {@code TYPE_3BYTE_BGR} images: RGB
 * colour, 8 bits per channel, read their pixels from the raster.
 */
public record SampledVideo(Path path, VideoInfo info, List<Long> indices, List<BufferedImage> frames) {

  public SampledVideo {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(info, "info");
    indices = List.copyOf(indices);
    frames = List.copyOf(frames);
    if (indices.size() != frames.size()) {
      throw new IllegalArgumentException(indices.size() + " indices but " + frames.size() + " frames");
    }
  }

  /** How many frames (and so how many {@code <image>} placeholders) the model gets. */
  public int frameCount() {
    return frames.size();
  }
}
