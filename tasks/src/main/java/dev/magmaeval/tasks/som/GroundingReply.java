package dev.magmaeval.tasks.som;

import dev.magmaeval.metrics.py.PyFloat;
import dev.magmaeval.metrics.screenspot.ScreenSpotClick;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a model's reply says to act. Read in this order, first hit wins for each part:
 *
 * <ol>
 *   <li>the mark: Magma's {@code Mark: N} (also {@code mark N}, {@code Mark index: N});
 *   <li>the point: Magma's {@code Coordinate: (x, y)}, or the centre of {@code Coordinate: (x1, y1, x2, y2)}; else the
 *       centre of a Qwen-style {@code <box>(x1,y1),(x2,y2)</box>} on a 0-1000 grid (as Magma's UI agent reads it);
 *       else a {@code click_point: (x, y)}; else lmms-eval's ScreenSpot-v2 point parser ({@code [x, y]}, {@code x=..,
 *       y=..}, a box's centre, the first two numbers) on the reply without its mark and its quoted text.
 * </ol>
 *
 * A point whose x or y exceeds 1 is in pixels of the image the model saw; otherwise it is normalized. Parsing never
 * throws: an unreadable reply has neither part, and scores as a miss.
 *
 * @param mark the mark number, or null
 * @param x the point, in the reply's units (NaN when there is no point)
 */
public record GroundingReply(Integer mark, double x, double y) {
  private static final String NUM = "-?\\d+(?:\\.\\d+)?";
  private static final Pattern MARK = Pattern.compile("(?i)\\bmark(?:\\s+index)?\\s*[:#=]?\\s*#?(\\d{1,6})\\b");
  private static final Pattern COORDINATE = Pattern.compile("(?i)\\bcoordinates?\\s*[:=]?\\s*[\\[(]([^\\])]*)[\\])]");
  private static final Pattern QWEN_BOX = Pattern.compile("(?i)<box>\\s*\\(\\s*(" + NUM + ")\\s*,\\s*(" + NUM
      + ")\\s*\\)\\s*,?\\s*\\(\\s*(" + NUM + ")\\s*,\\s*(" + NUM + ")\\s*\\)\\s*</box>");
  private static final Pattern CLICK_POINT = Pattern.compile("(?i)click_point['\"]?\\s*[:=]\\s*[\\[(]\\s*(" + NUM
      + ")\\s*,\\s*(" + NUM + ")");
  private static final Pattern NUMBER = Pattern.compile(NUM);
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|“[^”]*”|'[^'\\n]*'");

  public static final GroundingReply NOTHING = new GroundingReply(null, Double.NaN, Double.NaN);

  public boolean hasPoint() {
    return !Double.isNaN(x) && !Double.isNaN(y);
  }

  public static GroundingReply parse(String reply) {
    if (reply == null) return NOTHING;
    try {
      Matcher m = MARK.matcher(reply);
      Integer mark = m.find() ? Integer.valueOf(m.group(1)) : null;
      double[] p = point(reply, m.reset().replaceAll(" "));
      return p == null ? new GroundingReply(mark, Double.NaN, Double.NaN) : new GroundingReply(mark, p[0], p[1]);
    } catch (RuntimeException e) {
      return NOTHING;
    }
  }

  private static double[] point(String reply, String withoutMark) {
    Matcher c = COORDINATE.matcher(reply);
    if (c.find()) {
      List<Double> n = numbers(c.group(1));
      if (n.size() >= 4) return new double[] {(n.get(0) + n.get(2)) / 2, (n.get(1) + n.get(3)) / 2};
      if (n.size() >= 2) return new double[] {n.get(0), n.get(1)};
    }
    Matcher q = QWEN_BOX.matcher(reply);
    if (q.find()) {
      double x = (num(q.group(1)) + num(q.group(3))) / 2 / 1000;
      double y = (num(q.group(2)) + num(q.group(4))) / 2 / 1000;
      return new double[] {x, y};
    }
    Matcher cp = CLICK_POINT.matcher(reply);
    if (cp.find()) return new double[] {num(cp.group(1)), num(cp.group(2))};
    ScreenSpotClick.Point fallback = ScreenSpotClick.parsePoint(QUOTED.matcher(withoutMark).replaceAll(" "));
    return fallback == null ? null : new double[] {fallback.x(), fallback.y()};
  }

  private static List<Double> numbers(String s) {
    List<Double> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(s);
    while (m.find()) out.add(num(m.group()));
    return out;
  }

  private static double num(String s) {
    return PyFloat.parse(s);
  }

  /** The point normalized to [0, 1] of a {@code width} x {@code height} image, if there is a point. */
  public Optional<double[]> normalizedPoint(int width, int height) {
    if (!hasPoint()) return Optional.empty();
    if (x > 1 || y > 1) return Optional.of(new double[] {x / width, y / height});
    return Optional.of(new double[] {x, y});
  }

  /**
   * Where to click, normalized: the centre of the mark's box when the reply names one of {@code marks} (marks are read
   * first, as Magma's agents do), else the point. A mark that is not among {@code marks} is ignored.
   */
  public Optional<double[]> target(List<Mark> marks, int width, int height) {
    if (mark != null) {
      for (Mark m : marks) {
        if (m.number() == mark) {
          return Optional.of(new double[] {m.box().centerX() / width, m.box().centerY() / height});
        }
      }
    }
    return normalizedPoint(width, height);
  }
}
