package dev.magmaeval.tasks.webbench;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.metrics.aggregate.Aggregations;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.metrics.webbench.VisualWebBenchMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/visualwebbench: lmms-eval's {@code tasks/visualwebbench/utils.py} and {@code prompts.py}. The
 * grounding and action subtasks are multiple choice over lettered candidates drawn on the screenshot (accuracy
 * 0-100), the OCR and caption subtasks ROUGE-1/2/L F x100, WebQA the best ROUGE-1 F over the gold answers x100.
 */
public final class VisualWebBenchFunctions implements TaskFunctions {
  /** {@code DEFAULT_PROMPTS} of lmms-eval's {@code tasks/visualwebbench/prompts.py}. */
  static final Map<String, String> PROMPTS = Map.ofEntries(
      Map.entry("web_caption", "You are given a screenshot of a webpage. Please generate the meta web description information of"
          + " this webpage, i.e., content attribute in <meta name=\"description\" content=\"\"> HTML element."
          + "\n\nYou should use the following format, and do not output any explanation or any other contents"
          + ":\n<meta name=\"description\" content=\"YOUR ANSWER\">\n"),
      Map.entry("heading_ocr", "You are given a screenshot of a webpage. Please generate the main text within the screenshot, wh"
          + "ich can be regarded as the heading of the webpage.\n\nYou should directly tell me the main conte"
          + "nt, and do not output any explanation or any other contents.\n"),
      Map.entry("webqa", "{question}\nYou should directly tell me your answer in the fewest words possible, and do not out"
          + "put any explanation or any other contents.\n"),
      Map.entry("element_ocr", "You are given a screenshot of a webpage with a red rectangle bounding box. The [x1, y1, x2, y2] "
          + "coordinates of the bounding box is {bbox_ratio}.\nPlease perform OCR in the bounding box and rec"
          + "ognize the text content within the red bounding box.\n\nYou should use the following format:\nTh"
          + "e text content within the red bounding box is: <YOUR ANSWER>\n"),
      Map.entry("element_ground", "In this website screenshot, I have labeled IDs for some HTML elements as candicates. Tell me whi"
          + "ch one best matches the description: {element_desc}\n\nYou should directly tell me your choice i"
          + "n a single uppercase letter, and do not output any explanation or any other contents.\n"),
      Map.entry("action_prediction", "You are given a screenshot of a webpage with a red rectangle bounding box. The [x1, y1, x2, y2] "
          + "coordinates of the bounding box is {bbox_ratio}.\nPlease select the best webpage description tha"
          + "t matches the new webpage after clicking the selected element in the bounding box:\n{choices_tex"
          + "t}\n\nYou should directly tell me your choice in a single uppercase letter, and do not output an"
          + "y explanation or any other contents.\n"),
      Map.entry("action_ground", "In this website screenshot, I have labeled IDs for some HTML elements as candicates. Tell me whi"
          + "ch one I should click to complete the following task: {instruction}\n\nYou should directly tell "
          + "me your choice in a single uppercase letter, and do not output any explanation or any other cont"
          + "ents.\n"));

  @Override
  public String folder() {
    return "visualwebbench";
  }

  @Override
  public void register(Registrar r) {
    r.docToText("utils.visualwebbench_doc_to_text", (doc, kwargs) -> text(doc));
    r.docToVisual("utils.visualwebbench_doc_to_visual", (doc, kwargs) -> List.of(Visual.image(doc.image("image"))));
    r.docToTarget("utils.visualwebbench_doc_to_target", (doc, kwargs) ->
        doc.has("answer") ? doc.get("answer") : doc.has("target") ? doc.get("target") : "");
    r.docToChoice("utils.visualwebbench_doc_to_choice", doc -> {
      List<String> out = new ArrayList<>();
      if (doc.has("choices")) doc.list("choices").forEach(c -> out.add(String.valueOf(c)));
      return out;
    });
    r.processResults("utils.visualwebbench_process_results_rouge", (doc, results) -> {
      Object gold = doc.has("answer") ? doc.get("answer") : doc.has("target") ? doc.get("target") : "";
      Object type = doc.has("task_type") ? doc.get("task_type") : "";
      return VisualWebBenchMetrics.rouge(String.valueOf(type), first(results), String.valueOf(gold));
    });
    r.processResults("utils.visualwebbench_process_results_accuracy", (doc, results) -> {
      Object gold = doc.has("answer") ? doc.get("answer") : doc.has("target") ? doc.get("target") : 0L;
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("accuracy", VisualWebBenchMetrics.accuracy(first(results), gold));
      return out;
    });
    r.processResults("utils.visualwebbench_process_results_f1", (doc, results) -> {
      Object gold = doc.has("answer") ? doc.get("answer") : doc.has("target") ? doc.get("target") : new ArrayList<>();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("f1_score", VisualWebBenchMetrics.webqaF1(first(results), gold));
      return out;
    });
    for (String m : List.of("rouge_1", "rouge_2", "rouge_l", "accuracy", "f1_score")) {
      r.aggregation("utils.visualwebbench_" + m + "_aggregate", (items, context) -> Aggregations.mean(items));
    }
  }

  /** {@code visualwebbench_doc_to_text}: the subtask's prompt, formatted as Python's {@code str.format} would. */
  static String text(Doc doc) {
    String type = doc.str("task_type");
    String prompt = PROMPTS.get(type);
    if (prompt == null) throw new IllegalArgumentException("unknown VisualWebBench task_type '" + type + "'");
    return switch (type) {
      case "webqa" -> prompt.replace("{question}", PyRepr.str(doc.get("question")));
      case "element_ocr" -> prompt.replace("{bbox_ratio}", PyRepr.str(doc.get("bbox")));
      case "element_ground" -> prompt.replace("{element_desc}", PyRepr.str(doc.get("elem_desc")));
      case "action_prediction" -> prompt.replace("{bbox_ratio}", PyRepr.str(doc.get("bbox")))
          .replace("{choices_text}", PyRepr.str(doc.get("options")));
      case "action_ground" -> prompt.replace("{instruction}", PyRepr.str(doc.get("instruction")));
      default -> prompt;
    };
  }

  private static String first(List<Object> results) {
    return results.isEmpty() || results.get(0) == null ? "" : String.valueOf(results.get(0));
  }
}
