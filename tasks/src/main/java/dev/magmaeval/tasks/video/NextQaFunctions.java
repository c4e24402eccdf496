package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.choice.MmmuChoice;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.metrics.py.RandomChoice;
import dev.magmaeval.tasks.common.Prompts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/nextqa: lmms-eval's {@code tasks/nextqa/utils.py} for {@code nextqa_mc_test} (the OE tasks, scored
 * with WordNet WUPS, are not here). Videos: {@code <cache_dir>/NExTVideo/<video>.mp4} ({@code _task_utils/
 * video_loader.get_video}: then {@code .MP4}).
 *
 * <p>Answers are parsed with NExT-QA's {@code parse_multi_choice_response} (the MMMU parser, {@link MmmuChoice#parse}),
 * whose {@code random.choice} fallback draws from the run's Python random state ({@link TaskContext#random()}).
 */
public final class NextQaFunctions implements TaskFunctions {
  static final List<String> OPTIONS = List.of("A", "B", "C", "D", "E");

  @Override
  public String folder() {
    return "nextqa";
  }

  @Override
  public void register(Registrar r) {
    r.factory("utils.nextqa_doc_to_visual", context -> {
      VideoRoots roots = VideoRoots.of(context);
      return (TaskFunction.DocToVisual) (doc, kwargs) -> List.of(roots.find("NExTVideo", videoNames(doc.get("video"))));
    });
    r.docToText("utils.nextqa_doc_to_text_mc", NextQaFunctions::docToTextMc);
    r.docToTarget("utils.nextqa_doc_to_target", (doc, targetKwargs) -> doc.get("answer"));
    r.factory("utils.nextqa_mc_process_results", NextQaFunctions::processResults);
  }

  /** {@code get_video(prefix, name)}: the name with {@code .mp4} unless it ends so, then {@code .MP4}. */
  static String[] videoNames(Object video) {
    String name = String.valueOf(video);
    return name.endsWith("mp4") ? new String[] {name} : new String[] {name + ".mp4", name + ".MP4"};
  }

  static String docToTextMc(Doc doc, Map<String, Object> kwargs) {
    List<String> lines = new ArrayList<>();
    lines.add(PyStr.strip(doc.str("question")));
    for (int i = 0; i < 5; i++) lines.add(OPTIONS.get(i) + ". " + PyStr.strip(doc.str("a" + i)));
    String question = String.join("\n", lines);
    String pre = Prompts.pre(kwargs);
    String post = Prompts.post(kwargs);
    return pre + question + post;
  }

  /** {@code get_multi_choice_info}: letter to stripped option text, in order. */
  static Map<String, String> indexToAnswer(Doc doc) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) m.put(OPTIONS.get(i), PyStr.strip(doc.str("a" + i)));
    return m;
  }

  /** {@code nextqa_mc_process_results}, drawing its random fallback from the run's random state. */
  static TaskFunction.ProcessResults processResults(TaskContext context) {
    RandomChoice random = context.random()::choice;
    return (doc, results) -> processResults(doc, String.valueOf(results.get(0)), random);
  }

  /** {@code {"exact_match": parsed == OPTIONS[answer]}} (a bool). */
  static Map<String, Object> processResults(Doc doc, String prediction, RandomChoice random) {
    String parsed = MmmuChoice.parse(prediction, OPTIONS, indexToAnswer(doc), random);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exact_match", parsed.equals(OPTIONS.get((int) doc.integer("answer"))));
    return out;
  }
}
