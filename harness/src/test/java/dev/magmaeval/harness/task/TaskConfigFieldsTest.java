package dev.magmaeval.harness.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.harness.config.FunctionRef;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskConfigFieldsTest {

  @Test
  void dumpedConfigsShowCallablesAsStringsAtAnyDepth() {
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("metric", "submission");
    metric.put("aggregation", new FunctionRef("utils.agg", Path.of("t.yaml"), 3));
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("task", "t");
    cfg.put("process_results", new FunctionRef("utils.pr", Path.of("t.yaml"), 2));
    cfg.put("metric_list", List.of(metric));
    cfg.put("dataset_name", null);

    Map<String, Object> dumped = TaskConfigFields.dump(cfg);

    assertThat(dumped).containsOnlyKeys("task", "process_results", "metric_list");
    assertThat(dumped.get("process_results")).isEqualTo("<function pr>");
    assertThat(dumped.get("metric_list")).isEqualTo(List.of(Map.of("metric", "submission", "aggregation", "<function agg>")));
  }
}
