package dev.magmaeval.tasks.som;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Marks drawn with the built-in digit font read back from their pixels. */
class MarkPainterTest {

  @Test
  void everyDigitReadsBack() {
    BufferedImage img = white(400, 60);
    List<Mark> marks = List.of(new Mark(1234567890, new Box(10, 30, 390, 58)));
    MarkPainter.paint(img, marks);
    Rectangle label = MarkPainter.label(marks.get(0), MarkPainter.Style.of(400, 60), 400, 60);
    assertThat(MarkReader.readLabel(img, label.x, label.y, 2)).isEqualTo(1234567890);
  }

  @Test
  void outlinesAndLabelsSitOnTheirBoxes() {
    BufferedImage img = white(640, 480);
    Box low = new Box(100, 200, 300, 260);
    Box top = new Box(400.4, 0, 600.6, 40);
    List<Mark> marks = List.of(new Mark(12, low), new Mark(3, top));
    MarkPainter.paint(img, marks);
    MarkPainter.Style style = MarkPainter.Style.of(640, 480);
    assertThat(style).isEqualTo(new MarkPainter.Style(2, 2));

    // room above: the label's bottom edge touches the box's top edge
    Rectangle lowPx = new Rectangle(100, 200, 200, 60);
    assertThat(MarkReader.outlineColor(img, lowPx, null)).isEqualTo(MarkPainter.color(12));
    int labelH = 9 * style.scale();
    assertThat(img.getRGB(100, 200 - labelH) & 0xFFFFFF).isEqualTo(MarkPainter.color(12));
    assertThat(img.getRGB(100, 200 - labelH - 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(MarkReader.readLabel(img, 100, 200 - labelH, 2)).isEqualTo(12);

    // no room above: the label sits inside the box, at its top-left corner
    Rectangle topPx = new Rectangle(400, 0, 201, 40);
    Rectangle topLabel = MarkPainter.label(marks.get(1), style, 640, 480);
    assertThat(topLabel.getLocation()).isEqualTo(new java.awt.Point(400, 0));
    assertThat(MarkReader.outlineColor(img, topPx, topLabel)).isEqualTo(MarkPainter.color(3));
    assertThat(MarkReader.readLabel(img, 400, 0, 2)).isEqualTo(3);

    // inside the outlines the page is untouched
    assertThat(img.getRGB(200, 230) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(img.getRGB(500, 20) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }

  @Test
  void boxesOffTheImageAreClippedAndLabelsKeptInside() {
    BufferedImage img = white(200, 100);
    MarkPainter.paint(img, List.of(new Mark(7, new Box(180, -20, 260, 50))));
    Rectangle l = MarkPainter.label(new Mark(7, new Box(180, -20, 260, 50)), MarkPainter.Style.of(200, 100), 200, 100);
    assertThat(l.x + l.width).isLessThanOrEqualTo(200);
    assertThat(MarkReader.readLabel(img, l.x, l.y, 2)).isEqualTo(7);
  }

  @Test
  void onlyRgbCanvases() {
    assertThatThrownBy(() -> MarkPainter.paint(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), List.of()))
        .hasMessageContaining("TYPE_INT_RGB");
  }

  static BufferedImage white(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) img.setRGB(x, y, 0xFFFFFF);
    }
    return img;
  }
}
