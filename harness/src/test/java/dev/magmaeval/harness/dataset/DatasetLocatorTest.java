package dev.magmaeval.harness.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.testkit.Images;
import dev.magmaeval.harness.testkit.ParquetFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and reading local copies of Hugging Face datasets, never downloading. */
class DatasetLocatorTest {
  @TempDir Path tmp;

  private static final String COLS = "question VARCHAR, n INTEGER, f FLOAT, tags VARCHAR[], image STRUCT(bytes BLOB, path VARCHAR)";

  private static List<List<Object>> rows(int from, int count) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      byte[] png = Images.encode(Images.scene(8, 6, i, null), "png");
      rows.add(List.of("q" + i, (long) i, 0.5 * i, List.of("t" + i), ParquetFixtures.image(png, "img" + i + ".png")));
    }
    return rows;
  }

  private DatasetLocator locator(Map<String, String> env, Path dataDir) {
    return new DatasetLocator(Optional.ofNullable(dataDir), env, tmp);
  }

  @Test
  void readsTheHubCacheSnapshotThatRefsMainNames() {
    Path hub = tmp.resolve("hf/hub");
    Path snap = ParquetFixtures.snapshot(hub, "lmms-lab/Demo", "abc123");
    ParquetFixtures.write(snap.resolve("data/validation-00000-of-00002.parquet"), COLS, rows(0, 70), null);
    ParquetFixtures.write(snap.resolve("data/validation-00001-of-00002.parquet"), COLS, rows(70, 30), null);
    ParquetFixtures.write(snap.resolve("data/test-00000-of-00001.parquet"), COLS, rows(500, 1), null);
    DatasetFiles files = locator(Map.of("HF_HOME", tmp.resolve("hf").toString()), null)
        .locate(new DatasetRequest("lmms-lab-encoder/Demo", null, "validation", Map.of(), null));
    assertThat(files.files()).hasSize(2);
    try (DocReader reader = new DocReader(files)) {
      assertThat(reader.count()).isEqualTo(100);
      assertThat(reader.mediaColumns()).containsExactly("image");
      List<Map<String, Object>> rows = new ArrayList<>();
      reader.rows(60, 75, true).forEachRemaining(rows::add);
      assertThat(rows).extracting(r -> r.get("n")).containsExactlyElementsOf(
          java.util.stream.LongStream.range(60, 75).boxed().map(Object.class::cast).toList());
      Map<String, Object> r = rows.get(0);
      assertThat(r.get("question")).isEqualTo("q60");
      assertThat(r.get("f")).isEqualTo(30.0);
      assertThat(r.get("tags")).isEqualTo(List.of("t60"));
      ImageData img = (ImageData) r.get("image");
      assertThat(img.path()).isEqualTo("img60.png");
      assertThat(img.decode().getWidth()).isEqualTo(8);
    }
  }

  @Test
  void withoutMediaImagesAreFetchedOnlyWhenAsked() {
    Path snap = ParquetFixtures.snapshot(tmp.resolve("hub"), "org/Media", "s1");
    ParquetFixtures.write(snap.resolve("data/test-00000-of-00001.parquet"), COLS, rows(0, 3), null);
    DatasetFiles files = locator(Map.of("HF_HUB_CACHE", tmp.resolve("hub").toString()), null)
        .locate(new DatasetRequest("org/Media", null, "test", Map.of(), null));
    try (DocReader reader = new DocReader(files)) {
      Iterator<Map<String, Object>> it = reader.rows(0, 3, false);
      it.next();
      ImageData second = (ImageData) it.next().get("image");
      assertThat(second.path()).isEqualTo("img1.png");
      assertThat(second.decode().getHeight()).isEqualTo(6);
    }
  }

  @Test
  void dataDirTakesAHubCacheOrPlainFoldersAndConfigsFromTheCard() throws IOException {
    Path dataDir = tmp.resolve("local");
    Path plain = dataDir.resolve("org/Cfg");
    ParquetFixtures.write(plain.resolve("Sub/test-00000-of-00001.parquet"), COLS, rows(0, 2), null);
    ParquetFixtures.write(plain.resolve("weird/place.parquet"), COLS, rows(0, 5), null);
    Files.writeString(plain.resolve("README.md"), "---\nconfigs:\n- config_name: Other\n  data_files:\n"
        + "  - split: test\n    path: weird/*.parquet\n---\n# card\n");
    DatasetLocator l = locator(Map.of("HF_HOME", tmp.resolve("none").toString()), dataDir);
    assertThat(l.locate(new DatasetRequest("org/Cfg", "Sub", "test", Map.of(), null)).files()).hasSize(1);
    DatasetFiles other = l.locate(new DatasetRequest("org/Cfg", "Other", "test", Map.of(), null));
    assertThat(other.files().get(0).getFileName().toString()).isEqualTo("place.parquet");
  }

  @Test
  void withoutADatasetNameTheCardsOnlyConfigIsRead() throws IOException {
    Path repo = tmp.resolve("d2/lmms-lab/Video-MME");
    ParquetFixtures.write(repo.resolve("videomme/test-00000-of-00001.parquet"), COLS, rows(0, 4), null);
    Files.writeString(repo.resolve("README.md"), "---\nconfigs:\n- config_name: videomme\n  data_files:\n"
        + "  - split: test\n    path: videomme/test-*\n---\n");
    DatasetFiles f = locator(Map.of(), tmp.resolve("d2"))
        .locate(new DatasetRequest("lmms-lab/Video-MME", null, "test", Map.of(), null));
    assertThat(f.files()).hasSize(1);
  }

  @Test
  void jsonlSplitsByKeyword() throws IOException {
    Path repo = tmp.resolve("d/cambridgeltl/vsr_zeroshot");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("dev.jsonl"), "{\"caption\": \"a\", \"label\": 1}\n{\"caption\": \"b\", \"label\": 0}\n");
    DatasetFiles f = locator(Map.of(), tmp.resolve("d"))
        .locate(new DatasetRequest("cambridgeltl/vsr_zeroshot", null, "validation", Map.of(), null));
    try (DocReader reader = new DocReader(f)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      reader.rows(0, 10, true).forEachRemaining(rows::add);
      assertThat(rows).extracting(r -> r.get("caption")).containsExactly("a", "b");
      assertThat(rows.get(0).get("label")).isEqualTo(1L);
    }
  }

  @Test
  void aMissingDatasetListsEveryPlaceLookedAndTheDownloadCommand() {
    assertThatThrownBy(() -> locator(Map.of("HF_HOME", tmp.resolve("hf").toString()), tmp.resolve("dd"))
        .locate(new DatasetRequest("lmms-lab/VQAv2", null, "validation", Map.of(), null)))
        .isInstanceOf(DatasetNotFoundException.class)
        .hasMessageContaining("dataset lmms-lab/VQAv2 split validation is not available locally")
        .hasMessageContaining(tmp.resolve("hf/hub/datasets--lmms-lab--VQAv2").toString())
        .hasMessageContaining(tmp.resolve("hf/hub/datasets--lmms-lab-encoder--VQAv2").toString())
        .hasMessageContaining("huggingface-cli download lmms-lab/VQAv2 --repo-type dataset");
  }
}
