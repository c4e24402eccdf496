package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.tasks.common.Prompts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * configs/tasks/videomme: lmms-eval's {@code tasks/videomme/utils.py} for {@code videomme} (no subtitles). Videos:
 * {@code <cache_dir>/data/<videoID>.mp4}, else {@code .MP4}, else {@code .mkv}.
 *
 * <p>{@code utils.videomme_process_results} needs {@code _task_utils/mcq_extract.extract_mcq_answer} from the metrics
 * module; {@link #processResults} takes it as an argument until it is there.
 */
public final class VideoMmeFunctions implements TaskFunctions {
  static final String OPTION_PROMPT = "Select the best answer to the following multiple-choice question based on the"
      + " video and the subtitles. Respond with only the letter (A, B, C, or D) of the correct option.";
  static final List<String> DURATIONS = List.of("short", "medium", "long");

  @Override
  public String folder() {
    return "videomme";
  }

  @Override
  public void register(Registrar r) {
    r.factory("utils.videomme_doc_to_visual", context -> {
      VideoRoots roots = VideoRoots.of(context);
      return (TaskFunction.DocToVisual) (doc, kwargs) -> {
        String id = doc.str("videoID");
        return List.of(roots.find("data", id + ".mp4", id + ".MP4", id + ".mkv"));
      };
    });
    r.docToText("utils.videomme_doc_to_text", VideoMmeFunctions::docToText);
    r.aggregation("utils.videomme_aggregate_results", (items, context) -> aggregate(items));
  }

  static String docToText(Doc doc, Map<String, Object> kwargs) {
    String options = String.join("\n", doc.list("options").stream().map(String::valueOf).toList());
    if (kwargs != null && "qwen3_vl".equals(kwargs.get("format"))) {
      return Prompts.pre(kwargs) + doc.str("question") + "\nOptions:\n" + options + "\n" + Prompts.post(kwargs);
    }
    String post = kwargs != null && kwargs.containsKey("post_prompt") ? Prompts.post(kwargs) : "The best answer is:";
    return OPTION_PROMPT + "\n" + doc.str("question") + "\n" + options + "\n" + post;
  }

  /** The per-doc dict; {@code extract} is lmms-eval's {@code extract_mcq_answer(s, choices=["A","B","C","D"])}. */
  static Map<String, Object> processResults(Doc doc, String prediction, UnaryOperator<String> extract) {
    String pred = extract.apply(prediction);
    String gt = doc.str("answer");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("question_id", doc.get("question_id"));
    d.put("duration", doc.get("duration"));
    d.put("category", doc.get("domain"));
    d.put("sub_category", doc.get("sub_category"));
    d.put("task_category", doc.get("task_type"));
    d.put("pred_answer", pred);
    d.put("answer", gt);
    d.put("score", pred.toLowerCase(java.util.Locale.ROOT).equals(gt.toLowerCase(java.util.Locale.ROOT)) ? 1.0 : 0.0);
    d.put("videoID", doc.get("videoID"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("videomme_perception_score", d);
    return out;
  }

  /**
   * {@code videomme_aggregate_results}: 100 * correct / answered over all docs (a float; int 0 with no docs). Upstream
   * counts into a table of known duration/category/sub-category/task combinations and fails on any other.
   */
  static Object aggregate(List<Object> items) {
    long correct = 0;
    for (Object item : items) {
      Map<?, ?> r = (Map<?, ?>) item;
      if (!DURATIONS.contains(String.valueOf(r.get("duration")))) {
        throw new IllegalArgumentException("videomme: unknown duration '" + r.get("duration")
            + "' (known: " + DURATIONS + ") for question " + r.get("question_id"));
      }
      if (String.valueOf(r.get("pred_answer")).equals(String.valueOf(r.get("answer")))) correct++;
    }
    return items.isEmpty() ? (Object) 0L : (Object) (100.0 * correct / items.size());
  }
}
