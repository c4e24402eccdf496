package dev.magmaeval.tasks.som;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws Set-of-Mark boxes: each mark's box outlined in its colour, and its number in the digit font on a label of
 * that colour at the box's top-left corner (above the box where there is room, else inside it). Outlines are drawn
 * before labels, so that no outline crosses a number. Pixels are written exactly (no antialiasing), so a test can
 * read the marks back.
 */
public final class MarkPainter {
  /** Saturated colours, picked by mark number, that stay distinct on white and dark pages. */
  static final int[] PALETTE = {
    0xE6194B, 0x3CB44B, 0x4363D8, 0xF58231, 0x911EB4, 0x008080, 0xF032E6, 0x9A6324, 0x800000, 0x000075,
    0x808000, 0xBFEF45,
  };

  private MarkPainter() {}

  /** Outline width and digit scale for an image: thicker on larger images. */
  public record Style(int thickness, int scale) {
    public static Style of(int width, int height) {
      int side = Math.min(width, height);
      return new Style(Math.max(2, Math.round(side / 500f)), Math.max(2, Math.round(side / 400f)));
    }

    public int padding() {
      return scale;
    }
  }

  public static int color(int number) {
    return PALETTE[Math.floorMod(number - 1, PALETTE.length)];
  }

  /** Black or white, whichever reads better on {@code rgb}. */
  public static int textColor(int rgb) {
    int r = rgb >> 16 & 0xFF;
    int g = rgb >> 8 & 0xFF;
    int b = rgb & 0xFF;
    return 299 * r + 587 * g + 114 * b > 150_000 ? 0x000000 : 0xFFFFFF;
  }

  /** The pixel rectangle a box covers on an image (rounded, clipped; possibly empty). */
  public static Rectangle pixels(Box box, int width, int height) {
    int x1 = Math.max(0, (int) Math.round(box.x1()));
    int y1 = Math.max(0, (int) Math.round(box.y1()));
    int x2 = Math.min(width, (int) Math.round(box.x2()));
    int y2 = Math.min(height, (int) Math.round(box.y2()));
    return new Rectangle(x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1));
  }

  /** Where the label of {@code mark} goes. */
  public static Rectangle label(Mark mark, Style style, int width, int height) {
    Rectangle r = pixels(mark.box(), width, height);
    String text = Integer.toString(mark.number());
    int w = DigitFont.width(text, style.scale()) + 2 * style.padding();
    int h = DigitFont.HEIGHT * style.scale() + 2 * style.padding();
    int x = Math.max(0, Math.min(r.x, width - w));
    int y = r.y - h >= 0 ? r.y - h : r.y;
    return new Rectangle(x, y, w, h);
  }

  /** Draws the marks onto {@code canvas}, which must be {@code TYPE_INT_RGB}. */
  public static void paint(BufferedImage canvas, List<Mark> marks) {
    if (canvas.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("marks are drawn on TYPE_INT_RGB images, got type " + canvas.getType());
    }
    int w = canvas.getWidth();
    int h = canvas.getHeight();
    Style style = Style.of(w, h);
    for (Mark m : marks) {
      Rectangle r = pixels(m.box(), w, h);
      int t = Math.min(style.thickness(), Math.max(1, Math.min(r.width, r.height) / 2));
      int c = color(m.number());
      DigitFont.fill(canvas, r.x, r.y, r.width, t, c);
      DigitFont.fill(canvas, r.x, r.y + r.height - t, r.width, t, c);
      DigitFont.fill(canvas, r.x, r.y, t, r.height, c);
      DigitFont.fill(canvas, r.x + r.width - t, r.y, t, r.height, c);
    }
    for (Mark m : marks) {
      Rectangle l = label(m, style, w, h);
      int c = color(m.number());
      DigitFont.fill(canvas, l.x, l.y, l.width, l.height, c);
      DigitFont.draw(canvas, Integer.toString(m.number()), l.x + style.padding(), l.y + style.padding(), style.scale(),
          textColor(c));
    }
  }
}
