package dev.magmaeval.tasks.som;

import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.tasks.common.Screenshots;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The marked images a model saw, saved beside the samples file when samples are logged ({@code --log_samples}), as
 * {@code marked_images/<task>/<doc_id>.png}; samples lines name them by that path, relative to the samples file's
 * folder.
 */
public final class MarkedImages {
  private MarkedImages() {}

  /** The relative path of a doc's marked image, when samples are logged. */
  public static Optional<String> reference(TaskContext context, int docId) {
    return context.samplesDir().map(dir -> "marked_images/" + context.taskName() + "/" + docId + ".png");
  }

  /** Saves the image when samples are logged; does nothing otherwise. */
  public static void save(TaskContext context, int docId, BufferedImage image) {
    Optional<String> ref = reference(context, docId);
    if (ref.isEmpty()) return;
    Path file = context.samplesDir().get().resolve(ref.get());
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".partial");
      Files.write(tmp, Screenshots.png(image));
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write marked image " + file + ": " + e.getMessage(), e);
    }
  }
}
