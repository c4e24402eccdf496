package dev.magmaeval.harness.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.testkit.ParquetFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows read with and without media agree on which images exist, whether or not the images carry a path. */
class DocReaderTest {
  @TempDir Path tmp;

  @Test
  void imagesWithoutAPathAreThereWhenReadWithoutMedia() {
    byte[] a = {1, 2, 3};
    byte[] b = {4, 5};
    Path file = tmp.resolve("test-00000-of-00001.parquet");
    List<List<Object>> rows = new ArrayList<>();
    rows.add(Arrays.asList(0L, ParquetFixtures.image(a, null), Arrays.asList(ParquetFixtures.image(b, null), null)));
    rows.add(Arrays.asList(1L, null, null));
    rows.add(Arrays.asList(2L, ParquetFixtures.image(b, "b.png"), Arrays.asList(ParquetFixtures.image(a, "a.png"))));
    ParquetFixtures.write(file, "row BIGINT, image STRUCT(bytes BLOB, path VARCHAR), "
        + "images STRUCT(bytes BLOB, path VARCHAR)[]", rows, null);
    DatasetFiles files = new DatasetFiles(tmp, List.of(file), DatasetFiles.Format.PARQUET, "test");
    for (boolean media : new boolean[] {true, false}) {
      List<Map<String, Object>> read = new ArrayList<>();
      try (DocReader r = new DocReader(files)) {
        Iterator<Map<String, Object>> it = r.rows(0, 3, media);
        it.forEachRemaining(read::add);
        assertThat(((ImageData) read.get(0).get("image")).bytes()).as("media=" + media).containsExactly(a);
        assertThat(((ImageData) read.get(0).get("image")).path()).isNull();
        List<?> list = (List<?>) read.get(0).get("images");
        assertThat(((ImageData) list.get(0)).bytes()).containsExactly(b);
        assertThat(list.get(1)).isNull();
        assertThat(read.get(1).get("image")).isNull();
        assertThat(read.get(1).get("images")).isNull();
        assertThat(((ImageData) read.get(2).get("image")).path()).isEqualTo("b.png");
        assertThat(((ImageData) ((List<?>) read.get(2).get("images")).get(0)).bytes()).containsExactly(a);
      }
    }
  }
}
