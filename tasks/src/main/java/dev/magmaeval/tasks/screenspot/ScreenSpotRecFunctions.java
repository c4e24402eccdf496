package dev.magmaeval.tasks.screenspot;

import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.metrics.screenspot.ScreenSpotRec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/screenspot (REC): lmms-eval's {@code tasks/screenspot/utils_rec.py}. The REG task
 * ({@code screenspot_reg_test}, CIDEr through Stanford CoreNLP's PTB tokenizer) is not mirrored: its metric cannot be
 * proven identical here (pycocoevalcap and CoreNLP are not available to the oracle).
 */
public final class ScreenSpotRecFunctions implements TaskFunctions {
  static final String REC_PROMPT = "Bounding box coordinates are specified in the format (top-left x, top-left y, "
      + "bottom-right x, bottom-right y). All values are floating point numbers bounded between 0 and 1 with two "
      + "decimal places of precision (e.g., 0.15). Please provide the bounding box coordinates of the region that "
      + "corresponds to the command: ";

  private static final Map<String, String> AGGREGATIONS = Map.of("IoU", "iou", "ACC@0.1", "acc01", "ACC@0.3", "acc03",
      "ACC@0.5", "acc05", "ACC@0.7", "acc07", "ACC@0.9", "acc09", "Center_ACC", "center_acc");

  @Override
  public String folder() {
    return "screenspot";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils_rec.screenspot_rec_doc_to_visual", (doc, kwargs) -> List.of(Visual.image(doc.image("image"))));
    r.docToText("utils_rec.screenspot_rec_doc_to_text", (doc, kwargs) -> REC_PROMPT + doc.str("instruction"));
    r.processResults("utils_rec.screenspot_rec_process_result", (doc, results) -> {
      String pred = results.isEmpty() ? "" : String.valueOf(results.get(0));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("instruction", doc.get("instruction"));
      data.put("pred", ScreenSpotRec.parse(pred));
      data.put("ann_id", doc.get("file_name"));
      data.put("bbox", doc.get("bbox"));
      data.put("data_type", doc.get("data_type"));
      data.put("data_source", doc.get("data_source"));
      Map<String, Object> out = new LinkedHashMap<>();
      for (String m : ScreenSpotRec.METRICS) out.put("screenspot_" + m, data);
      return out;
    });
    for (String m : ScreenSpotRec.METRICS) {
      r.aggregation("utils_rec.screenspot_rec_" + AGGREGATIONS.get(m), (items, context) -> ScreenSpotRec.aggregate(m,
          records(items)));
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> records(List<Object> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : items) out.add((Map<String, Object>) o);
    return out;
  }
}
