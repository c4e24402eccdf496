package dev.magmaeval.tasks.chartqa;

import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.chartqa.ChartQaMetrics;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.Visuals;

/** configs/tasks/chartqa: lmms-eval's {@code tasks/chartqa/utils.py}. */
public final class ChartQaFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "chartqa";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.chartqa_doc_to_visual", (doc, kwargs) -> Visuals.single(doc, "image"));
    r.docToText("utils.chartqa_doc_to_text", (doc, kwargs) -> Prompts.require(kwargs, "pre_prompt",
        "chartqa_doc_to_text") + doc.str("question") + Prompts.require(kwargs, "post_prompt", "chartqa_doc_to_text"));
    r.processResults("utils.chartqa_process_results", (doc, results) ->
        ChartQaMetrics.processResults((String) results.get(0), doc.str("answer"), doc.str("type")));
  }
}
