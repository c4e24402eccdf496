package dev.magmaeval.adapters.magma;

import dev.magmaeval.harness.api.MediaException;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * An 8-bit RGB image, interleaved row-major, as PIL's {@code Image.convert("RGB")} produces it.
 *
 * <p>lmms-eval tasks call {@code convert("RGB")} in {@code doc_to_visual}; this reproduces it from the decoded raster
 * (never {@code getRGB}, which applies colour-space conversions PIL does not): grey is replicated, alpha is dropped
 * (not composited), palettes are looked up, CMYK uses Pillow's {@code cmyk2rgb}, 16-bit RGB keeps the high byte and
 * 16-bit grey is clipped to 255 (Pillow opens it as mode "I").
 */
public record RgbImage(int width, int height, byte[] pixels) {

  public RgbImage {
    if (pixels.length != width * height * 3) {
      throw new IllegalArgumentException("RGB buffer of " + pixels.length + " bytes for " + width + "x" + height);
    }
  }

  /** Component {@code c} (0 red, 1 green, 2 blue) at (x, y), 0..255. */
  public int get(int x, int y, int c) {
    return pixels[(y * width + x) * 3 + c] & 0xFF;
  }

  public static RgbImage of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    Raster r = image.getRaster();
    ColorModel cm = image.getColorModel();
    byte[] out = new byte[w * h * 3];
    if (cm instanceof IndexColorModel icm) {
      palette(r, icm, out);
    } else {
      int colours = cm.getNumColorComponents();
      int type = cm.getColorSpace().getType();
      int bits = cm.getComponentSize(0);
      if (type == ColorSpace.TYPE_GRAY && colours == 1) {
        grey(r, bits, out);
      } else if (type == ColorSpace.TYPE_RGB && colours == 3) {
        rgb(r, bits, out);
      } else if (type == ColorSpace.TYPE_CMYK && colours == 4 && bits == 8) {
        cmyk(r, out);
      } else {
        throw new MediaException("unsupported image colour model: " + colours + " components, colour space type "
            + type + ", " + bits + " bits");
      }
    }
    return new RgbImage(w, h, out);
  }

  private static void palette(Raster r, IndexColorModel icm, byte[] out) {
    int n = icm.getMapSize();
    byte[] red = new byte[n];
    byte[] green = new byte[n];
    byte[] blue = new byte[n];
    icm.getReds(red);
    icm.getGreens(green);
    icm.getBlues(blue);
    int w = r.getWidth();
    int[] row = new int[w];
    for (int y = 0, o = 0; y < r.getHeight(); y++) {
      r.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        int i = row[x];
        out[o++] = red[i];
        out[o++] = green[i];
        out[o++] = blue[i];
      }
    }
  }

  private static void grey(Raster r, int bits, byte[] out) {
    int w = r.getWidth();
    int[] row = new int[w];
    for (int y = 0, o = 0; y < r.getHeight(); y++) {
      r.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        byte v = (byte) (bits <= 8 ? row[x] : Math.min(row[x], 255));
        out[o++] = v;
        out[o++] = v;
        out[o++] = v;
      }
    }
  }

  private static void rgb(Raster r, int bits, byte[] out) {
    int w = r.getWidth();
    int shift = Math.max(0, bits - 8);
    int[] row = new int[w];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < r.getHeight(); y++) {
        r.getSamples(0, y, w, 1, c, row);
        for (int x = 0, o = y * w * 3 + c; x < w; x++, o += 3) {
          out[o] = (byte) (row[x] >> shift);
        }
      }
    }
  }

  // Pillow's Convert.c cmyk2rgb: nk = 255 - k; out = clip8(nk - muldiv255(c, nk)).
  private static void cmyk(Raster r, byte[] out) {
    int w = r.getWidth();
    int[] px = new int[w * 4];
    for (int y = 0, o = 0; y < r.getHeight(); y++) {
      r.getPixels(0, y, w, 1, px);
      for (int x = 0; x < w; x++) {
        int nk = 255 - px[x * 4 + 3];
        for (int c = 0; c < 3; c++) {
          int t = px[x * 4 + c] * nk + 128;
          int v = nk - (((t >> 8) + t) >> 8);
          out[o++] = (byte) Math.max(0, Math.min(255, v));
        }
      }
    }
  }
}
