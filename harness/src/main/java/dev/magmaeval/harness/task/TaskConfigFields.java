package dev.magmaeval.harness.task;

import dev.magmaeval.harness.config.FunctionRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of lmms-eval's {@code TaskConfig} dataclass, in declaration order, with their defaults. */
final class TaskConfigFields {
  private TaskConfigFields() {}

  static final Map<String, Object> DEFAULTS;

  static {
    Map<String, Object> d = new LinkedHashMap<>();
    for (String k : List.of("task", "task_alias", "tag", "group", "group_alias", "dataset_path", "dataset_name",
        "dataset_kwargs", "training_split", "validation_split", "test_split", "fewshot_split")) d.put(k, null);
    d.put("full_docs", false);
    d.put("process_results_use_image", false);
    for (String k : List.of("process_docs", "doc_to_visual", "doc_to_text", "doc_to_target", "doc_to_choice",
        "doc_to_messages", "process_results", "use_prompt")) d.put(k, null);
    d.put("description", "");
    d.put("target_delimiter", " ");
    d.put("fewshot_delimiter", "\n\n");
    d.put("fewshot_config", null);
    d.put("num_fewshot", null);
    d.put("metric_list", null);
    d.put("output_type", "generate_until");
    d.put("generation_kwargs", null);
    d.put("repeats", 1L);
    d.put("filter_list", null);
    d.put("should_decontaminate", false);
    d.put("doc_to_decontamination_query", null);
    d.put("cluster_key", null);
    d.put("score_key", "score");
    for (String k : List.of("metadata", "lmms_eval_specific_kwargs", "model_specific_generation_kwargs",
        "model_specific_target_kwargs", "reasoning_tags")) d.put(k, null);
    DEFAULTS = Collections.unmodifiableMap(d);
  }

  /** The config as a TaskConfig would hold it: every field, defaults where the YAML is silent. */
  static Map<String, Object> withDefaults(Map<String, Object> raw) {
    Map<String, Object> cfg = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : DEFAULTS.entrySet()) {
      cfg.put(e.getKey(), raw.containsKey(e.getKey()) ? deepCopy(raw.get(e.getKey())) : e.getValue());
    }
    return cfg;
  }

  /**
   * {@code TaskConfig.to_dict()}: None fields dropped, values copied, callables as {@code str(fn)}: top-level ones by
   * {@code to_dict} itself, nested ones (a metric's {@code aggregation}) by the results writer's {@code
   * handle_non_serializable}.
   */
  static Map<String, Object> dump(Map<String, Object> cfg) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : cfg.entrySet()) {
      Object v = e.getValue();
      if (v == null) continue;
      out.put(e.getKey(), functionsAsStrings(deepCopy(v)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object functionsAsStrings(Object v) {
    if (v instanceof FunctionRef ref) return ref.toString();
    if (v instanceof Map<?, ?> m) ((Map<String, Object>) m).replaceAll((k, x) -> functionsAsStrings(x));
    if (v instanceof List<?> l) ((List<Object>) l).replaceAll(TaskConfigFields::functionsAsStrings);
    return v;
  }

  @SuppressWarnings("unchecked")
  static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> c = new LinkedHashMap<>();
      ((Map<String, Object>) m).forEach((k, x) -> c.put(k, deepCopy(x)));
      return c;
    }
    if (v instanceof List<?> l) {
      List<Object> c = new ArrayList<>();
      l.forEach(x -> c.add(deepCopy(x)));
      return c;
    }
    return v;
  }
}
