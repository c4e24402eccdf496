package dev.magmaeval.reports.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run: the results files of one output folder ({@code <output_path>/<model_name_sanitized>/}), merged. When two
 * files hold the same task, the newer one (by file-name date) wins.
 *
 * @param label how the report names the run: its folder, relative to the folder common to all runs
 * @param tasks every task and group row, in file order
 * @param taskSources the file each row came from (its samples file sits beside it)
 */
public record Run(String label, Path directory, List<ResultsFile> files, Map<String, TaskRow> tasks,
    Map<String, ResultsFile> taskSources) {

  public Run {
    files = List.copyOf(files);
    tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    taskSources = Collections.unmodifiableMap(new LinkedHashMap<>(taskSources));
  }

  /** Merges {@code files} (any order) into one run. */
  public static Run of(String label, Path directory, List<ResultsFile> files) {
    List<ResultsFile> sorted = new ArrayList<>(files);
    sorted.sort((a, b) -> a.dateId().compareTo(b.dateId()));
    Map<String, TaskRow> tasks = new LinkedHashMap<>();
    Map<String, ResultsFile> sources = new LinkedHashMap<>();
    for (ResultsFile file : sorted) {
      for (TaskRow row : file.rows().values()) {
        tasks.put(row.name(), row);
        sources.put(row.name(), file);
      }
    }
    return new Run(label, directory, sorted, tasks, sources);
  }

  /** Strings naming the model of this run (results fields, then the folder name); for matching published models. */
  public List<String> modelIds() {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    files.forEach(f -> ids.addAll(f.modelIds()));
    if (directory.getFileName() != null) {
      ids.add(directory.getFileName().toString());
    }
    return List.copyOf(ids);
  }

  /** {@code higher_is_better} of a metric name (without filter); true when unknown or conflicting. */
  public boolean higherIsBetter(String task, String metric) {
    ResultsFile source = taskSources.get(task);
    if (source == null) {
      return true;
    }
    Boolean b = source.higherIsBetter().getOrDefault(task, Map.of()).get(metric);
    return b == null || b;
  }

  /** The samples file of a task, if the run logged samples. */
  public Optional<Path> samplesFile(String task) {
    ResultsFile source = taskSources.get(task);
    if (source == null) {
      return Optional.empty();
    }
    Path file = source.samplesFile(task);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** {@code n-samples[task].effective}, or null. */
  public Long effectiveSamples(String task) {
    ResultsFile source = taskSources.get(task);
    return source == null ? null : source.effectiveSamples().get(task);
  }
}
