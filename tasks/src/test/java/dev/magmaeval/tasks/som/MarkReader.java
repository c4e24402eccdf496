package dev.magmaeval.tasks.som;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Reads Set-of-Mark drawings back from pixels, for tests: outline colours and label numbers. */
public final class MarkReader {
  private MarkReader() {}

  /** The colour every pixel of the outermost ring of {@code r} has, or -1 when the ring is not one colour. */
  public static int outlineColor(BufferedImage img, Rectangle r, Rectangle skip) {
    int color = -2;
    for (int x = r.x; x < r.x + r.width; x++) {
      for (int y : new int[] {r.y, r.y + r.height - 1}) {
        if (skip != null && skip.contains(x, y)) continue;
        int c = img.getRGB(x, y) & 0xFFFFFF;
        if (color == -2) color = c;
        else if (c != color) return -1;
      }
    }
    for (int y = r.y; y < r.y + r.height; y++) {
      for (int x : new int[] {r.x, r.x + r.width - 1}) {
        if (skip != null && skip.contains(x, y)) continue;
        if ((img.getRGB(x, y) & 0xFFFFFF) != color) return -1;
      }
    }
    return color;
  }

  /**
   * The number written on a label whose top-left pixel is at (x, y), drawn at {@code scale}: glyph cells are read
   * one after another (against the label's colour, the top-left pixel's) and matched against the font, until a cell
   * matches no digit. -1 when not even the first does.
   */
  public static int readLabel(BufferedImage img, int x, int y, int scale) {
    int bg = img.getRGB(x, y) & 0xFFFFFF;
    int value = -1;
    for (int k = 0; ; k++) {
      int gx = x + scale + k * (DigitFont.WIDTH + 1) * scale;
      int gy = y + scale;
      if (gx + DigitFont.WIDTH * scale > img.getWidth() || gy + DigitFont.HEIGHT * scale > img.getHeight()) break;
      int digit = -1;
      for (int d = 0; d <= 9 && digit < 0; d++) {
        boolean same = true;
        for (int row = 0; row < DigitFont.HEIGHT && same; row++) {
          for (int col = 0; col < DigitFont.WIDTH && same; col++) {
            int px = img.getRGB(gx + col * scale + scale / 2, gy + row * scale + scale / 2) & 0xFFFFFF;
            same = DigitFont.on(d, col, row) == (px != bg);
          }
        }
        if (same) digit = d;
      }
      if (digit < 0) break;
      value = Math.max(value, 0) * 10 + digit;
    }
    return value;
  }
}
