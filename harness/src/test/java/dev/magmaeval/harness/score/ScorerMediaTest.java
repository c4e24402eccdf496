package dev.magmaeval.harness.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.ImageData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** process_results sees docs without media, as lmms-eval's eval_docs_no_media. */
class ScorerMediaTest {

  @Test
  void imageColumnsAndImagesAddedByProcessDocsAreStripped() {
    ImageData img = ImageData.encoded(new byte[] {1}, "a.png", "test");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("question", "q");
    fields.put("image_1", img);
    fields.put("added", img);
    List<Object> frames = new ArrayList<>();
    frames.add(img);
    frames.add(null);
    fields.put("frames", frames);
    fields.put("tags", List.of("x"));
    Doc doc = Scorer.withoutMedia(new Doc(0, fields, "test"), Set.of("image_1"));
    assertThat(doc.fields()).containsOnlyKeys("question", "tags");
  }

  @Test
  void docsWithoutMediaAreKeptAsTheyAre() {
    Doc doc = new Doc(3, Map.of("question", "q"), "test");
    assertThat(Scorer.withoutMedia(doc, Set.of("image"))).isSameAs(doc);
  }
}
