package dev.magmaeval.tasks.som;

import java.awt.image.BufferedImage;

/**
 * A 5x7 bitmap font for the digits 0-9, so that marks are drawn the same on every machine (no system fonts at run
 * time). Each glyph is seven rows of five bits, the leftmost pixel in the highest bit.
 */
public final class DigitFont {
  /** Glyph size in font pixels; one blank column separates glyphs. */
  public static final int WIDTH = 5;

  public static final int HEIGHT = 7;

  private static final int[][] GLYPHS = {
    {0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110},
    {0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110},
    {0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111},
    {0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110},
    {0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010},
    {0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110},
    {0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110},
    {0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000},
    {0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110},
    {0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100},
  };

  private DigitFont() {}

  /** Whether font pixel (col, row) of {@code digit} is set. */
  public static boolean on(int digit, int col, int row) {
    return (GLYPHS[digit][row] >> (WIDTH - 1 - col) & 1) == 1;
  }

  /** Width in image pixels of {@code text} (digits only) at {@code scale}. */
  public static int width(String text, int scale) {
    return (text.length() * (WIDTH + 1) - 1) * scale;
  }

  /** Draws {@code text} (digits only) with its top-left corner at (x, y); pixels outside the image are skipped. */
  public static void draw(BufferedImage image, String text, int x, int y, int scale, int rgb) {
    for (int k = 0; k < text.length(); k++) {
      int digit = text.charAt(k) - '0';
      if (digit < 0 || digit > 9) throw new IllegalArgumentException("not a digit: '" + text.charAt(k) + "'");
      int gx = x + k * (WIDTH + 1) * scale;
      for (int row = 0; row < HEIGHT; row++) {
        for (int col = 0; col < WIDTH; col++) {
          if (on(digit, col, row)) fill(image, gx + col * scale, y + row * scale, scale, scale, rgb);
        }
      }
    }
  }

  static void fill(BufferedImage image, int x, int y, int w, int h, int rgb) {
    int x0 = Math.max(0, x);
    int y0 = Math.max(0, y);
    int x1 = Math.min(image.getWidth(), x + w);
    int y1 = Math.min(image.getHeight(), y + h);
    for (int py = y0; py < y1; py++) {
      for (int px = x0; px < x1; px++) image.setRGB(px, py, rgb);
    }
  }
}
