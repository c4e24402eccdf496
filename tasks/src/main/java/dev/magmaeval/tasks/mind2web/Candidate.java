package dev.magmaeval.tasks.mind2web;

import dev.magmaeval.metrics.py.PyFloat;
import dev.magmaeval.metrics.py.PyJson;
import dev.magmaeval.tasks.som.Box;
import java.util.Map;

/**
 * One entry of Multimodal-Mind2Web's {@code pos_candidates} / {@code neg_candidates}: a JSON object whose {@code
 * attributes} is itself a JSON string holding, among the element's HTML attributes, {@code bounding_box_rect}
 * ({@code "x,y,width,height"} in screenshot pixels; {@code "-1,-1,-1,-1"} for an element that was not rendered).
 *
 * @param rect the element's box in page pixels, or null when it has none (not rendered, zero size, unreadable)
 */
public record Candidate(String tag, String backendNodeId, boolean originalTarget, Box rect) {

  /** Parses one candidate string; a malformed one is an error naming {@code where}. */
  public static Candidate parse(String json, String where) {
    Object parsed;
    try {
      parsed = PyJson.loads(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": not a JSON object: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> m)) throw new IllegalArgumentException(where + ": not a JSON object");
    return new Candidate(str(m.get("tag")), str(m.get("backend_node_id")), Boolean.TRUE.equals(m.get("is_original_target")),
        rect(m.get("attributes")));
  }

  private static String str(Object v) {
    return v == null ? null : String.valueOf(v);
  }

  private static Box rect(Object attributes) {
    Object attrs = attributes;
    if (attributes instanceof String s) {
      try {
        attrs = PyJson.loads(s);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (!(attrs instanceof Map<?, ?> m) || !(m.get("bounding_box_rect") instanceof String r)) return null;
    String[] parts = r.split(",");
    if (parts.length != 4) return null;
    double[] v = new double[4];
    try {
      for (int i = 0; i < 4; i++) v[i] = PyFloat.parse(parts[i].strip());
    } catch (RuntimeException e) {
      return null;
    }
    if (!(v[2] > 0 && v[3] > 0)) return null;
    return Box.ofXywh(v[0], v[1], v[2], v[3]);
  }
}
