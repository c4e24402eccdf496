package dev.magmaeval.tasks.blink;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.choice.LetterChoice;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.tasks.common.Choices;
import dev.magmaeval.tasks.common.Records;
import dev.magmaeval.tasks.common.Visuals;
import java.util.LinkedHashMap;
import java.util.Map;

/** configs/tasks/blink: lmms-eval's {@code tasks/blink/utils.py}, shared by the 14 subtasks. */
public final class BlinkFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "blink";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.blink_doc_to_visual", (doc, kwargs) -> Visuals.numbered(doc));
    r.docToText("utils.blink_doc_to_text", (doc, kwargs) -> Choices.letterNote(doc, kwargs) + doc.str("prompt"));
    r.processResults("utils.blink_process_results", (doc, results) -> processResults(doc, (String) results.get(0)));
    r.aggregation("utils.blink_aggregate_results",
        (items, context) -> LetterChoice.accuracy(Records.flags(items, "is_correct")));
  }

  /** {@code blink_process_results}: the record, under {@code blink_acc}, that the accuracy counts. */
  static Map<String, Object> processResults(Doc doc, String response) {
    String gt = PyStr.strip(doc.str("answer"), "()");
    String letter = LetterChoice.extract(response);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", doc.get("idx"));
    record.put("gt_content", gt);
    record.put("pred_parsed", letter);
    record.put("pred", response);
    record.put("sub_task", doc.get("sub_task"));
    record.put("is_correct", letter.equals(gt));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("blink_acc", record);
    return out;
  }
}
