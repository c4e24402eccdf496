package dev.magmaeval.tasks.vsr;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.api.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where VSR's images are: the dataset names COCO 2017 files ({@code image}, e.g. {@code 000000050403.jpg}; {@code
 * image_link} says train2017 or val2017) and embeds none. Each folder below is tried for {@code <file>} and {@code
 * <train2017|val2017>/<file>}, in order:
 *
 * <ol>
 *   <li>{@code dataset_kwargs.image_dir} (relative to {@code --data_dir} when given);
 *   <li>{@code --data_dir}: {@code vsr/images}, {@code coco}, the folder itself;
 *   <li>{@code $HF_HOME/vsr/images} (lmms-eval's media cache convention);
 *   <li>the dataset folder's {@code images/} (the VSR README's layout: vsr_images.zip unpacked beside the JSONL).
 * </ol>
 *
 * A file found nowhere fails that sample alone, naming the first path tried.
 */
final class CocoImages {
  private final List<Path> roots;

  private CocoImages(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  static CocoImages of(TaskContext context) {
    List<Path> roots = new ArrayList<>();
    Optional<Path> dataDir = context.dataDir();
    if (context.config().get("dataset_kwargs") instanceof Map<?, ?> kw && kw.get("image_dir") instanceof String dir
        && !dir.isBlank()) {
      Path p = Path.of(dir);
      roots.add(p.isAbsolute() || dataDir.isEmpty() ? p : dataDir.get().resolve(p));
    }
    dataDir.ifPresent(d -> {
      roots.add(d.resolve("vsr").resolve("images"));
      roots.add(d.resolve("coco"));
      roots.add(d);
    });
    roots.add(hfHome(context.environment()).resolve("vsr").resolve("images"));
    context.datasetRoot().ifPresent(d -> roots.add(d.resolve("images")));
    return new CocoImages(roots);
  }

  private static Path hfHome(Map<String, String> env) {
    String home = env.get("HF_HOME");
    if (home != null && !home.isBlank()) return Path.of(home);
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cache", "huggingface");
  }

  ImageData find(Doc doc) {
    String file = doc.str("image");
    String folder = cocoFolder(doc);
    List<Path> tried = new ArrayList<>();
    for (Path root : roots) {
      for (Path candidate : folder == null ? List.of(root.resolve(file))
          : List.of(root.resolve(file), root.resolve(folder).resolve(file))) {
        if (Files.isRegularFile(candidate)) return read(candidate);
        tried.add(candidate);
      }
    }
    throw new MediaException("VSR image " + tried.get(0) + " not found (nor in " + (tried.size() - 1)
        + " other places: --data_dir vsr/images or coco/, $HF_HOME/vsr/images, dataset_kwargs.image_dir, "
        + "the dataset's images/ folder)");
  }

  /** {@code train2017} or {@code val2017} from {@code image_link}, when the row has one. */
  private static String cocoFolder(Doc doc) {
    if (!doc.has("image_link") || !(doc.get("image_link") instanceof String link)) return null;
    String[] parts = link.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : null;
  }

  /** Checked now, read when a backend asks for the bytes. */
  private static ImageData read(Path file) {
    return ImageData.deferred(file.getFileName().toString(), file.toString(), () -> {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new MediaException("cannot read VSR image " + file + ": " + e.getMessage(), e);
      }
    });
  }
}
