package dev.magmaeval.harness.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a {@link TaskFunction.Factory} or an aggregation may know about the run. */
public interface TaskContext {

  String taskName();

  /** The task's resolved YAML config (includes merged, group overrides applied). */
  Map<String, Object> config();

  /** The {@code --model} name. */
  String modelName();

  /** {@code --output_path}, if given; submission files go under {@code <output_path>/submissions/}. */
  Optional<Path> outputPath();

  /**
   * The folder of this run's samples files ({@code <output_path>/<model_name_sanitized>/}) when samples are logged
   * ({@code --log_samples} or {@code --predict_only}); empty otherwise. A task may write per-sample files under it
   * (the marked image a model saw) and name them in its samples lines by a path relative to it.
   */
  default Optional<Path> samplesDir() {
    return Optional.empty();
  }

  /** {@code --data_dir} (or the task's {@code dataset_kwargs.data_dir}), if given. */
  Optional<Path> dataDir();

  /**
   * The folder the task's dataset was read from (a hub-cache snapshot or a local dataset folder). Video tasks find
   * their media relative to it or to {@code $HF_HOME}.
   */
  Optional<Path> datasetRoot();

  /** Environment variables (injected, so that tests are hermetic): HF_HOME, HF_HUB_CACHE, ... */
  java.util.Map<String, String> environment();

  /** The run's clock (injected, so that file names and dates are testable). */
  Clock clock();

  /**
   * Opens another config or split of a dataset, through the same resolution as the task's own ({@code --data_dir},
   * then the Hugging Face cache). For joins such as GQA's images.
   */
  List<Doc> openDataset(String path, String name, String split);

  /** Python's global random state for this run (shared by all tasks, in scoring order). */
  PythonRandom random();

  /** A warning for the user, shown once per distinct message. */
  void warn(String message);
}
