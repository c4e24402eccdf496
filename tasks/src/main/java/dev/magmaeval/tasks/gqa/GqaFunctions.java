package dev.magmaeval.tasks.gqa;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.tasks.common.Prompts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * configs/tasks/gqa: lmms-eval's {@code tasks/gqa/utils.py}. The questions config has no images; process_docs adds
 * each doc's image from config {@code testdev_balanced_images} (same dataset) where {@code id == imageId}.
 */
public final class GqaFunctions implements TaskFunctions {
  static final String IMAGES_CONFIG = "testdev_balanced_images";
  static final String IMAGES_SPLIT = "testdev";

  @Override
  public String folder() {
    return "gqa";
  }

  @Override
  public void register(Registrar r) {
    r.factory("utils.gqa_process_docs", GqaFunctions::processDocs);
    r.docToVisual("utils.gqa_doc_to_visual", (doc, kwargs) -> List.of(Visual.image(image(doc))));
    r.docToText("utils.gqa_doc_to_text", (doc, kwargs) -> Prompts.require(kwargs, "pre_prompt", "gqa_doc_to_text")
        + doc.str("question") + Prompts.require(kwargs, "post_prompt", "gqa_doc_to_text"));
  }

  /** {@code gqa_process_docs}: the images are read once per task, on first use. */
  static TaskFunction processDocs(TaskContext context) {
    String path = String.valueOf(context.config().get("dataset_path"));
    AtomicReference<Map<String, ImageData>> byId = new AtomicReference<>();
    return (TaskFunction.ProcessDocs) docs -> docs.map(doc -> {
      Map<String, ImageData> images;
      synchronized (byId) {
        if (byId.get() == null) byId.set(images(context.openDataset(path, IMAGES_CONFIG, IMAGES_SPLIT)));
        images = byId.get();
      }
      Map<String, Object> added = new HashMap<>();
      added.put("image", images.get(doc.str("imageId")));
      return doc.with(added);
    });
  }

  private static Map<String, ImageData> images(List<Doc> rows) {
    Map<String, ImageData> out = new HashMap<>();
    for (Doc row : rows) out.put(row.str("id"), row.image("image"));
    return out;
  }

  /**
   * {@code [doc["image"]]}. A question whose image is not in the images config fails alone (upstream's KeyError in
   * process_docs would stop the whole task).
   */
  static ImageData image(Doc doc) {
    ImageData image = doc.image("image");
    if (image != null) return image;
    throw new MediaException("GQA image '" + doc.get("imageId") + "' is not in config " + IMAGES_CONFIG
        + " split " + IMAGES_SPLIT);
  }
}
