package dev.magmaeval.harness.api;

/**
 * Service interface that contributes the Java functions of one task folder. A YAML in {@code
 * configs/tasks/<folder>/} (or an {@code --include_path} root) that says {@code doc_to_text: !function
 * utils.vqav2_doc_to_text} resolves to the function registered here as {@code utils.vqav2_doc_to_text} by the
 * provider whose {@link #folder()} is {@code <folder>}. Register providers in {@code
 * META-INF/services/dev.magmaeval.harness.api.TaskFunctions}.
 */
public interface TaskFunctions {

  /**
   * The task folder, relative to its task root, with '/' separators: {@code vqav2}, {@code perceptiontest/val}.
   * A YAML in a subfolder also sees the functions of its parent folders, nearest first.
   */
  String folder();

  void register(Registrar registrar);

  /** Collects functions under their YAML names ({@code module.function}). */
  interface Registrar {
    void add(String name, TaskFunction function);

    default void docToText(String name, TaskFunction.DocToText f) {
      add(name, f);
    }

    default void docToVisual(String name, TaskFunction.DocToVisual f) {
      add(name, f);
    }

    default void docToTarget(String name, TaskFunction.DocToTarget f) {
      add(name, f);
    }

    default void docToChoice(String name, TaskFunction.DocToChoice f) {
      add(name, f);
    }

    default void processDocs(String name, TaskFunction.ProcessDocs f) {
      add(name, f);
    }

    default void processResults(String name, TaskFunction.ProcessResults f) {
      add(name, f);
    }

    default void aggregation(String name, TaskFunction.Aggregation f) {
      add(name, f);
    }

    default void filter(String name, TaskFunction.FilterFactory f) {
      add(name, f);
    }

    default void factory(String name, TaskFunction.Factory f) {
      add(name, f);
    }
  }
}
