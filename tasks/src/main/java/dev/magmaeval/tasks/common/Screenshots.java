package dev.magmaeval.tasks.common;

import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.MediaException;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Large screenshots without waste: the size from the file header (no decode), a region decoded alone (a 1280x1344
 * window of an 11k-pixel-high page costs that window's memory), an RGB copy to draw on, and fast PNG encoding. The
 * reader is chosen as {@link ImageData#decode()} chooses it, so the pixels are the ones a backend would see.
 */
public final class Screenshots {
  private Screenshots() {}

  /** Width and height; reads only the header of an encoded image. */
  public static Dimension size(ImageData image) {
    byte[] bytes = image.bytes();
    if (bytes == null) {
      BufferedImage img = image.decode();
      return new Dimension(img.getWidth(), img.getHeight());
    }
    return withReader(image, bytes, r -> new Dimension(r.getWidth(0), r.getHeight(0)));
  }

  /** The pixels of {@code region} (clipped to the image), decoded without decoding the rest. */
  public static BufferedImage region(ImageData image, Rectangle region) {
    byte[] bytes = image.bytes();
    if (bytes == null) {
      BufferedImage img = image.decode();
      Rectangle r = region.intersection(new Rectangle(img.getWidth(), img.getHeight()));
      return img.getSubimage(r.x, r.y, r.width, r.height);
    }
    return withReader(image, bytes, r -> {
      ImageReadParam param = r.getDefaultReadParam();
      param.setSourceRegion(region.intersection(new Rectangle(r.getWidth(0), r.getHeight(0))));
      return r.read(0, param);
    });
  }

  /**
   * A {@code TYPE_INT_RGB} copy: RGB images channel by channel, grey ones with the grey value in all three channels
   * (as PIL's {@code convert("RGB")}); alpha is dropped.
   */
  public static BufferedImage rgb(BufferedImage src) {
    int w = src.getWidth();
    int h = src.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Raster raster = src.getRaster();
    int bands = raster.getNumBands();
    boolean plain = src.getColorModel().getColorSpace().isCS_sRGB() || bands <= 2;
    if (src.getColorModel() instanceof java.awt.image.IndexColorModel || !plain) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) out.setRGB(x, y, src.getRGB(x, y) & 0xFFFFFF);
      }
      return out;
    }
    int[] px = new int[bands];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.getPixel(x, y, px);
        int r = px[0];
        int g = bands >= 3 ? px[1] : r;
        int b = bands >= 3 ? px[2] : r;
        out.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    return out;
  }

  /** PNG bytes, written with light compression (these files are for people to look at, not to archive). */
  public static byte[] png(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (param.canWriteCompressed()) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.7f); // JDK: deflate level (1 - q) * 9 = 2, fast
      }
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
  }

  private interface ReaderCall<T> {
    T apply(ImageReader reader) throws IOException;
  }

  private static <T> T withReader(ImageData image, byte[] bytes, ReaderCall<T> call) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new MediaException("cannot decode image " + image.describe() + ": unknown or corrupt format");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return call.apply(reader);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof MediaException m) throw m;
      throw new MediaException("cannot decode image " + image.describe() + ": " + e.getMessage(), e);
    }
  }
}
