package dev.magmaeval.tasks.screenspot;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.screenspot.ScreenSpotClick;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.Screenshots;
import dev.magmaeval.tasks.som.GroundingReply;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code screenspot_magma}: ScreenSpot as Magma's UI agent is asked and read (magma-model.md §4.1), scored as click
 * accuracy per platform and element type (paper Table 2). The model is asked for a click point; its reply is read by
 * {@link GroundingReply} (Magma's {@code Coordinate: (x, y). Mark: N.}, points, boxes; pixels divided by the image
 * size). No marks are drawn (Table 2's OmniParser boxes are not part of the dataset), so a mark alone is no answer.
 * A click is right when the point lies in the ground-truth box, bounds included.
 *
 * <p>Metric keys: {@code click_acc} (all), {@code click_acc_<platform>_<type>} for platform mobile (ios, android),
 * desktop (macos, windows) or web (the rest), as lmms-eval's REC aggregation splits them, and type text or icon.
 */
public final class ScreenSpotMagmaFunctions implements TaskFunctions {
  static final String PROMPT = "In this view I need to click a button to \"{instruction}\"? Provide the coordinates "
      + "and the mark index of the containing bounding box if applicable.";
  public static final List<String> GROUPS = List.of("mobile_text", "mobile_icon", "desktop_text", "desktop_icon",
      "web_text", "web_icon");

  @Override
  public String folder() {
    return "screenspot";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils_magma.screenspot_magma_doc_to_visual", (doc, kwargs) -> List.of(Visual.image(doc.image("image"))));
    r.docToText("utils_magma.screenspot_magma_doc_to_text", (doc, kwargs) -> {
      String prompt = kwargs != null && kwargs.get("prompt") != null ? Prompts.get(kwargs, "prompt") : PROMPT;
      return Prompts.pre(kwargs) + prompt.replace("{instruction}", doc.str("instruction")) + Prompts.post(kwargs);
    });
    r.processResults("utils_magma.screenspot_magma_process_results", (doc, results) -> {
      String reply = results.isEmpty() || results.get(0) == null ? "" : String.valueOf(results.get(0));
      Map<String, Object> record = record(doc, reply);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("click_acc", record);
      for (String g : GROUPS) out.put("click_acc_" + g, record);
      return out;
    });
    r.aggregation("utils_magma.screenspot_magma_click_acc", (items, c) -> accuracy(items, null));
    for (String g : GROUPS) r.aggregation("utils_magma.screenspot_magma_click_acc_" + g, (items, c) -> accuracy(items, g));
  }

  static Map<String, Object> record(Doc doc, String reply) {
    GroundingReply parsed = GroundingReply.parse(reply);
    Optional<double[]> point = Optional.empty();
    if (parsed.hasPoint()) {
      boolean pixels = parsed.x() > 1 || parsed.y() > 1;
      Dimension size = pixels ? Screenshots.size(doc.image("image")) : new Dimension(1, 1);
      point = parsed.normalizedPoint(size.width, size.height);
    }
    List<Object> box = doc.list("bbox");
    boolean correct = point.isPresent() && PyOps.toDouble(box.get(0)) <= point.get()[0]
        && point.get()[0] <= PyOps.toDouble(box.get(2)) && PyOps.toDouble(box.get(1)) <= point.get()[1]
        && point.get()[1] <= PyOps.toDouble(box.get(3));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("correct", correct);
    record.put("point", point.<Object>map(p -> new ArrayList<Object>(List.of(p[0], p[1]))).orElse(null));
    record.put("group", platform(doc.str("data_source")) + "_" + doc.str("data_type"));
    return record;
  }

  /** lmms-eval's REC split: ios/android are mobile, macos/windows desktop, anything else web. */
  static String platform(String source) {
    String s = source == null ? "" : source;
    if (s.contains("ios") || s.contains("android")) return "mobile";
    if (s.contains("macos") || s.contains("windows")) return "desktop";
    return "web";
  }

  @SuppressWarnings("unchecked")
  static double accuracy(List<Object> items, String group) {
    List<Boolean> correct = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (Object o : items) {
      Map<String, Object> r = (Map<String, Object>) o;
      correct.add(Boolean.TRUE.equals(r.get("correct")));
      groups.add(String.valueOf(r.get("group")));
    }
    return ScreenSpotClick.aggregate(correct, groups, group);
  }
}
