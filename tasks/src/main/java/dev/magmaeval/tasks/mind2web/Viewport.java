package dev.magmaeval.tasks.mind2web;

import dev.magmaeval.tasks.som.Box;
import java.awt.Rectangle;

/**
 * The part of a full-page Mind2Web screenshot that the model sees: the page's full width and at most {@value
 * #MAX_HEIGHT} pixels of height (Magma's Mind2Web setting, paper §B.2.1). Windows start every {@value #STRIDE}
 * pixels, like a user scrolling by three quarters of a screen; the first window that holds the whole target is
 * taken, else the first that holds its centre. So the target is always visible, and where it sits in the window
 * does not give it away.
 */
public record Viewport(int top, int width, int height) {
  public static final int MAX_HEIGHT = 1344;
  public static final int STRIDE = 1008;

  public static Viewport around(Box target, int pageWidth, int pageHeight) {
    int height = Math.min(pageHeight, MAX_HEIGHT);
    int last = pageHeight - height;
    Integer byCentre = null;
    for (int k = 0; ; k++) {
      int top = Math.min(k * STRIDE, last);
      if (target.y1() >= top && target.y2() <= top + height) return new Viewport(top, pageWidth, height);
      if (byCentre == null && target.centerY() >= top && target.centerY() < top + height) byCentre = top;
      if (top == last) break;
    }
    return new Viewport(byCentre != null ? byCentre : last, pageWidth, height);
  }

  /** The window in page pixels. */
  public Rectangle rectangle() {
    return new Rectangle(0, top, width, height);
  }

  /** Whether the window is the whole page. */
  public boolean isWholePage(int pageHeight) {
    return top == 0 && height == pageHeight;
  }

  /** A page box in this window's pixels (not clipped). */
  public Box fromPage(Box page) {
    return page.shift(0, -top);
  }

  public boolean containsCentreOf(Box page) {
    double cx = page.centerX();
    double cy = page.centerY();
    return cx >= 0 && cx < width && cy >= top && cy < top + height;
  }
}
