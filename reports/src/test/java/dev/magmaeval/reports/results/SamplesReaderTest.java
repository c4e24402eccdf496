package dev.magmaeval.reports.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.magmaeval.reports.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples JSONL lines (compat spec §3.4) and the per-doc scores the gate pairs. */
class SamplesReaderTest {

  private static List<SampleLine> read(Path file) {
    List<SampleLine> lines = new ArrayList<>();
    SamplesReader.read(file, lines::add);
    return lines;
  }

  @Test
  void readsPromptOutputTargetAndPerDocValues() {
    List<SampleLine> lines = read(Fixtures.runB().resolve("models__magma-8b-onnx/20260302_091200_samples_vqav2_val.jsonl"));

    assertThat(lines).hasSize(40);
    SampleLine injected = lines.get(3);
    assertThat(injected.docId()).isEqualTo(3);
    assertThat(injected.output()).isEqualTo("<script>window.__xss = 1</script>");
    assertThat(injected.input()).startsWith("What color is the bus?\nAnswer");
    assertThat(injected.score("exact_match")).hasValue(0.0);
    assertThat(lines.get(5).rawOutput()).startsWith("<think>");
    assertThat(lines.get(0).fields()).containsOnlyKeys("exact_match");
  }

  @Test
  void scoresComeFromNumbersBooleansAndDicts() {
    SampleLine pope = read(Fixtures.runA().resolve("microsoft__Magma-8B/20260301_101500_samples_pope.jsonl")).get(7);
    SampleLine blink = read(Fixtures.runA().resolve("microsoft__Magma-8B/20260301_101500_samples_blink_jigsaw.jsonl")).get(0);
    SampleLine screenspot =
        read(Fixtures.runA().resolve("microsoft__Magma-8B/20260301_101500_samples_screenspot_rec_test.jsonl")).get(0);

    assertThat(pope.output()).isEqualTo("Yes.");
    assertThat(pope.score("pope_accuracy")).hasValue(0.0); // "yes." is wrong (compat spec §4.7)
    assertThat(blink.score("blink_acc")).isPresent();
    assertThat(screenspot.score("screenspot_IoU")).isEmpty(); // a dict without a score
  }

  @Test
  void aLineWithoutDocIdIsBadInputNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x_samples_t.jsonl");
    Files.writeString(f, "{\"doc_id\": 0, \"filtered_resps\": \"a\"}\n\n{\"filtered_resps\": \"b\"}\n");

    assertThatThrownBy(() -> read(f)).hasMessage(f + ":3: doc_id: missing");
  }
}
