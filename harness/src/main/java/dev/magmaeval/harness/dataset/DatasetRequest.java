package dev.magmaeval.harness.dataset;

import java.nio.file.Path;
import java.util.Map;

/**
 * Which data a task wants: lmms-eval's {@code dataset_path}, {@code dataset_name}, {@code dataset_kwargs} and the
 * evaluation split. {@code configDir} is the task YAML's folder (relative {@code data_files} resolve against it).
 */
public record DatasetRequest(
    String path, String name, String split, Map<String, Object> kwargs, Path configDir) {

  public DatasetRequest {
    kwargs = kwargs == null ? Map.of() : kwargs;
  }

  public String describe() {
    return path + (name == null ? "" : " (config " + name + ")") + " split " + split;
  }
}
