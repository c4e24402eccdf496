package dev.magmaeval.reports.published;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.magmaeval.reports.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed published file is bad input whose message names the file and the field. */
class PublishedReaderTest {

  private static final String HEAD = "schema: magma-eval/published/v1\nreference_model: m\n"
      + "tables: [{id: \"2\", setting: zero-shot}]\nmodels: [{id: m, label: M, checkpoint: released}]\n"
      + "benchmarks:\n  vqav2: {task: vqav2_val, metric: \"exact_match,none\", scale: 0.01}\n";

  private static Path write(Path dir, String text) throws IOException {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void unknownReferencesAndBadValues(@TempDir Path dir) throws IOException {
    Path f = write(dir, HEAD + "cells:\n  - {model: m, benchmark: vqa, value: 80.0, table: \"2\", row: M, column: V}\n");
    assertThatThrownBy(() -> PublishedReader.read(f)).isInstanceOf(BadInputException.class)
        .hasMessage(f + ": cells[0].benchmark: unknown id 'vqa'");

    Path g = write(dir, HEAD + "cells:\n  - {model: m, benchmark: vqav2, value: high, table: \"2\", row: M, column: V}\n");
    assertThatThrownBy(() -> PublishedReader.read(g)).hasMessage(g + ": cells[0].value: expected a number, got 'high'");
  }

  @Test
  void contradictoryDuplicatesAndTyposAreRejected(@TempDir Path dir) throws IOException {
    Path f = write(dir, HEAD + "cells:\n  - {model: m, benchmark: vqav2, value: 80.0, table: \"2\", row: M, column: V}\n"
        + "  - {model: m, benchmark: vqav2, value: 81.0, table: \"2\", row: M, column: V}\n");
    assertThatThrownBy(() -> PublishedReader.read(f))
        .hasMessage(f + ": cells[1].value: 81.0 differs from cells[0] (80.0) for the same model and benchmark");

    Path g = write(dir, HEAD.replace("scale: 0.01", "scael: 0.01") + "cells: []\n");
    assertThatThrownBy(() -> PublishedReader.read(g)).hasMessageStartingWith(g + ": benchmarks.vqav2.scael: unknown key");
  }
}
