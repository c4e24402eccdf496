package dev.magmaeval.harness.testkit;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.PythonRandom;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.metrics.py.PyRandom;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TaskContext} for unit tests of task functions: set what the function reads, the rest is empty. Python's
 * random starts at seed 0, as lmms-eval's global random does; warnings are collected in {@link #warnings}.
 */
public final class TestTaskContext implements TaskContext {
  private String taskName = "test";
  private Map<String, Object> config = Map.of();
  private Path outputPath;
  private Path dataDir;
  private Path datasetRoot;
  private Map<String, String> env = Map.of();
  private Clock clock = Clock.systemUTC();
  private final PyRandom random = new PyRandom(0);
  public final List<String> warnings = new ArrayList<>();

  public TestTaskContext task(String name) {
    this.taskName = name;
    return this;
  }

  public TestTaskContext config(Map<String, Object> config) {
    this.config = config;
    return this;
  }

  public TestTaskContext outputPath(Path p) {
    this.outputPath = p;
    return this;
  }

  public TestTaskContext dataDir(Path p) {
    this.dataDir = p;
    return this;
  }

  public TestTaskContext datasetRoot(Path p) {
    this.datasetRoot = p;
    return this;
  }

  public TestTaskContext env(Map<String, String> env) {
    this.env = env;
    return this;
  }

  public TestTaskContext clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  @Override
  public String taskName() {
    return taskName;
  }

  @Override
  public Map<String, Object> config() {
    return config;
  }

  @Override
  public String modelName() {
    return "fake";
  }

  @Override
  public Optional<Path> outputPath() {
    return Optional.ofNullable(outputPath);
  }

  @Override
  public Optional<Path> dataDir() {
    return Optional.ofNullable(dataDir);
  }

  @Override
  public Optional<Path> datasetRoot() {
    return Optional.ofNullable(datasetRoot);
  }

  @Override
  public Map<String, String> environment() {
    return env;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public List<Doc> openDataset(String path, String name, String split) {
    throw new UnsupportedOperationException("openDataset is not set up in this test context");
  }

  @Override
  public PythonRandom random() {
    return new PythonRandom() {
      @Override
      public double random() {
        return random.random();
      }

      @Override
      public <T> T choice(List<T> items) {
        return random.choice(items);
      }
    };
  }

  @Override
  public void warn(String message) {
    warnings.add(message);
  }
}
