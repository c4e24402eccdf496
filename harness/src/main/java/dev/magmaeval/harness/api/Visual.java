package dev.magmaeval.harness.api;

import java.nio.file.Path;
import java.util.Objects;

/** What {@code doc_to_visual} returns, one entry per image or video, in prompt order. */
public sealed interface Visual permits Visual.Image, Visual.Video {

  record Image(ImageData data) implements Visual {
    public Image {
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * A video file. Backends sample frames themselves (lmms-eval's models do the same), with the frame count taken
   * from the request's generation kwargs or the model's settings.
   */
  record Video(Path path) implements Visual {
    public Video {
      Objects.requireNonNull(path, "path");
    }
  }

  static Visual image(ImageData data) {
    return new Image(data);
  }

  static Visual video(Path path) {
    return new Video(path);
  }
}
