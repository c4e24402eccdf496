package dev.magmaeval.tasks.mind2web;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.metrics.mind2web.SeeClickReference;
import dev.magmaeval.metrics.mind2web.SeeClickScores;
import dev.magmaeval.metrics.mind2web.SeeClickStep;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.Screenshots;
import dev.magmaeval.tasks.som.Box;
import dev.magmaeval.tasks.som.Mark;
import dev.magmaeval.tasks.som.MarkPainter;
import dev.magmaeval.tasks.som.MarkedImages;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * configs/tasks/mind2web: Multimodal-Mind2Web scored as SeeClick scores it (datasets.md §7.2-7.4), on the viewport
 * window around the target ({@link Viewport}), with or without Set-of-Mark boxes on the candidates ({@link
 * CandidateMarks}). Replies in any supported format are rewritten as SeeClick actions ({@link SeeClickAnswer}) and
 * scored by {@code SeeClickStep}; the task's rows report SeeClick's Element Accuracy, Operation F1 and Step Success
 * Rate.
 */
public final class Mind2WebFunctions implements TaskFunctions {
  static final String SEECLICK_PROMPT = "Please generate the next move according to the ui screenshot, instruction "
      + "and previous actions. Instruction: {task}. Previous actions: {previous_actions}";

  @Override
  public String folder() {
    return "mind2web";
  }

  @Override
  public void register(Registrar r) {
    r.processDocs("utils.mind2web_process_docs", docs -> docs.filter(Mind2WebFunctions::scored));
    r.docToText("utils.mind2web_doc_to_text", Mind2WebFunctions::text);
    r.docToVisual("utils.mind2web_doc_to_visual", (doc, kwargs) -> List.of(Visual.image(window(doc))));
    r.factory("utils.mind2web_som_doc_to_visual", context -> (TaskFunction.DocToVisual) (doc, kwargs) ->
        List.of(Visual.image(marked(doc, context))));
    r.processResults("utils.mind2web_process_results", (doc, results) -> processResults(doc, first(results), false, null));
    r.factory("utils.mind2web_som_process_results", context -> (TaskFunction.ProcessResults) (doc, results) ->
        processResults(doc, first(results), true, context));
    r.aggregation("utils.mind2web_element_accuracy", (items, c) -> scores(items).elementAccuracy());
    r.aggregation("utils.mind2web_operation_f1", (items, c) -> scores(items).operationF1());
    r.aggregation("utils.mind2web_step_success_rate", (items, c) -> scores(items).stepSuccessRate());
  }

  /** SeeClick's test loop skips steps without a gold box and steps whose reference action does not parse. */
  static boolean scored(Doc doc) {
    Mind2WebStep step = Mind2WebStep.of(doc);
    return step.target() != null && reference(step, doc, new Viewport(0, 1, 1)).action() != null;
  }

  static String text(Doc doc, Map<String, Object> kwargs) {
    Mind2WebStep step = Mind2WebStep.of(doc);
    String prompt = kwargs != null && kwargs.get("prompt") != null ? Prompts.get(kwargs, "prompt") : SEECLICK_PROMPT;
    return Prompts.pre(kwargs) + prompt.replace("{task}", step.task())
        .replace("{previous_actions}", step.previousActionsText()) + Prompts.post(kwargs);
  }

  /** The screenshot as the model sees it: the whole page if it fits, else the viewport window, decoded alone. */
  static ImageData window(Doc doc) {
    Mind2WebStep step = Mind2WebStep.of(doc);
    ImageData page = doc.image("screenshot");
    Dimension size = Screenshots.size(page);
    Viewport v = Viewport.around(step.target(), size.width, size.height);
    if (v.isWholePage(size.height)) return page;
    return ImageData.of(Screenshots.region(page, v.rectangle()), name(step));
  }

  /** The window with the candidates' marks drawn on it (and saved beside the samples file when samples are logged). */
  static ImageData marked(Doc doc, TaskContext context) {
    Mind2WebStep step = Mind2WebStep.of(doc);
    ImageData page = doc.image("screenshot");
    Dimension size = Screenshots.size(page);
    Viewport v = Viewport.around(step.target(), size.width, size.height);
    BufferedImage canvas = Screenshots.rgb(Screenshots.region(page, v.rectangle()));
    MarkPainter.paint(canvas, CandidateMarks.of(step, doc.list("neg_candidates"), v, where(doc)));
    MarkedImages.save(context, doc.id(), canvas);
    return ImageData.of(canvas, name(step));
  }

  static Map<String, Object> processResults(Doc doc, String reply, boolean setOfMark, TaskContext context) {
    Mind2WebStep step = Mind2WebStep.of(doc);
    Dimension size = Screenshots.size(doc.image("screenshot"));
    Viewport v = Viewport.around(step.target(), size.width, size.height);
    List<Mark> marks = setOfMark ? CandidateMarks.of(step, doc.list("neg_candidates"), v, where(doc)) : List.of();
    SeeClickReference ref = reference(step, doc, v);
    String answer = SeeClickAnswer.of(reply, marks, v.width(), v.height());
    SeeClickStep.StepResult r = SeeClickStep.score(answer, ref);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("annotation_id", step.annotationId());
    record.put("action_uid", step.actionUid());
    record.put("reference", ref.actionString());
    record.put("answer", answer);
    record.put("action_type", r.refActionType());
    record.put("op_match", r.opMatch());
    record.put("ele_match", r.eleMatch());
    record.put("op_f1", r.opF1());
    if (context != null) MarkedImages.reference(context, doc.id()).ifPresent(p -> record.put("marked_image", p));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("element_accuracy", record);
    out.put("operation_f1", record);
    out.put("step_success_rate", record);
    return out;
  }

  /** SeeClick's reference action and gold box, in the pixels of the window the model sees. */
  private static SeeClickReference reference(Mind2WebStep step, Doc doc, Viewport v) {
    Box t = v.fromPage(step.target());
    try {
      return SeeClickReference.of(step.originalOp(), step.value(), t.x1(), t.y1(), t.width(), t.height(), v.width(),
          v.height());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where(doc) + " column 'operation': " + e.getMessage(), e);
    }
  }

  /** SeeClick's numbers over the task's records, steps grouped into episodes by annotation_id. */
  @SuppressWarnings("unchecked")
  static SeeClickScores scores(List<Object> items) {
    List<List<SeeClickStep.StepResult>> episodes = new ArrayList<>();
    Object episode = null;
    for (Object item : items) {
      Map<String, Object> r = (Map<String, Object>) item;
      if (episodes.isEmpty() || !Objects.equals(episode, r.get("annotation_id"))) {
        episodes.add(new ArrayList<>());
        episode = r.get("annotation_id");
      }
      episodes.get(episodes.size() - 1).add(new SeeClickStep.StepResult((Boolean) r.get("op_match"),
          (Boolean) r.get("ele_match"), r.get("op_f1"), ((Number) r.get("action_type")).longValue()));
    }
    return SeeClickScores.of(episodes);
  }

  private static String first(List<Object> results) {
    return results.isEmpty() || results.get(0) == null ? "" : String.valueOf(results.get(0));
  }

  private static String name(Mind2WebStep step) {
    return step.annotationId() + "-" + step.actionUid() + ".png";
  }

  private static String where(Doc doc) {
    return doc.origin().isEmpty() ? "doc " + doc.id() : doc.origin();
  }
}
