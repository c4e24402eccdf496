package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.choice.VideoMmeChoice;
import dev.magmaeval.tasks.common.Prompts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/videomme: lmms-eval's {@code tasks/videomme/utils.py} for {@code videomme} (no subtitles). Videos:
 * {@code <cache_dir>/data/<videoID>.mp4}, else {@code .MP4}, else {@code .mkv}.
 *
 * <p>Answers are read with {@code _task_utils/mcq_extract.extract_mcq_answer} ({@link VideoMmeChoice#extract}).
 */
public final class VideoMmeFunctions implements TaskFunctions {
  static final String OPTION_PROMPT = "Select the best answer to the following multiple-choice question based on the"
      + " video and the subtitles. Respond with only the letter (A, B, C, or D) of the correct option.";

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
    r.processResults("utils.videomme_process_results", (doc, results) -> processResults(doc, String.valueOf(results.get(0))));
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

  /** {@code videomme_process_results(doc, [prediction])}: the per-doc dict, scored on the extracted letter. */
  static Map<String, Object> processResults(Doc doc, String prediction) {
    String pred = VideoMmeChoice.extract(prediction);
    String gt = doc.str("answer");
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("question_id", doc.get("question_id"));
    d.put("duration", doc.get("duration"));
    d.put("category", doc.get("domain"));
    d.put("sub_category", doc.get("sub_category"));
    d.put("task_category", doc.get("task_type"));
    d.put("pred_answer", pred);
    d.put("answer", gt);
    d.put("score", VideoMmeChoice.score(pred, gt));
    d.put("videoID", doc.get("videoID"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("videomme_perception_score", d);
    return out;
  }

  /**
   * {@code videomme_aggregate_results}: 100 * correct / answered ({@link VideoMmeChoice#aggregate}); a record whose
   * duration/category/sub-category/task combination is not Video-MME's fails, as upstream's KeyError does.
   */
  @SuppressWarnings("unchecked")
  static Object aggregate(List<Object> items) {
    return VideoMmeChoice.aggregate((List<Map<String, Object>>) (List<?>) items);
  }
}
