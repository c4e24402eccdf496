package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.dataset.DatasetRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

final class TaskContextImpl implements TaskContext {
  private final String taskName;
  private final Map<String, Object> config;
  private final TaskEnvironment env;
  private final DatasetRequest dataset;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  TaskContextImpl(String taskName, Map<String, Object> config, TaskEnvironment env, DatasetRequest dataset) {
    this.taskName = taskName;
    this.config = Collections.unmodifiableMap(config);
    this.env = env;
    this.dataset = dataset;
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
    return env.modelName();
  }

  @Override
  public Optional<Path> outputPath() {
    return env.outputPath();
  }

  @Override
  public Optional<Path> samplesDir() {
    return env.samplesDir();
  }

  @Override
  public Optional<Path> dataDir() {
    return env.dataDir();
  }

  @Override
  public Optional<Path> datasetRoot() {
    return env.locator() == null ? Optional.empty() : env.locator().root(dataset);
  }

  @Override
  public Map<String, String> environment() {
    return env.environment();
  }

  @Override
  public Clock clock() {
    return env.clock();
  }

  @Override
  public List<Doc> openDataset(String path, String name, String split) {
    return env.opener().open(path, name, split);
  }

  @Override
  public dev.magmaeval.harness.api.PythonRandom random() {
    return env.random();
  }

  @Override
  public void warn(String message) {
    if (warned.add(message)) env.warnings().accept(taskName + ": " + message);
  }
}
