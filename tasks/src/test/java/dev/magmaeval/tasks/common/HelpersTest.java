package dev.magmaeval.tasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.api.Visual;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python semantics the task functions rely on. */
class HelpersTest {

  @Test
  void pyFormatFillsPositionalFieldsAndKeepsDoubledBraces() {
    assertThat(PyFormat.format("respond with {} only", "A, B")).isEqualTo("respond with A, B only");
    assertThat(PyFormat.format("{0}/{0} {{x}}", 7L)).isEqualTo("7/7 {x}");
    assertThat(PyFormat.format("no fields")).isEqualTo("no fields");
    assertThatThrownBy(() -> PyFormat.format("{name}", "a")).hasMessageContaining("{name}");
    assertThatThrownBy(() -> PyFormat.format("{} {}", "a")).hasMessageContaining("argument 1");
  }

  @Test
  void pyIntParsesLikePythonsInt() {
    assertThat(PyInt.parse(" 42\n", "x")).isEqualTo(42);
    assertThat(PyInt.parse("-1_000", "x")).isEqualTo(-1000);
    assertThat(PyInt.parse("٣", "x")).isEqualTo(3);
    for (String bad : List.of("", "1.0", "1__0", "_1", "1_", "0x10", "+")) {
      assertThatThrownBy(() -> PyInt.parse(bad, "answer")).hasMessageContaining("answer: invalid literal");
    }
  }

  @Test
  void numberedImagesComeInColumnOrderWithoutNulls() {
    ImageData a = ImageData.encoded(new byte[] {1}, "a", "t");
    ImageData c = ImageData.encoded(new byte[] {3}, "c", "t");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("image_1", a);
    fields.put("image_2", null);
    fields.put("image_3", c);
    fields.put("image_10x", a);
    fields.put("image", a);
    List<Visual> visuals = Visuals.numbered(new Doc(0, fields, "t"));
    assertThat(visuals).containsExactly(Visual.image(a), Visual.image(c));
  }

  @Test
  void aNullSingleImageFailsThatSampleNamingTheColumn() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("image", null);
    assertThatThrownBy(() -> Visuals.single(new Doc(4, fields, "data.parquet"), "image"))
        .isInstanceOf(MediaException.class).hasMessageContaining("doc 4", "'image'", "data.parquet");
  }
}
