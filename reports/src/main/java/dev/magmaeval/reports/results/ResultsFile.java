package dev.magmaeval.reports.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code <date>_results.json} file in lmms-eval v0.7.2's format (ours or lmms-eval's own).
 *
 * @param dateId the file-name prefix before {@code _results.json}; samples files of the same run share it
 * @param modelIds the strings that identify the model: {@code model_name}, {@code model_name_sanitized}, {@code
 *     config.model_args} and {@code config.model}, those present
 * @param rows the {@code results} rows in file order (tasks and groups)
 * @param higherIsBetter {@code higher_is_better[task][metric]}; a null value marks a group with conflicting subtasks
 * @param effectiveSamples {@code n-samples[task].effective}
 */
public record ResultsFile(
    Path path,
    String dateId,
    List<String> modelIds,
    Map<String, TaskRow> rows,
    Map<String, Map<String, Boolean>> higherIsBetter,
    Map<String, Long> effectiveSamples,
    Map<String, List<String>> groupSubtasks) {

  /** The samples file that lmms-eval writes beside this results file for {@code task}. */
  public Path samplesFile(String task) {
    return path.resolveSibling(dateId + "_samples_" + task + ".jsonl");
  }
}
