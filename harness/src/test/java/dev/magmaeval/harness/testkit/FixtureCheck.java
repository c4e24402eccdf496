package dev.magmaeval.harness.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.dataset.DatasetFiles;
import dev.magmaeval.harness.dataset.DocReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks that committed fixture files are what their generator makes: Parquet files row by row (so a DuckDB
 * upgrade that changes bytes but not data still passes), other files byte by byte.
 */
public final class FixtureCheck {
  private FixtureCheck() {}

  /** Every file under {@code generated} exists under {@code committed} with the same content. */
  public static void assertSameFiles(Path committed, Path generated) {
    for (Path g : files(generated)) {
      Path rel = generated.relativize(g);
      Path c = committed.resolve(rel.toString());
      assertThat(c).as("committed fixture %s (regenerate with scripts/fixtures/generate.sh)", rel).exists();
      if (g.toString().endsWith(".parquet")) {
        assertThat(rows(c)).as("rows of %s", rel).isEqualTo(rows(g));
      } else {
        try {
          assertThat(Files.readAllBytes(c)).as("content of %s", rel).isEqualTo(Files.readAllBytes(g));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static List<Path> files(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> rows(Path parquet) {
    List<String> out = new ArrayList<>();
    try (DocReader r = new DocReader(new DatasetFiles(parquet.getParent(), List.of(parquet), DatasetFiles.Format.PARQUET, "fixture"))) {
      r.rows(0, r.count(), true).forEachRemaining(row -> out.add(describe(row)));
    }
    return out;
  }

  private static String describe(Object v) {
    if (v instanceof ImageData img) return "image(" + img.path() + ", " + Arrays.hashCode(img.bytes()) + ")";
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      m.forEach((k, x) -> sb.append(k).append('=').append(describe(x)).append(", "));
      return sb.append('}').toString();
    }
    if (v instanceof List<?> l) return l.stream().map(FixtureCheck::describe).toList().toString();
    return String.valueOf(v);
  }
}
