package dev.magmaeval.tasks.vqa;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.metrics.vqa.EvalAiAnswerProcessor;
import dev.magmaeval.metrics.vqa.VqaAccuracy;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.Submissions;
import dev.magmaeval.tasks.common.Visuals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** configs/tasks/textvqa: lmms-eval's {@code tasks/textvqa/utils.py}. */
public final class TextVqaFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "textvqa";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.textvqa_doc_to_visual", (doc, kwargs) -> Visuals.single(doc, "image"));
    r.docToText("utils.textvqa_doc_to_text", (doc, kwargs) -> text(doc, kwargs));
    r.processResults("utils.textvqa_process_results", (doc, results) -> processResults(doc, (String) results.get(0)));
    r.aggregation("utils.textvqa_aggregate_submissions", TextVqaFunctions::aggregateSubmissions);
  }

  /**
   * {@code textvqa_doc_to_text}: pre prompt, {@code question.capitalize()}, the OCR tokens when {@code ocr} is
   * truthy, post prompt. Upstream reads {@code post_prompt} only from the kwargs (its default variable is misspelt),
   * so kwargs without one fail as they do there.
   */
  static String text(Doc doc, Map<String, Object> kwargs) {
    if (kwargs == null || !kwargs.containsKey("post_prompt")) {
      throw new IllegalArgumentException("textvqa_doc_to_text needs lmms_eval_specific_kwargs.post_prompt "
          + "(upstream raises UnboundLocalError without it)");
    }
    String pre = kwargs.containsKey("pre_prompt") ? PyRepr.str(kwargs.get("pre_prompt")) : "";
    String ocr = "";
    if (Prompts.flag(kwargs, "ocr")) {
      List<String> tokens = new ArrayList<>();
      for (Object t : doc.list("ocr_tokens")) tokens.add(String.valueOf(t));
      ocr = "\nReference OCR token: " + String.join(", ", tokens);
    }
    return pre + PyStr.capitalize(doc.str("question")) + ocr + PyRepr.str(kwargs.get("post_prompt"));
  }

  /** {@code textvqa_process_results}: accuracy 0 without answers (test split), and the submission record. */
  static Map<String, Object> processResults(Doc doc, String prediction) {
    String answer = EvalAiAnswerProcessor.INSTANCE.apply(prediction);
    Object accuracy = 0L;
    if (doc.has("answers") && doc.get("answers") != null) {
      List<String> answers = new ArrayList<>();
      for (Object a : doc.list("answers")) answers.add((String) a);
      accuracy = VqaAccuracy.textvqa(answers, prediction);
    }
    Map<String, Object> submission = new LinkedHashMap<>();
    submission.put("question_id", doc.get("question_id"));
    submission.put("answer", answer);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exact_match", accuracy);
    out.put("submission", submission);
    return out;
  }

  /** Writes {@code submissions/textvqa_submission_<time>.json} and returns None, as upstream. */
  static Object aggregateSubmissions(List<Object> items, TaskContext context) {
    Submissions.write(context, "textvqa_submission_" + Submissions.timestamp(context) + ".json", items);
    return null;
  }
}
