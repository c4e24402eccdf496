package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.choice.EgoSchemaChoice;
import dev.magmaeval.metrics.py.RandomChoice;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.Submissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/egoschema: lmms-eval's {@code tasks/egoschema/utils.py} for {@code egoschema} (submission file only)
 * and {@code egoschema_subset} (scored). Videos: {@code <cache_dir>/videos/<video_idx>.mp4}, else {@code .MP4};
 * upstream's HF_HOME default here is {@code ~/.cache/huggingface/hub}, so that place is looked in too.
 *
 * <p>Answers are parsed with EgoSchema's {@code parse_multi_choice_response} ({@link EgoSchemaChoice}), whose {@code
 * random.choice} fallback draws from the run's Python random state ({@link TaskContext#random()}).
 */
public final class EgoSchemaFunctions implements TaskFunctions {
  static final String POST_PROMPT = "\nAnswer with the option's letter from the given choices directly.";

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
    r.factory("utils.egoschema_process_results_generation", context -> {
      RandomChoice random = context.random()::choice;
      return (TaskFunction.ProcessResults) (doc, results) ->
          processResults(doc, String.valueOf(results.get(0)), random);
    });
    r.aggregation("utils.egoschema_aggregate_mc", (items, context) -> writeSubmission(items, context, "MC"));
    r.aggregation("utils.egoschema_aggregate_score", (items, context) -> aggregateScore(items));
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

  /**
   * {@code egoschema_process_results_generation}: {@code {"submission": {video_idx: index}, "score": {"pred": index,
   * "ground_truth": answer}}}, index -1 when the parsed letter is not A-E.
   */
  static Map<String, Object> processResults(Doc doc, String prediction, RandomChoice random) {
    List<String> options = doc.list("option").stream().map(String::valueOf).toList();
    long index = EgoSchemaChoice.predictionIndex(prediction, options, random);
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

  /** {@code egoschema_aggregate_score}: the share of records whose {@code str(ground_truth) == str(pred)}. */
  static Object aggregateScore(List<Object> items) {
    List<Object> truths = new ArrayList<>();
    List<Object> preds = new ArrayList<>();
    for (Object item : items) {
      Map<?, ?> r = (Map<?, ?>) item;
      truths.add(r.get("ground_truth"));
      preds.add(r.get("pred"));
    }
    return EgoSchemaChoice.aggregateScore(truths, preds);
  }

  /**
   * {@code egoschema_aggregate_submissions}: the docs' {@code {video_idx: index}} merged into one dict, written as
   * {@code submissions/inference_results_egoschema_<kind>_<time>.json}; the metric's value is None.
   */
  static Object writeSubmission(List<Object> items, TaskContext context, String kind) {
    Map<Object, Object> combined = new LinkedHashMap<>();
    for (Object item : items) combined.putAll((Map<?, ?>) item);
    Submissions.write(context, "inference_results_egoschema_" + kind + "_" + Submissions.timestamp(context) + ".json",
        combined, 4);
    return null;
  }
}
