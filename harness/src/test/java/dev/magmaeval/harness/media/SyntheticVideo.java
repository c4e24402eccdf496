package dev.magmaeval.harness.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Test videos drawn in code and encoded with FFmpeg (JavaCV). Each frame shows its own index as a row of black and
 * white cells across the top, so a test can tell which frame a decoder returned even after lossy compression.
 */
public final class SyntheticVideo {

  /** Bits of the frame index drawn into each frame. */
  public static final int INDEX_BITS = 12;

  /**
   * How to encode.
   *
   * @param format container ({@code mp4}, {@code webm}, {@code matroska})
   * @param codec FFmpeg encoder name ({@code libopenh264}, {@code mpeg4}, {@code libvpx-vp9})
   * @param gop keyframe interval
   * @param bFrames B-frames between references (reordering: decode order differs from display order)
   */
  public record Spec(int width, int height, int frames, double fps, String format, String codec, int gop, int bFrames) {
    public static Spec h264(int frames) {
      return new Spec(64, 48, frames, 25, "mp4", "libopenh264", 12, 0);
    }

    public static Spec mpeg4WithBFrames(int frames) {
      return new Spec(64, 48, frames, 30, "mp4", "mpeg4", 10, 2);
    }

    public static Spec vp9Webm(int frames) {
      return new Spec(64, 48, frames, 24, "webm", "libvpx-vp9", 15, 0);
    }

    public static Spec mpeg4Mkv(int frames) {
      return new Spec(64, 48, frames, 25, "matroska", "mpeg4", 8, 2);
    }

    public Spec withSize(int w, int h) {
      return new Spec(w, h, frames, fps, format, codec, gop, bFrames);
    }

    public Spec withGop(int newGop) {
      return new Spec(width, height, frames, fps, format, codec, newGop, bFrames);
    }
  }

  private SyntheticVideo() {}

  /** Encodes {@code spec.frames()} drawn frames into {@code file}. */
  public static Path write(Path file, Spec spec) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Java2DFrameConverter converter = new Java2DFrameConverter();
        FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), spec.width(), spec.height(), 0)) {
      rec.setFormat(spec.format());
      rec.setVideoCodecName(spec.codec());
      rec.setFrameRate(spec.fps());
      rec.setPixelFormat(AV_PIX_FMT_YUV420P);
      rec.setGopSize(spec.gop());
      rec.setMaxBFrames(spec.bFrames());
      switch (spec.codec()) {
        case "libopenh264" -> rec.setVideoBitrate(Math.max(64_000, spec.width() * spec.height() * 8));
        case "libvpx-vp9" -> {
          rec.setVideoOption("crf", "20");
          rec.setVideoOption("deadline", "realtime");
          rec.setVideoOption("cpu-used", "8");
          rec.setVideoBitrate(0);
        }
        default -> rec.setVideoQuality(3);
      }
      rec.start();
      for (int i = 0; i < spec.frames(); i++) {
        Frame frame = converter.convert(draw(i, spec.width(), spec.height()));
        rec.record(frame);
      }
      rec.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot encode " + file + " with " + spec + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** Frame {@code index}: a colour gradient that drifts with the index, a moving disc, and the index cells. */
  public static BufferedImage draw(int index, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    int b = (128 + index / 2) & 0xff;
    for (int y = 0, p = 0; y < height; y++) {
      int g = (y * 255 / Math.max(1, height - 1) + index / 3) & 0xff;
      for (int x = 0; x < width; x++, p += 3) {
        bgr[p] = (byte) b;
        bgr[p + 1] = (byte) g;
        bgr[p + 2] = (byte) ((x * 255 / Math.max(1, width - 1) + index) & 0xff);
      }
    }
    Graphics2D g = img.createGraphics();
    int d = Math.max(4, height / 4);
    int cx = (index * 3) % Math.max(1, width - d);
    g.setColor(new Color((index * 53) & 0xff, 255 - ((index * 29) & 0xff), 90));
    g.fillOval(cx, height - d - 1, d, d);
    int cell = cellSize(width);
    for (int bit = 0; bit < INDEX_BITS; bit++) {
      g.setColor(((index >> bit) & 1) == 1 ? Color.WHITE : Color.BLACK);
      g.fillRect(bit * cell, 0, cell, cell);
    }
    g.dispose();
    return img;
  }

  /** Reads back the index drawn by {@link #draw} from a decoded frame (the centre of each cell, by luma). */
  public static int readIndex(BufferedImage frame) {
    int cell = cellSize(frame.getWidth());
    int value = 0;
    for (int bit = 0; bit < INDEX_BITS; bit++) {
      int x = bit * cell + cell / 2;
      int y = cell / 2;
      int r = frame.getRaster().getSample(x, y, 0);
      int gr = frame.getRaster().getSample(x, y, 1);
      int b = frame.getRaster().getSample(x, y, 2);
      if ((r + gr + b) / 3 > 128) value |= 1 << bit;
    }
    return value;
  }

  private static int cellSize(int width) {
    return Math.max(4, width / (INDEX_BITS + 4));
  }
}
