package dev.magmaeval.tasks.embspatial;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.metrics.choice.LetterChoice;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.Records;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** configs/tasks/embspatial: lmms-eval's {@code tasks/embspatial/utils.py}. */
public final class EmbSpatialFunctions implements TaskFunctions {
  static final List<String> DATA_SOURCES = List.of("ai2thor", "mp3d", "scannet");

  @Override
  public String folder() {
    return "embspatial";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.embspatial_doc_to_visual", (doc, kwargs) -> List.of(Visual.image(image(doc))));
    r.docToText("utils.embspatial_doc_to_text", EmbSpatialFunctions::text);
    r.processResults("utils.embspatial_process_results",
        (doc, results) -> processResults(doc, (String) results.get(0)));
    r.aggregation("utils.embspatial_aggregate_results",
        (items, context) -> LetterChoice.accuracy(Records.flags(items, "is_correct")));
    for (String source : DATA_SOURCES) {
      r.aggregation("utils.embspatial_aggregate_" + source + "_accuracy", (items, context) -> {
        List<String> sources = new ArrayList<>();
        for (Map<String, Object> rec : Records.of(items)) sources.add((String) rec.get("data_source"));
        return LetterChoice.sourceAccuracy(Records.flags(items, "is_correct"), sources, source);
      });
    }
  }

  /** {@code embspatial_doc_to_text}: pre prompt, question, then {@code "A) option"} lines. */
  static String text(Doc doc, Map<String, Object> kwargs) {
    StringBuilder sb = new StringBuilder();
    sb.append(kwargs != null && kwargs.containsKey("pre_prompt") ? Prompts.get(kwargs, "pre_prompt") : "");
    sb.append(doc.str("question")).append('\n');
    List<Object> options = doc.list("answer_options");
    for (int i = 0; i < options.size(); i++) {
      if (i > 0) sb.append('\n');
      sb.append((char) ('A' + i)).append(") ").append(options.get(i));
    }
    return sb.toString();
  }

  /**
   * {@code embspatial_process_results}: one record under {@code embspatial_acc} and each per-source metric. The
   * gold letter is {@code ["A", "B", "C", "D"][answer]}, negative indices counting from the end as in Python.
   */
  static Map<String, Object> processResults(Doc doc, String response) {
    long answer = doc.integer("answer");
    if (answer < -4 || answer > 3) {
      throw new IllegalArgumentException("embspatial: answer index " + answer + " is out of range for A-D");
    }
    String gt = String.valueOf((char) ('A' + (answer < 0 ? answer + 4 : answer)));
    String letter = LetterChoice.extract(response);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", doc.get("question_id"));
    entry.put("gt_content", gt);
    entry.put("pred", response);
    entry.put("sub_task", doc.get("relation"));
    entry.put("is_correct", letter.equals(gt));
    entry.put("data_source", doc.has("data_source") ? doc.get("data_source") : "unknown");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("embspatial_acc", entry);
    for (String source : DATA_SOURCES) out.put(source + "_accuracy", entry);
    return out;
  }

  /**
   * The {@code image} column as lmms-eval reads it (an Image feature). Earlier revisions of the dataset stored the
   * image as a base64 string, in {@code image} or in {@code image_base64}; those are decoded too.
   */
  static ImageData image(Doc doc) {
    Object v = doc.has("image") ? doc.get("image") : null;
    if (v instanceof ImageData img) return img;
    String base64 = v instanceof String s ? s
        : doc.has("image_base64") && doc.get("image_base64") instanceof String s ? s : null;
    if (base64 == null) {
      throw new MediaException("doc " + doc.id() + " has no image (neither an 'image' image nor base64 text)");
    }
    try {
      return ImageData.encoded(Base64.getMimeDecoder().decode(base64), null, doc.origin());
    } catch (IllegalArgumentException e) {
      throw new MediaException("doc " + doc.id() + ": the image is not valid base64: " + e.getMessage());
    }
  }
}
