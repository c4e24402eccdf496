package dev.magmaeval.tasks.screenspot;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.metrics.py.PyInt;
import dev.magmaeval.metrics.screenspot.ProBox;
import dev.magmaeval.metrics.screenspot.ScreenSpotClick;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/screenspot_v2 and configs/tasks/screenspot_pro: lmms-eval's {@code tasks/screenspot_v2/utils.py} and
 * {@code tasks/screenspot_pro/utils.py} (one click point, point-in-box accuracy, overall and per text/icon).
 */
public final class ScreenSpotPointFunctions {
  static final String PROMPT = "Identify the UI element for the instruction and output exactly one click point as "
      + "[x, y] in normalized coordinates within [0, 1]. Do not output a bounding box.\nInstruction: ";

  private ScreenSpotPointFunctions() {}

  /** {@code screenspot_v2}. */
  public static final class V2 implements TaskFunctions {
    @Override
    public String folder() {
      return "screenspot_v2";
    }

    @Override
    public void register(Registrar r) {
      common(r, "screenspot_v2");
      r.processResults("utils.screenspot_v2_process_results", (doc, results) -> {
        Long w = null;
        Long h = null;
        if (doc.has("image_width") && doc.has("image_height")) {
          w = PyInt.of(doc.get("image_width")).longValueExact();
          h = PyInt.of(doc.get("image_height")).longValueExact();
        }
        boolean correct = ScreenSpotClick.v2Correct(first(results), doc.list("bbox"), w, h);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("correct", correct);
        record.put("data_type", doc.has("data_type") ? doc.get("data_type") : "");
        return keys("screenspot_v2", record);
      });
      aggregations(r, "screenspot_v2", "data_type");
    }
  }

  /** {@code screenspot_pro}. */
  public static final class Pro implements TaskFunctions {
    @Override
    public String folder() {
      return "screenspot_pro";
    }

    @Override
    public void register(Registrar r) {
      common(r, "screenspot_pro");
      r.processResults("utils.screenspot_pro_process_results", (doc, results) -> {
        ProBox box = ProBox.of(doc.get("bbox"), optional(doc, "image_width"), optional(doc, "image_height"),
            optional(doc, "img_size"));
        Object type = doc.has("ui_type") ? doc.get("ui_type") : doc.has("data_type") ? doc.get("data_type") : "";
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("correct", ScreenSpotClick.proCorrect(first(results), box));
        record.put("ui_type", ScreenSpotClick.typeKey(type));
        return keys("screenspot_pro", record);
      });
      aggregations(r, "screenspot_pro", "ui_type");
    }
  }

  private static void common(TaskFunctions.Registrar r, String task) {
    r.docToVisual("utils." + task + "_doc_to_visual", (doc, kwargs) -> List.of(Visual.image(doc.image("image"))));
    r.docToText("utils." + task + "_doc_to_text", (doc, kwargs) -> PROMPT
        + dev.magmaeval.metrics.py.PyRepr.str(doc.has("instruction") ? doc.get("instruction") : ""));
  }

  private static Map<String, Object> keys(String task, Map<String, Object> record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : List.of("action_acc", "text_acc", "icon_acc")) out.put(task + "_" + k, record);
    return out;
  }

  /**
   * {@code _aggregate}: v2 compares {@code str(data_type).lower()}, Pro its stored lower-cased {@code ui_type}; the
   * overall accuracy takes every record.
   */
  @SuppressWarnings("unchecked")
  private static void aggregations(TaskFunctions.Registrar r, String task, String typeField) {
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("action_acc", null);
    targets.put("text_acc", "text");
    targets.put("icon_acc", "icon");
    targets.forEach((metric, target) -> r.aggregation("utils." + task + "_" + metric, (items, context) -> {
      List<Boolean> correct = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (Object o : items) {
        Map<String, Object> rec = (Map<String, Object>) o;
        correct.add(Boolean.TRUE.equals(rec.get("correct")));
        Object t = rec.get(typeField);
        types.add(typeField.equals("ui_type") ? String.valueOf(t) : ScreenSpotClick.typeKey(t));
      }
      return ScreenSpotClick.aggregate(correct, types, target);
    }));
  }

  private static Object optional(Doc doc, String column) {
    return doc.has(column) ? doc.get(column) : null;
  }

  private static String first(List<Object> results) {
    return results.isEmpty() || results.get(0) == null ? "" : String.valueOf(results.get(0));
  }
}
