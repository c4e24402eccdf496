package dev.magmaeval.tasks.som;

/**
 * An axis-aligned box {@code [x1, y1, x2, y2]}, in pixels or normalized to [0, 1] depending on where it is used (the
 * field or method says which).
 */
public record Box(double x1, double y1, double x2, double y2) {

  /** A box from pixel {@code x, y, width, height}. */
  public static Box ofXywh(double x, double y, double width, double height) {
    return new Box(x, y, x + width, y + height);
  }

  public double width() {
    return x2 - x1;
  }

  public double height() {
    return y2 - y1;
  }

  public double centerX() {
    return (x1 + x2) / 2;
  }

  public double centerY() {
    return (y1 + y2) / 2;
  }

  /** Whether (x, y) lies in the box, bounds included. */
  public boolean contains(double x, double y) {
    return x1 <= x && x <= x2 && y1 <= y && y <= y2;
  }

  public Box shift(double dx, double dy) {
    return new Box(x1 + dx, y1 + dy, x2 + dx, y2 + dy);
  }

  public Box clip(double width, double height) {
    return new Box(Math.max(0, x1), Math.max(0, y1), Math.min(width, x2), Math.min(height, y2));
  }
}
