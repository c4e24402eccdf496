package dev.magmaeval.tasks.mind2web;

import dev.magmaeval.metrics.py.PyFloat;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.tasks.som.GroundingReply;
import dev.magmaeval.tasks.som.Mark;
import java.util.List;
import java.util.Optional;

/**
 * A reply rewritten as the SeeClick action it means, so that every reply is scored by SeeClick's own rules
 * ({@code SeeClickStep}). A reply already in SeeClick's format (a dict with {@code action_type}) is kept as it is and
 * read as SeeClick reads it. Otherwise the place comes from {@link GroundingReply} (a named mark first, then a point,
 * pixels divided by the image size) and the operation from {@link OperationReply}; a reply that names a place but no
 * operation is a CLICK. A reply with neither is kept as it is, which SeeClick scores as all wrong.
 */
public final class SeeClickAnswer {
  private SeeClickAnswer() {}

  /**
   * @param marks the marks drawn on the image (empty without Set-of-Mark)
   * @param width the size of the image the model saw
   */
  public static String of(String reply, List<Mark> marks, int width, int height) {
    String s = reply == null ? "" : reply.strip();
    if (s.startsWith("{") && s.contains("action_type")) return reply;
    Optional<double[]> point = GroundingReply.parse(s).target(marks, width, height);
    Optional<OperationReply> op = OperationReply.parse(s);
    if (point.isEmpty() && op.isEmpty()) return reply;
    long type = op.map(OperationReply::seeClickType).orElse(4L);
    StringBuilder sb = new StringBuilder("{\"action_type\": ").append(type);
    point.ifPresent(p -> sb.append(", \"click_point\": (").append(PyFloat.repr(p[0])).append(", ")
        .append(PyFloat.repr(p[1])).append(')'));
    if (type != 4) sb.append(", \"value\": ").append(PyRepr.repr(op.get().value()));
    return sb.append('}').toString();
  }
}
