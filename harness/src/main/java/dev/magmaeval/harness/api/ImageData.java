package dev.magmaeval.harness.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image column value ({@code struct{bytes, path}} in Hugging Face Parquet), or an image a task drew.
 *
 * <p>Encoded bytes are decoded lazily and at most once, with ImageIO (TwelveMonkeys plugins add CMYK JPEG and
 * WebP when on the classpath). Read pixels from the raster, never with {@code getRGB}, which applies colour
 * conversions that PIL does not.
 */
public final class ImageData {
  private volatile byte[] bytes;
  private final Supplier<byte[]> loader;
  private final String path;
  private final String origin;
  private volatile BufferedImage decoded;

  private ImageData(byte[] bytes, Supplier<byte[]> loader, String path, String origin, BufferedImage decoded) {
    this.bytes = bytes;
    this.loader = loader;
    this.path = path;
    this.origin = origin == null ? "" : origin;
    this.decoded = decoded;
  }

  public static ImageData encoded(byte[] bytes, String path, String origin) {
    return new ImageData(Objects.requireNonNull(bytes, "bytes"), null, path, origin, null);
  }

  /** An image whose bytes are fetched only if someone asks for them (datasets read without media). */
  public static ImageData deferred(String path, String origin, Supplier<byte[]> loader) {
    return new ImageData(null, Objects.requireNonNull(loader, "loader"), path, origin, null);
  }

  public static ImageData of(BufferedImage image, String path) {
    return new ImageData(null, null, path, "", Objects.requireNonNull(image, "image"));
  }

  /** The encoded file bytes (fetched now if deferred), or null for an image drawn in memory. */
  public byte[] bytes() {
    byte[] b = bytes;
    if (b == null && loader != null) {
      synchronized (this) {
        if (bytes == null) bytes = loader.get();
        b = bytes;
      }
    }
    return b;
  }

  /** The original file name stored with the image, or null. */
  public String path() {
    return path;
  }

  public String origin() {
    return origin;
  }

  /** Decodes once; a corrupt or unsupported image throws {@link MediaException} naming the image. */
  public BufferedImage decode() {
    BufferedImage img = decoded;
    if (img != null) return img;
    synchronized (this) {
      if (decoded == null) decoded = read();
      return decoded;
    }
  }

  private BufferedImage read() {
    String what = describe();
    byte[] data = bytes();
    if (data == null) throw new MediaException("image " + what + " has no bytes");
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (in == null || !readers.hasNext()) {
        throw new MediaException("cannot decode image " + what + ": unknown or corrupt format");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof MediaException m) throw m;
      throw new MediaException("cannot decode image " + what + ": " + e.getMessage(), e);
    }
  }

  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(path == null ? "<unnamed>" : "'" + path + "'");
    if (!origin.isEmpty()) sb.append(" from ").append(origin);
    byte[] b = bytes;
    if (b != null) sb.append(" (").append(b.length).append(" bytes)");
    return sb.toString();
  }

  @Override
  public String toString() {
    return "ImageData[" + describe() + "]";
  }
}
