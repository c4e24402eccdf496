package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.PythonRandom;
import dev.magmaeval.harness.dataset.DatasetLocator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What tasks may know about the run, shared by all tasks of it. {@code samplesDir} is set only when samples are
 * logged. {@code openDataset} reads another config or split (for joins such as GQA's images).
 */
public record TaskEnvironment(
    String modelName,
    Optional<Path> outputPath,
    Optional<Path> samplesDir,
    Optional<Path> dataDir,
    Map<String, String> environment,
    Clock clock,
    DatasetLocator locator,
    DatasetOpener opener,
    PythonRandom random,
    Consumer<String> warnings) {

  /** Reads a whole split (for small lookup tables). */
  @FunctionalInterface
  public interface DatasetOpener {
    List<Doc> open(String path, String name, String split);
  }
}
