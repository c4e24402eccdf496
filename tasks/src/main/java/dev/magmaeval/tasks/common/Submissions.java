package dev.magmaeval.tasks.common;

import dev.magmaeval.harness.api.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Test-server submission files, where lmms-eval's {@code _task_utils/file_utils.generate_submission_file} puts
 * them: {@code <output_path>/submissions/<name>} (the working directory's {@code submissions/} without an output
 * path). Contents are {@code json.dump} of the per-doc submission values.
 */
public final class Submissions {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");

  private Submissions() {}

  public static Path write(TaskContext context, String fileName, Object content) {
    return write(context, fileName, content, -1);
  }

  /** As {@link #write(TaskContext, String, Object)}, with {@code json.dump(..., indent=indent)} (-1: compact). */
  public static Path write(TaskContext context, String fileName, Object content, int indent) {
    Path dir = context.outputPath().map(p -> p.resolve("submissions")).orElse(Path.of("submissions"));
    Path file = dir.resolve(fileName).toAbsolutePath();
    try {
      Files.createDirectories(dir);
      String json = indent < 0 ? dev.magmaeval.harness.output.PyJson.compact(content)
          : dev.magmaeval.harness.output.PyJson.indented(content, indent);
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write submission file " + file + ": " + e.getMessage(), e);
    }
    context.warn("submission file written to " + file);
    return file;
  }

  /** {@code datetime.now().strftime("%Y-%m-%d-%H-%M-%S")} on the run's clock. */
  public static String timestamp(TaskContext context) {
    return context.clock().instant().atZone(ZoneId.systemDefault()).format(STAMP);
  }
}
