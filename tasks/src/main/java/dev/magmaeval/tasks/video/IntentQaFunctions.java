package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import java.util.List;

/**
 * configs/tasks/intentqa: IntentQA's test split as multiple choice, in NExT-QA's MC format (prompt, target and answer
 * parsing are {@link NextQaFunctions}'s). Videos: {@code <data folder>/IntentQA/videos/<video_id>.mp4} next to the CSV,
 * or {@code $HF_HOME/IntentQA/videos/}.
 */
public final class IntentQaFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "intentqa";
  }

  @Override
  public void register(Registrar r) {
    r.factory("utils.intentqa_doc_to_visual", context -> {
      VideoRoots roots = VideoRoots.of(context);
      return (TaskFunction.DocToVisual) (doc, kwargs) -> {
        String[] names = NextQaFunctions.videoNames(doc.get("video_id"));
        return List.of(roots.find("videos", names));
      };
    });
    r.docToText("utils.intentqa_doc_to_text_mc", NextQaFunctions::docToTextMc);
    r.docToTarget("utils.intentqa_doc_to_target", (doc, targetKwargs) -> doc.get("answer"));
  }
}
