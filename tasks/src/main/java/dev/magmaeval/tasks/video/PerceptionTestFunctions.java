package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.choice.PerceptionTestChoice;
import dev.magmaeval.metrics.py.PyInt;
import dev.magmaeval.tasks.common.Prompts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/perceptiontest/val: lmms-eval's {@code tasks/perceptiontest/val/utils.py} for {@code
 * perceptiontest_val_mc}. Videos: {@code <cache_dir>/videos/<video_name>.mp4}, else {@code .MP4}.
 *
 * <p>Answers are read as the first standalone A-D ({@link PerceptionTestChoice#predictionIndex}).
 */
public final class PerceptionTestFunctions implements TaskFunctions {
  private static final String[] PREFIXES = {"A. ", "B. ", "C. "};

  @Override
  public String folder() {
    return "perceptiontest/val";
  }

  @Override
  public void register(Registrar r) {
    r.factory("utils.perceptiontest_val_doc_to_visual", context -> {
      VideoRoots roots = VideoRoots.of(context);
      return (TaskFunction.DocToVisual) (doc, kwargs) -> {
        String name = doc.str("video_name");
        return List.of(roots.find("videos", name + ".mp4", name.replace("mp4", "MP4") + ".MP4"));
      };
    });
    r.docToText("utils.perceptiontest_val_doc_to_text", PerceptionTestFunctions::docToText);
    r.docToTarget("utils.perceptiontest_val_doc_to_answer", (doc, targetKwargs) -> doc.get("answer_id"));
    r.processResults("utils.perceptiontest_val_process_results_mc",
        (doc, results) -> processResults(doc, String.valueOf(results.get(0))));
    r.aggregation("utils.perceptiontest_val_aggregate_accuracy", (items, context) -> accuracy(items));
  }

  /** Options get "A. ", "B. ", then "C. " for the third and every later one, as upstream. */
  static String docToText(Doc doc, Map<String, Object> kwargs) {
    String pre = Prompts.pre(kwargs);
    String post = Prompts.post(kwargs);
    StringBuilder question = new StringBuilder(doc.str("question"));
    if (doc.has("options")) {
      List<Object> options = doc.list("options");
      for (int i = 0; i < options.size(); i++) {
        question.append('\n').append(PREFIXES[Math.min(i, 2)]).append(options.get(i));
      }
      post = EgoSchemaFunctions.POST_PROMPT;
    }
    return pre + question + post;
  }

  /** {@code perceptiontest_val_process_results_mc(doc, [prediction])}: the per-doc dict. */
  static Map<String, Object> processResults(Doc doc, String prediction) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("video_name", doc.get("video_name"));
    d.put("question", doc.get("question"));
    d.put("pred_id", PerceptionTestChoice.predictionIndex(prediction));
    d.put("answer_id", doc.get("answer_id"));
    d.put("correct", PerceptionTestChoice.correct(prediction, answerId(doc)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", d);
    return out;
  }

  /** {@code int(doc["answer_id"])} (a string in the dataset). */
  private static long answerId(Doc doc) {
    try {
      return PyInt.of(doc.get("answer_id")).longValueExact();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("perceptiontest: doc " + doc.id() + " field answer_id: '" + doc.get("answer_id")
          + "' is not an integer");
    }
  }

  /** {@code perceptiontest_val_aggregate_accuracy}: the share of docs with {@code correct == 1}. */
  static Object accuracy(List<Object> items) {
    List<Long> correct = new ArrayList<>();
    for (Object item : items) correct.add((Long) ((Map<?, ?>) item).get("correct"));
    return PerceptionTestChoice.accuracy(correct);
  }
}
