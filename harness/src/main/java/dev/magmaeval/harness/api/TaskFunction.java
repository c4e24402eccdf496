package dev.magmaeval.harness.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kinds of function a task YAML can name with {@code !function module.name}, one per YAML key. Each mirrors the
 * Python signature lmms-eval calls. {@code kwargs} is the task's resolved {@code lmms_eval_specific_kwargs}
 * (null when the YAML has none).
 */
public sealed interface TaskFunction
    permits TaskFunction.DocToText,
        TaskFunction.DocToVisual,
        TaskFunction.DocToTarget,
        TaskFunction.DocToChoice,
        TaskFunction.ProcessDocs,
        TaskFunction.ProcessResults,
        TaskFunction.Aggregation,
        TaskFunction.FilterFactory,
        TaskFunction.Factory {

  /** {@code doc_to_text(doc, lmms_eval_specific_kwargs)}. */
  @FunctionalInterface
  non-sealed interface DocToText extends TaskFunction {
    String apply(Doc doc, Map<String, Object> kwargs);
  }

  /** {@code doc_to_visual(doc[, lmms_eval_specific_kwargs])}. */
  @FunctionalInterface
  non-sealed interface DocToVisual extends TaskFunction {
    List<Visual> apply(Doc doc, Map<String, Object> kwargs);
  }

  /** {@code doc_to_target(doc[, model_specific_target_kwargs])}: a str, int or list, Python-typed. */
  @FunctionalInterface
  non-sealed interface DocToTarget extends TaskFunction {
    Object apply(Doc doc, Object targetKwargs);
  }

  /** {@code doc_to_choice(doc)}. */
  @FunctionalInterface
  non-sealed interface DocToChoice extends TaskFunction {
    List<String> apply(Doc doc);
  }

  /**
   * {@code process_docs(dataset)}: may map, filter or reorder docs lazily. The engine renumbers the docs it gets
   * back (doc ids are indices into the processed split, as in lmms-eval).
   */
  @FunctionalInterface
  non-sealed interface ProcessDocs extends TaskFunction {
    Stream<Doc> apply(Stream<Doc> docs);
  }

  /**
   * {@code process_results(doc, results)}: per-doc metric values, Python-typed. For generation tasks {@code
   * results} holds the stripped, filtered response strings; for multiple choice, one {@code Response.Loglikelihood}
   * per choice. The doc has no media columns unless the task sets {@code process_results_use_image}.
   */
  @FunctionalInterface
  non-sealed interface ProcessResults extends TaskFunction {
    Map<String, Object> apply(Doc doc, List<Object> results);
  }

  /** An {@code aggregation: !function ...}: the metric's value from its per-doc items. */
  @FunctionalInterface
  non-sealed interface Aggregation extends TaskFunction {
    Object apply(List<Object> items, TaskContext context);
  }

  /** A {@code filter_list} step ({@code function: !function module.Class} plus its keys as kwargs). */
  @FunctionalInterface
  non-sealed interface FilterFactory extends TaskFunction {
    Filter create(Map<String, Object> kwargs);
  }

  /** One step of a filter pipeline: maps a doc's responses (a list, one per repeat) to the next value. */
  @FunctionalInterface
  interface Filter {
    Object apply(Object responses, Doc doc);
  }

  /**
   * For a function that needs the run (another dataset to join, the output folder for a submission file): the
   * engine calls {@link #create} once per task and uses what it returns.
   */
  @FunctionalInterface
  non-sealed interface Factory extends TaskFunction {
    TaskFunction create(TaskContext context);
  }
}
