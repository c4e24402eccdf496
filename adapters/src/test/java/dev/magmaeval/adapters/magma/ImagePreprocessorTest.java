package dev.magmaeval.adapters.magma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** pixel_values against PyTorch (scripts/magma/preprocess.py, run by export_magma_onnx.py --tiny). */
class ImagePreprocessorTest {
  private static final double[] MEAN = {0.48145466, 0.4578275, 0.40821073};
  private static final double[] STD = {0.26862954, 0.26130258, 0.27577711};

  @TestFactory
  List<DynamicTest> everyFixtureImageMatchesPyTorch() {
    List<DynamicTest> tests = new ArrayList<>();
    var cases = TinyMagma.reference().path("pixel_values").fields();
    while (cases.hasNext()) {
      Map.Entry<String, JsonNode> e = cases.next();
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> check(e.getValue())));
    }
    return tests;
  }

  private static void check(JsonNode ref) throws Exception {
    RgbImage rgb = RgbImage.of(TinyMagma.image(ref.path("file").asText()).decode());
    PixelValues pv = new ImagePreprocessor(MEAN, STD, 512).process(rgb, ref.path("num_crops").asInt());
    assertThat(new int[] {pv.gridRows(), pv.gridCols()})
        .containsExactly(ref.path("grid").get(0).asInt(), ref.path("grid").get(1).asInt());
    int stride = ref.path("sample_stride").asInt();
    int n = (512 + stride - 1) / stride;
    float[] expected = TinyMagma.pixelSample(ref.path("sample_offset").asLong(), pv.crops() * 3 * n * n);
    double maxAbs = 0;
    for (int crop = 0, k = 0; crop < pv.crops(); crop++) {
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < 512; y += stride) {
          for (int x = 0; x < 512; x += stride, k++) {
            float got = pv.data()[((crop * 3 + c) * 512 + y) * 512 + x];
            maxAbs = Math.max(maxAbs, Math.abs(got - expected[k]));
          }
        }
      }
    }
    assertThat(maxAbs).as("max |java - torch| over the sampled pixels").isLessThanOrEqualTo(1e-5);
    ByteBuffer bytes = ByteBuffer.allocate(pv.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(pv.data());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    assertThat(sha).as("SHA-256 of all pixel_values (bit-identical to PyTorch)").isEqualTo(ref.path("sha256").asText());
  }

  @Test
  void gridChoiceFollowsTheSpecTable() {
    int[][] cases = {{256, 256, 1, 1}, {336, 336, 1, 1}, {640, 480, 1, 2}, {480, 640, 2, 1}, {800, 600, 2, 2},
        {1280, 720, 2, 2}, {1920, 1080, 2, 2}, {768, 768, 2, 2}, {1080, 2400, 3, 1}};
    for (int[] c : cases) {
      assertThat(AnyResGrid.select(c[0], c[1], 4, 512)).as(c[0] + "x" + c[1]).containsExactly(c[2], c[3]);
    }
    assertThat(AnyResGrid.select(1920, 1080, 1, 512)).containsExactly(1, 1);
  }
}
