package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.config.ConfigException;
import dev.magmaeval.harness.config.FunctionRef;
import dev.magmaeval.harness.config.Location;
import dev.magmaeval.harness.config.SourcedMap;
import dev.magmaeval.harness.config.TaskNode;
import dev.magmaeval.harness.dataset.DatasetRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Step three of task loading: one leaf's raw config becomes a {@link TaskDefinition}, applying what lmms-eval's
 * {@code TaskConfig.__post_init__}, {@code ConfigurableTask.__init__} and {@code evaluator.simple_evaluate} do:
 * defaults, {@code lmms_eval_specific_kwargs} for {@code --model}, {@code --gen_kwargs}, {@code --num_fewshot},
 * {@code --predict_only}, and the binding of every {@code !function}.
 */
public final class TaskBuilder {

  private final FunctionRegistry functions;
  private final TaskOptions options;
  private final TaskEnvironment environment;
  private final Templates templates = new Templates();

  public TaskBuilder(FunctionRegistry functions, TaskOptions options, TaskEnvironment environment) {
    this.functions = functions;
    this.options = options;
    this.environment = environment;
  }

  public TaskDefinition build(TaskNode.Leaf leaf, Path taskRoot) {
    SourcedMap raw = leaf.config().copy();
    Path yaml = raw.origin() == null ? null : raw.origin().file();
    for (String key : raw.keySet()) {
      if (!TaskConfigFields.DEFAULTS.containsKey(key)) {
        throw new ConfigException(raw.locationOf(key), "unknown key '" + key + "' in task '" + leaf.name()
            + "' (known: " + String.join(", ", new TreeSet<>(TaskConfigFields.DEFAULTS.keySet())) + ")");
      }
    }
    Map<String, Object> cfg = TaskConfigFields.withDefaults(raw);
    String name = leaf.name();
    cfg.put("task", name);
    if (cfg.get("group") != null) {
      if (cfg.get("tag") != null) {
        throw new ConfigException(raw.locationOf("group"), "task '" + name + "' has both 'group' and 'tag'; use 'tag'");
      }
      cfg.put("tag", cfg.get("group"));
    }
    OutputType outputType = OutputType.parse(String.valueOf(cfg.get("output_type")));
    if (outputType == null) {
      throw new ConfigException(raw.locationOf("output_type"), "output_type '" + cfg.get("output_type")
          + "' is not supported (supported: generate_until, multiple_choice, loglikelihood)");
    }
    generationKwargs(cfg, outputType, raw);

    Object version = cfg.get("metadata") instanceof Map<?, ?> meta && meta.containsKey("version")
        ? meta.get("version") : "Yaml";
    Map<String, Object> specificKwargs = specificKwargs(cfg);
    Object targetKwargs = modelSpecific(cfg.get("model_specific_target_kwargs"), null);
    Object genOverrides = modelSpecific(cfg.get("model_specific_generation_kwargs"), Map.of());
    if (cfg.get("model_specific_generation_kwargs") != null && genOverrides instanceof Map<?, ?> m) {
      genKwargs(cfg).putAll(cast(m));
    }
    if (outputType == OutputType.GENERATE_UNTIL && options.genKwargs() != null && !options.genKwargs().isEmpty()) {
      genKwargs(cfg).putAll(options.genKwargs());
    }
    if (options.predictOnly()) {
      List<Object> bypass = new ArrayList<>();
      bypass.add(new LinkedHashMap<>(Map.of("metric", "bypass")));
      cfg.put("metric_list", bypass);
      cfg.put("process_results", null);
    }
    int numFewshot = numFewshot(cfg, raw, name);

    DatasetRequest dataset = datasetRequest(cfg, raw, name, yaml);
    TaskContext context = new TaskContextImpl(name, cfg, environment, dataset);
    Binder bind = new Binder(taskRoot, context);
    Object text = bind.value(cfg.get("doc_to_text"), TaskFunction.DocToText.class, "doc_to_text");
    Object visual = bind.value(cfg.get("doc_to_visual"), TaskFunction.DocToVisual.class, "doc_to_visual");
    Object target = bind.value(cfg.get("doc_to_target"), TaskFunction.DocToTarget.class, "doc_to_target");
    Object choice = bind.value(cfg.get("doc_to_choice"), TaskFunction.DocToChoice.class, "doc_to_choice");
    TaskFunction.ProcessDocs processDocs =
        bind.function(cfg.get("process_docs"), TaskFunction.ProcessDocs.class, "process_docs");
    TaskFunction.ProcessResults processResults =
        bind.function(cfg.get("process_results"), TaskFunction.ProcessResults.class, "process_results");
    if (outputType == OutputType.MULTIPLE_CHOICE && choice == null) {
      throw new ConfigException(raw.locationOf("output_type"), "multiple_choice task '" + name + "' needs doc_to_choice");
    }
    List<MetricSpec> metrics = Metrics.parse(cfg, raw, outputType, processResults != null, bind);
    List<FilterSpec> filters = Filters.parse(cfg.get("filter_list"), raw, bind);
    DocFunctions docs = new DocFunctions(text, visual, target, choice, specificKwargs, targetKwargs, templates);

    Object alias = cfg.get("task_alias");
    return new TaskDefinition(name, yaml, alias == null ? null : String.valueOf(alias), dataset, docs, processDocs,
        processResults, outputType, genKwargs(cfg), metrics, filters, String.valueOf(cfg.get("description")),
        String.valueOf(cfg.get("target_delimiter")), String.valueOf(cfg.get("fewshot_delimiter")), numFewshot,
        ((Number) cfg.get("repeats")).intValue(), (String) cfg.get("cluster_key"),
        String.valueOf(cfg.get("score_key")), version, reasoningTags(cfg), truthy(cfg.get("process_results_use_image")),
        TaskConfigFields.dump(cfg), context);
  }

  private static void generationKwargs(Map<String, Object> cfg, OutputType type, SourcedMap raw) {
    Object gk = cfg.get("generation_kwargs");
    Object delimiter = cfg.get("fewshot_delimiter");
    if (gk != null) {
      if (!(gk instanceof Map<?, ?> m)) {
        throw new ConfigException(raw.locationOf("generation_kwargs"), "generation_kwargs must be a mapping");
      }
      Map<String, Object> copy = new LinkedHashMap<>(cast(m));
      if (copy.get("temperature") instanceof Number n) copy.put("temperature", n.doubleValue());
      if (!copy.containsKey("until")) copy.put("until", new ArrayList<>(List.of(String.valueOf(delimiter))));
      cfg.put("generation_kwargs", copy);
    } else if (type == OutputType.GENERATE_UNTIL) {
      Map<String, Object> dflt = new LinkedHashMap<>();
      dflt.put("until", delimiter == null ? null : new ArrayList<>(List.of(String.valueOf(delimiter))));
      dflt.put("do_sample", false);
      cfg.put("generation_kwargs", dflt);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> genKwargs(Map<String, Object> cfg) {
    return (Map<String, Object>) cfg.get("generation_kwargs");
  }

  /**
   * {@code _prepare_model_specific_config}: the {@code --model} entry alone if there is one; otherwise {@code
   * default} (then {@code dataset}) is merged into the top-level dict in place, which also shows in the dumped
   * config.
   */
  private Map<String, Object> specificKwargs(Map<String, Object> cfg) {
    Object v = cfg.get("lmms_eval_specific_kwargs");
    if (!(v instanceof Map<?, ?> m)) return null;
    Map<String, Object> top = new LinkedHashMap<>(cast(m));
    cfg.put("lmms_eval_specific_kwargs", top);
    if (options.modelName() != null && top.get(options.modelName()) instanceof Map<?, ?> own) {
      return new LinkedHashMap<>(cast(own));
    }
    for (String fallback : List.of("default", "dataset")) {
      if (top.containsKey(fallback)) {
        if (top.get(fallback) instanceof Map<?, ?> d) top.putAll(cast(d));
        break;
      }
    }
    return top;
  }

  private Object modelSpecific(Object v, Object fallback) {
    if (!(v instanceof Map<?, ?> m)) return null;
    if (options.modelName() != null && m.containsKey(options.modelName())) return m.get(options.modelName());
    return m.containsKey("default") ? m.get("default") : fallback;
  }

  private int numFewshot(Map<String, Object> cfg, SourcedMap raw, String name) {
    Object own = cfg.get("num_fewshot");
    if (options.numFewshot() != null) {
      if (!(own instanceof Long n && n == 0)) cfg.put("num_fewshot", options.numFewshot().longValue());
    } else if (own == null) {
      cfg.put("num_fewshot", 0L);
    }
    int n = ((Number) cfg.get("num_fewshot")).intValue();
    if (n > 0) {
      throw new ConfigException(raw.locationOf("num_fewshot"), "task '" + name + "': few-shot prompts (num_fewshot="
          + n + ") are not supported for multimodal tasks; use --num_fewshot 0");
    }
    return n;
  }

  private DatasetRequest datasetRequest(Map<String, Object> cfg, SourcedMap raw, String name, Path yaml) {
    Object test = cfg.get("test_split");
    Object validation = cfg.get("validation_split");
    Object split = test != null ? test : validation;
    if (split == null) {
      throw new ConfigException(raw.origin(), "task '" + name + "' needs test_split or validation_split");
    }
    Object path = cfg.get("dataset_path");
    if (path == null) throw new ConfigException(raw.origin(), "task '" + name + "' needs dataset_path");
    Object dsName = cfg.get("dataset_name");
    Map<String, Object> kwargs = cfg.get("dataset_kwargs") instanceof Map<?, ?> m ? cast(m) : Map.of();
    return new DatasetRequest(String.valueOf(path), dsName == null ? null : String.valueOf(dsName),
        String.valueOf(split), kwargs, yaml == null ? null : yaml.getParent());
  }

  @SuppressWarnings("unchecked")
  private List<List<String>> reasoningTags(Map<String, Object> cfg) {
    Object task = cfg.get("reasoning_tags");
    if (task == null) return options.reasoningTags();
    if (task.equals("none") || Boolean.FALSE.equals(task)) return null;
    if (task instanceof String s) return ReasoningTags.parse(s);
    return (List<List<String>>) task;
  }

  private static boolean truthy(Object v) {
    return v instanceof Boolean b ? b : v != null;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /** Binds {@code !function} values, calling factories once with the task's context. */
  final class Binder {
    private final Path root;
    private final TaskContext context;

    Binder(Path root, TaskContext context) {
      this.root = root;
      this.context = context;
    }

    Object value(Object v, Class<? extends TaskFunction> kind, String key) {
      return v instanceof FunctionRef ref ? function(ref, kind, key) : v;
    }

    <F extends TaskFunction> F function(Object v, Class<F> kind, String key) {
      if (v == null) return null;
      if (!(v instanceof FunctionRef ref)) {
        throw new ConfigException((Location) null, key + " must be a !function, got " + v);
      }
      TaskFunction fn = functions.lookup(ref, root);
      if (fn instanceof TaskFunction.Factory factory) {
        TaskFunction made = factory.create(context);
        if (!kind.isInstance(made)) {
          throw new ConfigException(ref.file(), ref.line(), key + ": factory '" + ref.name() + "' made a "
              + made.getClass().getSimpleName() + ", but " + key + " needs a " + kind.getSimpleName());
        }
        return kind.cast(made);
      }
      return functions.resolve(ref, root, kind, key);
    }
  }

  static final Set<String> SUPPORTED_AGGREGATIONS = Set.of("mean", "median", "bypass", "perplexity");
}
