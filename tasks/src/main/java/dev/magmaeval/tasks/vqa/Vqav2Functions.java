package dev.magmaeval.tasks.vqa;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.metrics.vqa.VqaAccuracy;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.Submissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** configs/tasks/vqav2: lmms-eval's {@code tasks/vqav2/utils.py}. */
public final class Vqav2Functions implements TaskFunctions {

  @Override
  public String folder() {
    return "vqav2";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.vqav2_doc_to_visual", (doc, kwargs) -> List.of(Visual.image(doc.image("image"))));
    r.docToText("utils.vqav2_doc_to_text", (doc, kwargs) -> Prompts.pre(kwargs) + doc.str("question") + Prompts.post(kwargs));
    r.processResults("utils.vqav2_process_results_val", (doc, results) -> {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("exact_match", accuracy(doc, (String) results.get(0)));
      return out;
    });
    r.processResults("utils.vqav2_process_results_test", (doc, results) -> {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("submission", submission(doc, (String) results.get(0)));
      return out;
    });
    r.aggregation("utils.vqav2_aggregate_submissions", Vqav2Functions::aggregateSubmissions);
  }

  /** The per-doc value of {@code vqav2_process_results}: 0 when the doc has no answers (test splits). */
  @SuppressWarnings("unchecked")
  static Object accuracy(Doc doc, String prediction) {
    if (!doc.has("answers") || doc.get("answers") == null) return 0L;
    List<Map<String, Object>> answers = new ArrayList<>();
    for (Object a : doc.list("answers")) answers.add((Map<String, Object>) a);
    return VqaAccuracy.vqav2Dicts(answers, prediction);
  }

  static Map<String, Object> submission(Doc doc, String prediction) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("question_id", doc.get("question_id"));
    s.put("answer", VqaAccuracy.vqav2Answer(prediction));
    return s;
  }

  /** Writes {@code submissions/vqav2-test-submission-<time>.json} and returns None, as upstream. */
  static Object aggregateSubmissions(List<Object> items, TaskContext context) {
    Submissions.write(context, "vqav2-test-submission-" + Submissions.timestamp(context) + ".json", items);
    return null;
  }
}
