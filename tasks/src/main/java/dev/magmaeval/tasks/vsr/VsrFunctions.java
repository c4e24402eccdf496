package dev.magmaeval.tasks.vsr;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.metrics.mme.MmeMetrics;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.tasks.common.Prompts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/vsr: Visual Spatial Reasoning (cambridgeltl/vsr_zeroshot, test split) under the protocol of the
 * Magma paper's Table 6, which lmms-eval does not have. Each caption becomes a yes/no question; the images are COCO
 * files found by {@link CocoImages}.
 */
public final class VsrFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "vsr";
  }

  @Override
  public void register(Registrar r) {
    r.factory("utils.vsr_doc_to_visual", VsrFunctions::docToVisual);
    r.docToText("utils.vsr_doc_to_text", (doc, kwargs) -> Prompts.pre(kwargs) + question(doc.str("caption"))
        + Prompts.post(kwargs));
    r.docToTarget("utils.vsr_doc_to_target", (doc, kwargs) -> answer(doc));
    r.processResults("utils.vsr_process_results", (doc, results) -> processResults(doc, (String) results.get(0)));
  }

  static TaskFunction docToVisual(TaskContext context) {
    CocoImages images = CocoImages.of(context);
    return (TaskFunction.DocToVisual) (doc, kwargs) -> List.of(Visual.image(images.find(doc)));
  }

  /**
   * {@code "The cat is behind the laptop."} becomes {@code "Is it true that the cat is behind the laptop?"}: the
   * caption with its first letter lowercased and its final period dropped.
   */
  static String question(String caption) {
    String c = PyStr.strip(caption);
    if (c.endsWith(".")) c = c.substring(0, c.length() - 1);
    if (!c.isEmpty()) {
      int first = c.codePointAt(0);
      c = PyStr.lower(new String(Character.toChars(first))) + c.substring(Character.charCount(first));
    }
    return "Is it true that " + c + "?";
  }

  /** The expected answer: {@code label} 1 is "yes", 0 is "no". */
  static String answer(Doc doc) {
    long label = doc.integer("label");
    if (label != 0 && label != 1) throw new IllegalArgumentException("vsr: label must be 0 or 1, got " + label);
    return label == 1 ? "yes" : "no";
  }

  /**
   * {@code vsr_acc}: 1.0 when the response, read as yes/no with lmms-eval MME's parser ({@code parse_pred_ans}:
   * lowercase, periods removed, "yes"/"no" in its first four characters), equals the label's answer.
   */
  static Map<String, Object> processResults(Doc doc, String response) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("vsr_acc", MmeMetrics.parsePrediction(response).equals(answer(doc)) ? 1.0 : 0.0);
    return out;
  }
}
