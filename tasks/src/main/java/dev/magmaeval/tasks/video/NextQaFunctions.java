package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.tasks.common.Prompts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * configs/tasks/nextqa: lmms-eval's {@code tasks/nextqa/utils.py} for {@code nextqa_mc_test} (the OE tasks, scored
 * with WordNet WUPS, are not here). Videos: {@code <cache_dir>/NExTVideo/<video>.mp4} ({@code _task_utils/
 * video_loader.get_video}: then {@code .MP4}).
 *
 * <p>{@code utils.nextqa_mc_process_results} needs the MMMU-style {@code parse_multi_choice_response} (with its
 * {@code random.choice} fallback) from the metrics module; {@link #processResults} takes it as an argument.
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

  /**
   * {@code {"exact_match": parsed == OPTIONS[answer]}} (a bool); {@code parse} is {@code
   * parse_multi_choice_response(response, all_choices, index2ans)} given the option texts.
   */
  static Map<String, Object> processResults(Doc doc, String prediction,
      BiFunction<String, Map<String, String>, String> parse) {
    String parsed = parse.apply(prediction, indexToAnswer(doc));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exact_match", parsed.equals(OPTIONS.get((int) doc.integer("answer"))));
    return out;
  }
}
