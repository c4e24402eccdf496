package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.tasks.common.Prompts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * configs/tasks/perceptiontest/val: lmms-eval's {@code tasks/perceptiontest/val/utils.py} for {@code
 * perceptiontest_val_mc}. Videos: {@code <cache_dir>/videos/<video_name>.mp4}, else {@code .MP4}.
 *
 * <p>{@code utils.perceptiontest_val_process_results_mc} needs the letter extraction ({@code \b([A-D])\b} to an
 * index, -1 when none) from the metrics module; {@link #processResults} takes it as an argument.
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

  /** The per-doc dict; {@code predIndex} maps the stripped answer to 0-3, or -1. */
  static Map<String, Object> processResults(Doc doc, String prediction, ToLongFunction<String> predIndex) {
    long index = predIndex.applyAsLong(prediction);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("video_name", doc.get("video_name"));
    d.put("question", doc.get("question"));
    d.put("pred_id", index);
    d.put("answer_id", doc.get("answer_id"));
    d.put("correct", index == Long.parseLong(doc.str("answer_id").strip()) ? 1L : 0L);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", d);
    return out;
  }

  /** {@code perceptiontest_val_aggregate_accuracy}: the share of docs with {@code correct == 1}. */
  static Object accuracy(List<Object> items) {
    long yes = 0;
    for (Object item : items) {
      if (Long.valueOf(1L).equals(((Map<?, ?>) item).get("correct"))) yes++;
    }
    return (double) yes / items.size();
  }
}
