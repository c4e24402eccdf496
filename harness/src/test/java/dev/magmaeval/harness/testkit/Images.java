package dev.magmaeval.harness.testkit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small deterministic images drawn in code, encoded as JPEG or PNG, for dataset fixtures. */
public final class Images {
  private Images() {}

  /** A scene of coloured shapes and a caption, fixed by {@code seed}. */
  public static BufferedImage scene(int width, int height, long seed, String caption) {
    Random rnd = new Random(seed);
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    g.setColor(new Color(200 + rnd.nextInt(56), 200 + rnd.nextInt(56), 200 + rnd.nextInt(56)));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 4; i++) {
      g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
      int w = 10 + rnd.nextInt(Math.max(1, width / 3));
      int h = 10 + rnd.nextInt(Math.max(1, height / 3));
      int x = rnd.nextInt(Math.max(1, width - w));
      int y = rnd.nextInt(Math.max(1, height - h));
      if (rnd.nextBoolean()) g.fillOval(x, y, w, h);
      else g.fillRect(x, y, w, h);
    }
    if (caption != null) {
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1));
      g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 12)));
      g.drawString(caption, 4, height - 6);
    }
    g.dispose();
    return img;
  }

  public static byte[] encode(BufferedImage img, String format) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(img, format, out)) throw new IllegalArgumentException("no writer for " + format);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
