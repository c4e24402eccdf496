package dev.magmaeval.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.reports.cli.ReportCommand;
import dev.magmaeval.reports.testing.Chromium;
import dev.magmaeval.reports.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in a real browser (headless Chromium, offline, from a file: URL): it loads without console errors,
 * sorting a column reorders the rows, the charts decode, and model outputs holding HTML are shown as text.
 */
class ReportPageBrowserTest {

  private static final String HOW_TO_INSTALL = "chromium not found on PATH: the report page is checked in headless "
      + "Chromium; install Debian's package (apt-get install -y chromium), never a downloaded browser";

  @TempDir static Path dir;
  private static Chromium browser;

  @BeforeAll
  static void open() throws Exception {
    Optional<Path> binary = Chromium.find();
    if (binary.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail(HOW_TO_INSTALL);
      }
      Assumptions.abort(HOW_TO_INSTALL + " (skipped outside CI)");
    }
    Path out = dir.resolve("report");
    Fixtures.Console console = new Fixtures.Console(Fixtures.repositoryRoot());
    int code = new ReportCommand().run(new String[] {Fixtures.runA().toString(), Fixtures.runB().toString(),
        "--published", "configs/published/magma-paper.yaml", "--out", out.toString()}, console.environment());
    assertThat(code).as(console.err()).isZero();

    browser = Chromium.start(binary.get(), dir.resolve("profile"));
    browser.call("Runtime.enable", Map.of());
    browser.call("Log.enable", Map.of());
    browser.call("Page.enable", Map.of());
    browser.call("Page.navigate", Map.of("url", out.resolve("index.html").toUri().toString()));
    browser.awaitEvent("Page.loadEventFired");
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
    return out;
  }

  @Test
  void loadsWithoutConsoleErrors() throws Exception {
    assertThat(browser.evaluate("document.title").asText()).isEqualTo("magma-eval report");
    browser.evaluate("1"); // a round trip, so that events of the load have arrived
    List<String> errors = new ArrayList<>();
    for (JsonNode e : browser.events()) {
      String method = e.path("method").asText();
      JsonNode p = e.path("params");
      if (method.equals("Runtime.exceptionThrown")
          || method.equals("Runtime.consoleAPICalled") && List.of("error", "assert").contains(p.path("type").asText())
          || method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
        errors.add(e.toString());
      }
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void clickingAColumnHeaderSortsTheRows() throws Exception {
    String column = "document.querySelector('th[data-column=\"vqav2_val/exact_match,none\"]')";
    String values = "Array.from(document.querySelectorAll('#leaderboard-table tbody tr')).map(r => "
        + "r.cells[" + column + ".cellIndex].getAttribute('data-value') || null)";
    String labels = "Array.from(document.querySelectorAll('#leaderboard-table tbody tr')).map(r => r.cells[0].textContent)";
    List<String> before = strings(browser.evaluate(labels));
    JsonNode box = browser.evaluate("(() => { const th = " + column + "; th.scrollIntoView({block: 'center', "
        + "inline: 'center'}); const r = th.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()");

    browser.click(box.get(0).asDouble(), box.get(1).asDouble());

    assertThat(browser.evaluate(column + ".getAttribute('aria-sort')").asText()).isEqualTo("descending");
    List<String> after = strings(browser.evaluate(labels));
    assertThat(after).isNotEqualTo(before).containsExactlyInAnyOrderElementsOf(before);
    List<Double> numbers = new ArrayList<>();
    strings(browser.evaluate(values)).stream().filter(v -> v != null).forEach(v -> numbers.add(Double.valueOf(v)));
    assertThat(numbers).hasSizeGreaterThanOrEqualTo(10).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(strings(browser.evaluate(values)).subList(0, numbers.size())).doesNotContainNull(); // empty cells last

    browser.click(box.get(0).asDouble(), box.get(1).asDouble());

    assertThat(browser.evaluate(column + ".getAttribute('aria-sort')").asText()).isEqualTo("ascending");
    List<Double> ascending = new ArrayList<>();
    strings(browser.evaluate(values)).stream().filter(v -> v != null).forEach(v -> ascending.add(Double.valueOf(v)));
    assertThat(ascending).isSorted();
  }

  @Test
  void chartsArePresentAndDecoded() throws Exception {
    JsonNode charts = browser.evaluate("Array.from(document.querySelectorAll('img.chart')).map(i => "
        + "i.complete && i.naturalWidth > 0 && i.naturalHeight > 0)");
    assertThat(charts.size()).isEqualTo(9);
    charts.forEach(decoded -> assertThat(decoded.asBoolean()).isTrue());
    assertThat(browser.evaluate("!!document.getElementById('chart-platforms-screenspot_rec_test_screenspot_Center_ACC_none')")
        .asBoolean()).isTrue();
  }

  @Test
  void modelOutputsWithHtmlAreShownAsText() throws Exception {
    String outputs = "Array.from(document.querySelectorAll('td.output')).map(td => td.textContent)";
    assertThat(strings(browser.evaluate(outputs))).contains("<script>window.__xss = 1</script>",
        "<img src=x onerror=\"window.__xss=2\">");
    assertThat(browser.evaluate("typeof window.__xss").asText()).isEqualTo("undefined");
    assertThat(browser.evaluate("document.scripts.length").asInt()).isEqualTo(1);
    assertThat(browser.evaluate("document.querySelectorAll('img:not(.chart)').length").asInt()).isZero();
  }

  @Test
  void publishedRowsCanBeHidden() throws Exception {
    String visible = "Array.from(document.querySelectorAll('#leaderboard-table tr.published'))"
        + ".filter(r => r.offsetParent !== null).length";
    assertThat(browser.evaluate(visible).asInt()).isPositive();
    browser.evaluate("(() => { const t = document.getElementById('toggle-published'); t.click(); })()");
    assertThat(browser.evaluate(visible).asInt()).isZero();
    browser.evaluate("document.getElementById('toggle-published').click()");
    assertThat(browser.evaluate(visible).asInt()).isPositive();
  }
}
