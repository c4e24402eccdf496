package dev.magmaeval.tasks.mind2web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.tasks.fixtures.FixtureDocs;
import dev.magmaeval.tasks.som.MarkReader;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marked image saved for a fixture doc shows numbered boxes where the candidates are: the step "TYPE New York"
 * on a 2600 px page, whose target (y 2180-2220) puts the viewport window at y 1008-2352.
 */
class SetOfMarkImageTest {
  @TempDir Path tmp;

  @Test
  void theSavedImageShowsEachCandidateInViewWithItsNumber() throws Exception {
    TaskContext context = FixtureDocs.context("mind2web_som_test_task", tmp);
    Map<String, TaskFunction> f = FixtureDocs.functions(new Mind2WebFunctions(), context);
    List<Doc> docs = FixtureDocs.processed(FixtureDocs.read("osunlp/Multimodal-Mind2Web", "test_task-*.parquet"),
        (TaskFunction.ProcessDocs) f.get("utils.mind2web_process_docs"));
    Doc doc = docs.get(2);
    assertThat(doc.str("target_action_reprs")).isEqualTo("[textbox]  From -> TYPE: New York");
    List<Visual> visuals = ((TaskFunction.DocToVisual) f.get("utils.mind2web_som_doc_to_visual")).apply(doc, null);

    Path file = tmp.resolve("marked_images/mind2web_som_test_task/2.png");
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    assertThat(img.getHeight()).isEqualTo(1344);
    BufferedImage seen = ((Visual.Image) visuals.get(0)).data().decode();
    assertThat(seen.getRGB(700, 1190)).isEqualTo(img.getRGB(700, 1190));

    // the candidates whose centre lies in the window, page y minus 1008, numbered top to bottom
    int top = 1008;
    Object[][] expected = {
      {new Rectangle(520, 1500 - top, 300, 40), 1}, // "To"
      {new Rectangle(100, 2000 - top, 200, 40), 2}, // "Swap"
      {new Rectangle(520, 2180 - top, 300, 40), 3}, // "From", the gold element
      {new Rectangle(900, 2250 - top, 200, 40), 4}, // "Add flight"
    };
    int scale = 3; // digit scale on a 1280 x 1344 image
    for (Object[] e : expected) {
      Rectangle box = (Rectangle) e[0];
      int outline = MarkReader.outlineColor(img, box, null);
      assertThat(outline).as("outline of %s", box).isNotEqualTo(-1).isNotEqualTo(0xF4F4F4);
      int labelTop = box.y - 9 * scale;
      assertThat(img.getRGB(box.x, labelTop) & 0xFFFFFF).as("label above %s", box).isEqualTo(outline);
      assertThat(MarkReader.readLabel(img, box.x, labelTop, scale)).as("number on %s", box).isEqualTo(e[1]);
    }
    // nothing else is drawn: outside the four outlines (3 px) and labels (21 x 27 px) only page colours remain
    java.util.Set<Integer> page = java.util.Set.of(0xF4F4F4, 0xFFFFFF, 0x2F6FDE, 0x888888, 0xDDE6F0);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        boolean mark = false;
        for (Object[] e : expected) {
          Rectangle b = (Rectangle) e[0];
          Rectangle inner = new Rectangle(b.x + 3, b.y + 3, b.width - 6, b.height - 6);
          mark |= b.contains(x, y) && !inner.contains(x, y) || new Rectangle(b.x, b.y - 27, 21, 27).contains(x, y);
        }
        if (!mark) assertThat(page).as("pixel (%d, %d)", x, y).contains(img.getRGB(x, y) & 0xFFFFFF);
      }
    }
    assertThat(Files.list(tmp.resolve("marked_images/mind2web_som_test_task"))).hasSize(1);
  }

  @Test
  void nothingIsSavedWhenSamplesAreNotLogged() {
    TaskContext context = FixtureDocs.context("mind2web_som_test_task", null);
    Map<String, TaskFunction> f = FixtureDocs.functions(new Mind2WebFunctions(), context);
    List<Doc> docs = FixtureDocs.processed(FixtureDocs.read("osunlp/Multimodal-Mind2Web", "test_task-*.parquet"),
        (TaskFunction.ProcessDocs) f.get("utils.mind2web_process_docs"));
    ((TaskFunction.DocToVisual) f.get("utils.mind2web_som_doc_to_visual")).apply(docs.get(0), null);
    assertThat(tmp.resolve("marked_images")).doesNotExist();
  }
}
