package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.Submissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * configs/tasks/egoschema: lmms-eval's {@code tasks/egoschema/utils.py} for {@code egoschema} (submission file only)
 * and {@code egoschema_subset} (scored). Videos: {@code <cache_dir>/videos/<video_idx>.mp4}, else {@code .MP4};
 * upstream's HF_HOME default here is {@code ~/.cache/huggingface/hub}, so that place is looked in too.
 *
 * <p>{@code utils.egoschema_process_results_generation} needs EgoSchema's {@code parse_multi_choice_response} (with
 * its {@code random.choice} fallback) from the metrics module; {@link #processResults} takes it as an argument.
 */
public final class EgoSchemaFunctions implements TaskFunctions {
  static final String POST_PROMPT = "\nAnswer with the option's letter from the given choices directly.";
  private static final List<String> LETTERS = List.of("A", "B", "C", "D", "E");

  @Override
  public String folder() {
    return "egoschema";
  }

  @Override
  public void register(Registrar r) {
    r.factory("utils.egoschema_doc_to_visual", context -> {
      VideoRoots roots = VideoRoots.of(context, "~/.cache/huggingface/hub");
      return (TaskFunction.DocToVisual) (doc, kwargs) -> {
        String id = doc.str("video_idx");
        return List.of(roots.find("videos", id + ".mp4", id.replace("mp4", "MP4") + ".MP4"));
      };
    });
    r.docToText("utils.egoschema_doc_to_text", EgoSchemaFunctions::docToText);
    r.docToTarget("utils.egoschema_doc_to_answer", (doc, targetKwargs) -> doc.get("answer"));
    r.aggregation("utils.egoschema_aggregate_mc", (items, context) -> writeSubmission(items, context, "MC"));
    r.aggregation("utils.egoschema_aggregate_score", (items, context) -> score(items));
  }

  static String docToText(Doc doc, Map<String, Object> kwargs) {
    String pre = Prompts.pre(kwargs);
    String post = Prompts.post(kwargs);
    StringBuilder question = new StringBuilder(doc.str("question"));
    if (doc.has("option")) {
      for (Object op : doc.list("option")) question.append('\n').append(op);
      post = POST_PROMPT;
    }
    return pre + question + post;
  }

  /** {@code get_multi_choice_info}: letter to stripped option text. */
  static Map<String, String> indexToAnswer(Doc doc) {
    Map<String, String> m = new LinkedHashMap<>();
    List<Object> options = doc.list("option");
    for (int i = 0; i < 5; i++) m.put(LETTERS.get(i), dev.magmaeval.metrics.py.PyStr.strip(String.valueOf(options.get(i))));
    return m;
  }

  /**
   * {@code {"submission": {video_idx: index}, "score": {"pred": index, "ground_truth": answer}}}, index -1 when the
   * parsed letter is not A-E; {@code parse} is EgoSchema's {@code parse_multi_choice_response(...)[0]}.
   */
  static Map<String, Object> processResults(Doc doc, String prediction,
      BiFunction<String, Map<String, String>, String> parse) {
    long index = LETTERS.indexOf(parse.apply(prediction, indexToAnswer(doc)));
    Map<String, Object> submission = new LinkedHashMap<>();
    submission.put(doc.str("video_idx"), index);
    Map<String, Object> score = new LinkedHashMap<>();
    score.put("pred", index);
    score.put("ground_truth", doc.get("answer"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("submission", submission);
    out.put("score", score);
    return out;
  }

  /** {@code egoschema_aggregate_score}: the share of docs whose {@code str(ground_truth) == str(pred)}. */
  static Object score(List<Object> items) {
    long yes = 0;
    for (Object item : items) {
      Map<?, ?> r = (Map<?, ?>) item;
      if (String.valueOf(r.get("ground_truth")).equals(String.valueOf(r.get("pred")))) yes++;
    }
    return (double) yes / items.size();
  }

  /**
   * {@code egoschema_aggregate_submissions}: the docs' {@code {video_idx: index}} merged into one dict, written as
   * {@code submissions/inference_results_egoschema_<kind>_<time>.json}; the metric's value is None.
   */
  static Object writeSubmission(List<Object> items, TaskContext context, String kind) {
    Map<Object, Object> combined = new LinkedHashMap<>();
    for (Object item : items) combined.putAll((Map<?, ?>) item);
    Submissions.write(context, "inference_results_egoschema_" + kind + "_" + Submissions.timestamp(context) + ".json",
        combined);
    return null;
  }
}
