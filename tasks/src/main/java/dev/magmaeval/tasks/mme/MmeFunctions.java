package dev.magmaeval.tasks.mme;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.mme.MmeMetrics;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.tasks.common.Records;
import dev.magmaeval.tasks.common.Visuals;
import java.util.LinkedHashMap;
import java.util.Map;

/** configs/tasks/mme: lmms-eval's {@code tasks/mme/utils.py}. */
public final class MmeFunctions implements TaskFunctions {
  private static final String REPLACE_PROMPT = " Please answer yes or no.";

  @Override
  public String folder() {
    return "mme";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.mme_doc_to_visual", (doc, kwargs) -> Visuals.single(doc, "image"));
    r.docToText("utils.mme_doc_to_text", MmeFunctions::text);
    r.processResults("utils.mme_process_results", (doc, results) -> processResults(doc, (String) results.get(0)));
    r.aggregation("utils.mme_aggregate_results", (items, context) -> MmeMetrics.aggregate(Records.of(items)));
  }

  /**
   * {@code mme_doc_to_text}: the stripped question; a non-empty pre or post prompt first removes the dataset's own
   * " Please answer yes or no." and is then added.
   */
  static String text(Doc doc, Map<String, Object> kwargs) {
    String question = PyStr.strip(doc.str("question"));
    String pre = nonEmpty(kwargs, "pre_prompt");
    if (pre != null) question = pre + question.replace(REPLACE_PROMPT, "");
    String post = nonEmpty(kwargs, "post_prompt");
    if (post != null) question = question.replace(REPLACE_PROMPT, "") + post;
    return question;
  }

  /** {@code mme_process_results}: the record goes to the perception or the cognition score by category. */
  static Map<String, Object> processResults(Doc doc, String prediction) {
    String category = doc.str("category");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(MmeMetrics.metricKey(category),
        MmeMetrics.record(doc.get("question_id"), category, prediction, doc.str("answer")));
    return out;
  }

  // upstream: `if "k" in kwargs and kwargs["k"] != ""`
  private static String nonEmpty(Map<String, Object> kwargs, String key) {
    if (kwargs == null || !kwargs.containsKey(key) || "".equals(kwargs.get(key))) return null;
    return PyRepr.str(kwargs.get(key));
  }
}
