package dev.magmaeval.tasks.pope;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.pope.PopeMetrics;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.tasks.common.Records;
import dev.magmaeval.tasks.common.Visuals;
import java.util.LinkedHashMap;
import java.util.Map;

/** configs/tasks/pope: lmms-eval's {@code tasks/pope/utils.py} (pope, pope_adv, pope_pop, pope_random). */
public final class PopeFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "pope";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.pope_doc_to_visual", (doc, kwargs) -> Visuals.single(doc, "image"));
    r.docToText("utils.pope_doc_to_text", (doc, kwargs) -> get(kwargs, "pre_prompt")
        + PyStr.strip(doc.str("question")) + get(kwargs, "post_prompt"));
    r.processResults("utils.pope_process_results", (doc, results) -> processResults(doc, (String) results.get(0)));
    for (String metric : PopeMetrics.METRICS) {
      String function = "utils.pope_aggregate_" + metric.substring("pope_".length());
      r.aggregation(function, (items, context) -> PopeMetrics.aggregate(metric, Records.of(items)));
    }
  }

  /** {@code pope_process_results}: one {question_id, score, prediction, ground_truth} record per metric. */
  static Map<String, Object> processResults(Doc doc, String prediction) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String metric : PopeMetrics.METRICS) {
      out.put(metric, PopeMetrics.record(doc.get("question_id"), prediction, doc.str("answer")));
    }
    return out;
  }

  // lmms_eval_specific_kwargs.get(key, "")
  private static String get(Map<String, Object> kwargs, String key) {
    return kwargs != null && kwargs.containsKey(key) ? PyRepr.str(kwargs.get(key)) : "";
  }
}
