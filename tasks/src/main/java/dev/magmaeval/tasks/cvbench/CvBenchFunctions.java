package dev.magmaeval.tasks.cvbench;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.choice.LetterChoice;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.tasks.common.Choices;
import dev.magmaeval.tasks.common.Records;
import dev.magmaeval.tasks.common.Visuals;
import java.util.LinkedHashMap;
import java.util.Map;

/** configs/tasks/cv_bench: lmms-eval's {@code tasks/cv_bench/utils.py} (cv_bench, cv_bench_2d, cv_bench_3d). */
public final class CvBenchFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "cv_bench";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.cv_bench_doc_to_visual", (doc, kwargs) -> Visuals.single(doc, "image"));
    r.docToText("utils.cv_bench_doc_to_text",
        (doc, kwargs) -> Choices.letterNote(doc, kwargs) + "\n" + doc.str("prompt"));
    r.processResults("utils.cv_bench_process_results",
        (doc, results) -> processResults(doc, (String) results.get(0)));
    r.aggregation("utils.cv_bench_aggregate_results",
        (items, context) -> LetterChoice.accuracy(Records.flags(items, "is_correct")));
  }

  /** {@code cv_bench_process_results}: the record, under {@code cv_bench_acc}. */
  static Map<String, Object> processResults(Doc doc, String response) {
    String gt = PyStr.strip(doc.str("answer"), "()");
    String letter = LetterChoice.extract(response);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", doc.get("idx"));
    record.put("gt_content", gt);
    record.put("pred_parsed", letter);
    record.put("pred", response);
    record.put("type", doc.get("type"));
    record.put("task", doc.get("task"));
    record.put("source", doc.get("source"));
    record.put("is_correct", letter.equals(gt));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cv_bench_acc", record);
    return out;
  }
}
