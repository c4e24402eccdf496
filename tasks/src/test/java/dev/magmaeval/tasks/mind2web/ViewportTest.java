package dev.magmaeval.tasks.mind2web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.tasks.som.Box;
import org.junit.jupiter.api.Test;

/** Which part of a tall page the model sees. */
class ViewportTest {

  @Test
  void aShortPageIsSeenWhole() {
    assertThat(Viewport.around(new Box(10, 900, 50, 950), 1280, 1000)).isEqualTo(new Viewport(0, 1280, 1000));
    assertThat(new Viewport(0, 1280, 1000).isWholePage(1000)).isTrue();
  }

  @Test
  void theFirstWindowHoldingTheWholeTargetIsTaken() {
    assertThat(Viewport.around(new Box(0, 1300, 100, 1340), 1280, 5000).top()).isEqualTo(0);
    assertThat(Viewport.around(new Box(0, 1300, 100, 1350), 1280, 5000).top()).isEqualTo(1008);
    assertThat(Viewport.around(new Box(0, 3000, 100, 3100), 1280, 5000).top()).isEqualTo(2016);
  }

  @Test
  void theLastWindowEndsAtTheBottomOfThePage() {
    Viewport v = Viewport.around(new Box(0, 2500, 100, 2550), 1280, 2600);
    assertThat(v).isEqualTo(new Viewport(1256, 1280, 1344));
    assertThat(v.fromPage(new Box(0, 2500, 100, 2550))).isEqualTo(new Box(0, 1244, 100, 1294));
  }

  @Test
  void aTargetTallerThanAWindowIsSeenAroundItsCentre() {
    assertThat(Viewport.around(new Box(0, 100, 100, 3100), 1280, 5000).top()).isEqualTo(1008);
  }
}
