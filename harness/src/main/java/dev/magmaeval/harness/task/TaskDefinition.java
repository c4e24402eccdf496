package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.dataset.DatasetRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A leaf task, fully resolved: its YAML with includes, group overrides and lmms-eval's defaults applied, and its
 * {@code !function}s bound to Java functions. {@code dumpedConfig} is what results files show under {@code
 * configs} ({@code TaskConfig.to_dict()}).
 */
public record TaskDefinition(
    String name,
    Path yaml,
    String alias,
    DatasetRequest dataset,
    DocFunctions docs,
    TaskFunction.ProcessDocs processDocs,
    TaskFunction.ProcessResults processResults,
    OutputType outputType,
    Map<String, Object> generationKwargs,
    List<MetricSpec> metrics,
    List<FilterSpec> filters,
    String description,
    String targetDelimiter,
    String fewshotDelimiter,
    int numFewshot,
    int repeats,
    String clusterKey,
    String scoreKey,
    Object version,
    List<List<String>> reasoningTags,
    boolean processResultsUseImage,
    Map<String, Object> dumpedConfig,
    TaskContext context) {

  /** The names in {@code metric_list} (lmms-eval's {@code task.aggregation()} keys), in order. */
  public List<String> metricNames() {
    return metrics.stream().map(MetricSpec::name).toList();
  }

  public MetricSpec metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
  }
}
