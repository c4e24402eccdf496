package dev.magmaeval.tasks.docvqa;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.PyInt;
import dev.magmaeval.tasks.common.Submissions;
import dev.magmaeval.tasks.common.Visuals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/docvqa: lmms-eval's {@code tasks/docvqa/utils.py}. {@code docvqa_val} has no process_results: the
 * engine's registry {@code anls} scores it.
 */
public final class DocVqaFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "docvqa";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.docvqa_doc_to_visual", (doc, kwargs) -> Visuals.single(doc, "image"));
    r.docToText("utils.docvqa_doc_to_text", (doc, kwargs) -> Prompts.require(kwargs, "pre_prompt", "docvqa_doc_to_text")
        + doc.str("question") + Prompts.require(kwargs, "post_prompt", "docvqa_doc_to_text"));
    r.processResults("utils.docvqa_test_process_results", (doc, results) -> testResults(doc, (String) results.get(0)));
    r.aggregation("utils.docvqa_test_aggregate_results", DocVqaFunctions::aggregateSubmissions);
  }

  /** {@code docvqa_test_process_results}: the same {questionId, answer} record under anls and submission. */
  static Map<String, Object> testResults(Doc doc, String prediction) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("questionId", PyInt.parse(doc.str("questionId"), "docvqa questionId"));
    record.put("answer", prediction);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("anls", record);
    out.put("submission", new LinkedHashMap<>(record));
    return out;
  }

  /** Writes {@code submissions/docvqa_test_for_submission.json} and returns None, as upstream. */
  static Object aggregateSubmissions(List<Object> items, TaskContext context) {
    Submissions.write(context, "docvqa_test_for_submission.json", items);
    return null;
  }
}
