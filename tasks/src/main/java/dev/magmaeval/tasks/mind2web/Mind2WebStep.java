package dev.magmaeval.tasks.mind2web;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.metrics.py.PyJson;
import dev.magmaeval.tasks.som.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Multimodal-Mind2Web row read as a SeeClick step (datasets.md §7.4): the task, the gold operation, the gold
 * element's box, and the episode's previous actions. Read from the doc's columns alone (no image).
 *
 * @param originalOp {@code operation.original_op}: CLICK, TYPE, SELECT, HOVER or ENTER
 * @param value {@code operation.value} (the text to type or the option to select; "" for clicks)
 * @param target the gold element's box in page pixels: the {@code is_original_target} positive candidate with a
 *     rendered box, else the first positive with one; null when no positive has a box (SeeClick drops such steps)
 * @param previousActions the episode's up to four preceding steps, as {@code action_reprs} writes them
 */
public record Mind2WebStep(String annotationId, String actionUid, String task, String originalOp, String value,
    Box target, List<String> previousActions) {

  public static Mind2WebStep of(Doc doc) {
    String where = doc.origin().isEmpty() ? "doc " + doc.id() : doc.origin();
    Map<?, ?> operation = operation(doc.str("operation"), where);
    Object op = operation.get("original_op");
    Object value = operation.get("value");
    return new Mind2WebStep(doc.str("annotation_id"), doc.str("action_uid"), doc.str("confirmed_task"),
        op == null ? null : String.valueOf(op), value == null ? "" : String.valueOf(value),
        target(doc.list("pos_candidates"), where), previous(doc, where));
  }

  private static Map<?, ?> operation(String json, String where) {
    try {
      if (PyJson.loads(json) instanceof Map<?, ?> m) return m;
    } catch (RuntimeException e) {
      // reported below
    }
    throw new IllegalArgumentException(where + ": column 'operation' is not a JSON object: " + json);
  }

  private static Box target(List<Object> positives, String where) {
    if (positives == null) return null;
    Box first = null;
    for (int i = 0; i < positives.size(); i++) {
      Candidate c = Candidate.parse(String.valueOf(positives.get(i)), where + " column 'pos_candidates'[" + i + "]");
      if (c.rect() == null) continue;
      if (c.originalTarget()) return c.rect();
      if (first == null) first = c.rect();
    }
    return first;
  }

  private static List<String> previous(Doc doc, String where) {
    List<Object> reprs = doc.list("action_reprs");
    Object index = doc.get("target_action_index");
    if (index instanceof List<?> l && l.size() == 1) index = l.get(0); // an older card revision typed it a sequence
    int i;
    try {
      i = Integer.parseInt(String.valueOf(index).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": column 'target_action_index' is not an index: " + index);
    }
    List<String> out = new ArrayList<>();
    if (reprs == null) return out;
    for (int k = Math.max(0, i - 4); k < Math.min(i, reprs.size()); k++) out.add(String.valueOf(reprs.get(k)));
    return out;
  }

  /** SeeClick's previous-actions text: {@code "Step0: <action>. Step1: <action>. "}. */
  public String previousActionsText() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < previousActions.size(); i++) {
      sb.append("Step").append(i).append(": ").append(previousActions.get(i)).append(". ");
    }
    return sb.toString();
  }
}
