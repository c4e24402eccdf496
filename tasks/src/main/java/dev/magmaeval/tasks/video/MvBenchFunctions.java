package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.tasks.common.Prompts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * configs/tasks/mvbench: lmms-eval's {@code tasks/mvbench/utils.py}. Videos: {@code <cache_dir>/<folder of the
 * subtask>/<video>}, where lmms-eval links the dataset's {@code video}-branch snapshot as the cache dir.
 *
 * <p>{@code utils.mvbench_process_results} needs {@code mcq_acc} from the metrics module; {@link #processResults}
 * takes it as an argument until it is there.
 */
public final class MvBenchFunctions implements TaskFunctions {
  /** {@code DATA_LIST}: subtask to folder in the video branch. */
  static final Map<String, String> FOLDERS = Map.ofEntries(
      Map.entry("object_interaction", "star/Charades_segment"),
      Map.entry("action_sequence", "star/Charades_segment"),
      Map.entry("action_prediction", "star/Charades_segment"),
      Map.entry("action_localization", "sta/sta_video_segment"),
      Map.entry("moving_count", "clevrer/video_validation"),
      Map.entry("fine_grained_pose", "nturgbd_convert"),
      Map.entry("character_order", "perception/videos"),
      Map.entry("object_shuffle", "perception/videos"),
      Map.entry("egocentric_navigation", "vlnqa"),
      Map.entry("moving_direction", "clevrer/video_validation"),
      Map.entry("episodic_reasoning", "tvqa/video_fps3_hq_segment"),
      Map.entry("fine_grained_action", "Moments_in_Time_Raw/videos"),
      Map.entry("scene_transition", "scene_qa/video"),
      Map.entry("state_change", "perception/videos"),
      Map.entry("moving_attribute", "clevrer/video_validation"),
      Map.entry("action_antonym", "ssv2_video_mp4"),
      Map.entry("unexpected_action", "FunQA_test/test"),
      Map.entry("counterfactual_inference", "clevrer/video_validation"),
      Map.entry("object_existence", "clevrer/video_validation"),
      Map.entry("action_count", "perception/videos"));

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  @Override
  public String folder() {
    return "mvbench";
  }

  @Override
  public void register(Registrar r) {
    r.factory("utils.mvbench_doc_to_visual", context -> {
      VideoRoots roots = VideoRoots.of(context);
      return (TaskFunction.DocToVisual) (doc, kwargs) -> List.of(roots.find(folder(kwargs), doc.str("video")));
    });
    r.docToText("utils.mvbench_doc_to_text", MvBenchFunctions::docToText);
    r.aggregation("utils.mvbench_aggregate_results", (items, context) -> aggregate(items));
  }

  /** The subtask's folder; upstream's {@code data0613} fallback tests a basename that never matches, so none here. */
  static String folder(Map<String, Object> kwargs) {
    String subTask = Prompts.get(kwargs, "sub_task");
    String folder = FOLDERS.get(subTask);
    if (folder == null) {
      throw new IllegalArgumentException("mvbench: unknown sub_task '" + subTask + "' in lmms_eval_specific_kwargs"
          + " (known: " + new java.util.TreeSet<>(FOLDERS.keySet()) + ")");
    }
    return folder;
  }

  static String docToText(Doc doc, Map<String, Object> kwargs) {
    StringBuilder options = new StringBuilder();
    List<Object> candidates = doc.list("candidates");
    for (int i = 0; i < candidates.size(); i++) {
      options.append('(').append(LETTERS.charAt(i)).append(") ").append(candidates.get(i)).append('\n');
    }
    return "Question:" + doc.str("question") + "\nOption:\n" + options + Prompts.post(kwargs);
  }

  /** The letter of the candidate equal to {@code answer}, or null (Python None) when none is. */
  static String groundTruthLetter(Doc doc) {
    List<Object> candidates = doc.list("candidates");
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).equals(doc.get("answer"))) return String.valueOf(LETTERS.charAt(i));
    }
    return null;
  }

  /** The per-doc dict; {@code mcqAcc} is lmms-eval's {@code mcq_acc(answer, pred)} (1 or 0). */
  static Map<String, Object> processResults(Doc doc, String prediction, ToLongBiFunction<String, String> mcqAcc) {
    String gt = groundTruthLetter(doc);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("pred_answer", prediction);
    d.put("gt_answer", gt);
    d.put("score", mcqAcc.applyAsLong(gt, prediction));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mvbench_accuracy", d);
    return out;
  }

  /** {@code mvbench_aggregate_results}: 100 * correct / answered, where empty predictions are not answered. */
  static Object aggregate(List<Object> items) {
    long answered = 0;
    long correct = 0;
    for (Object item : items) {
      Map<?, ?> r = (Map<?, ?>) item;
      if (!"".equals(r.get("pred_answer"))) {
        answered++;
        correct += ((Number) r.get("score")).longValue();
      }
    }
    return answered > 0 ? (Object) (100.0 * correct / answered) : (Object) 0L;
  }
}
