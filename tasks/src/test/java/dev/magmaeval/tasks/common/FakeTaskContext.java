package dev.magmaeval.tasks.common;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.PythonRandom;
import dev.magmaeval.harness.api.TaskContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link TaskContext} for unit tests of task functions: config, --data_dir, dataset folder and environment. */
public final class FakeTaskContext implements TaskContext {
  private final Map<String, Object> config;
  private final Path dataDir;
  private final Path datasetFolder;
  private final Map<String, String> env;

  public FakeTaskContext(Map<String, Object> config, Path dataDir, Path datasetFolder, Map<String, String> env) {
    this.config = config;
    this.dataDir = dataDir;
    this.datasetFolder = datasetFolder;
    this.env = env;
  }

  @Override
  public Map<String, Object> config() {
    return config;
  }

  @Override
  public String taskName() {
    return "test";
  }

  @Override
  public String modelName() {
    return "fake";
  }

  @Override
  public Optional<Path> outputPath() {
    return Optional.empty();
  }

  @Override
  public Optional<Path> dataDir() {
    return Optional.ofNullable(dataDir);
  }

  @Override
  public Optional<Path> datasetRoot() {
    return Optional.ofNullable(datasetFolder);
  }

  @Override
  public Map<String, String> environment() {
    return env;
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public List<Doc> openDataset(String path, String name, String split) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PythonRandom random() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void warn(String message) {}
}
