package dev.magmaeval.adapters.magma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.api.ImageData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The committed tiny twin (adapters/src/test/resources/tiny-magma) and its PyTorch references. */
final class TinyMagma {
  private TinyMagma() {}

  static Path dir() {
    try {
      return Paths.get(TinyMagma.class.getResource("/tiny-magma/magma_config.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode reference() {
    try {
      return new ObjectMapper().readTree(dir().resolve("reference/reference.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImageData image(String file) {
    Path p = dir().resolve("reference/images").resolve(file);
    try {
      return ImageData.encoded(Files.readAllBytes(p), file, p.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name of an image case in reference.json -> its file, e.g. square_256 -> square_256.png. */
  static ImageData imageOf(String name) {
    return image(reference().path("pixel_values").path(name).path("file").asText());
  }

  static float[] pixelSample(long offset, int count) {
    try {
      byte[] all = Files.readAllBytes(dir().resolve("reference/pixel_values_sample.f32"));
      float[] out = new float[count];
      ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().position((int) offset).get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
