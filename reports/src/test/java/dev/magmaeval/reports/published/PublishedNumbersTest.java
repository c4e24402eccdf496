package dev.magmaeval.reports.published;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.reports.results.MetricKey;
import dev.magmaeval.reports.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every cell of configs/published/magma-paper.yaml against the paper's tables, as copied (verbatim, with its source
 * noted) into the test resource published/magma-paper-tables.md; and every number of those tables is in the YAML.
 */
class PublishedNumbersTest {

  private static final Pattern HEADING = Pattern.compile("^### Table (\\d+)");
  private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?\\*?$");

  /** A markdown table: its header and rows of cells ("**" removed). */
  record MdTable(List<String> header, List<List<String>> rows) {}

  private static Map<String, MdTable> tables;
  private static PublishedNumbers published;

  @BeforeAll
  static void read() throws IOException {
    tables = new LinkedHashMap<>();
    String current = null;
    for (String line : Files.readAllLines(Fixtures.resource("/published/magma-paper-tables.md"))) {
      Matcher m = HEADING.matcher(line);
      if (m.find()) {
        current = m.group(1);
        tables.put(current, new MdTable(new ArrayList<>(), new ArrayList<>()));
      } else if (current != null && line.startsWith("|")) {
        List<String> cells = new ArrayList<>();
        for (String c : line.substring(1, line.length() - 1).split("\\|", -1)) {
          cells.add(c.replace("**", "").trim());
        }
        MdTable t = tables.get(current);
        if (t.header().isEmpty()) {
          t.header().addAll(cells);
        } else if (!cells.get(0).matches("-+")) {
          t.rows().add(cells);
        }
      }
    }
    published = PublishedReader.read(Fixtures.publishedPaperFile());
  }

  /** The row label the YAML uses: the first cell, plus " | second cell" where the first cell repeats. */
  private static String label(MdTable table, List<String> row) {
    long same = table.rows().stream().filter(r -> r.get(0).equals(row.get(0))).count();
    return same > 1 ? row.get(0) + " | " + row.get(1) : row.get(0);
  }

  /** The numbers inside a cell: "60.4/58.5" has two parts, "n/a" and "–" none. */
  private static List<String> parts(String cell) {
    List<String> parts = new ArrayList<>();
    for (String p : cell.replace("n/a", "NA").split("/")) {
      parts.add(p.trim());
    }
    return parts;
  }

  @Test
  void theCopiedTablesAreTheSevenOfThePaper() {
    assertThat(tables.keySet()).containsExactly("2", "3", "4", "5", "6", "7", "8");
    assertThat(tables.get("2").rows()).hasSize(12);
    assertThat(tables.get("8").rows()).hasSize(12);
  }

  @Test
  void everyCellEqualsTheNumberInItsTableRowAndColumn() {
    assertThat(published.cells()).hasSize(399);
    for (PublishedCell cell : published.cells()) {
      MdTable table = tables.get(cell.table().id());
      List<List<String>> rows = table.rows().stream().filter(r -> label(table, r).equals(cell.row())).toList();
      assertThat(rows).as("row %s of table %s", cell.row(), cell.table().id()).hasSize(1);
      int column = table.header().indexOf(cell.column());
      assertThat(column).as("column %s of table %s", cell.column(), cell.table().id()).isPositive();
      List<String> parts = parts(rows.get(0).get(column));
      String text = cell.part() == 0 ? rows.get(0).get(column) : parts.get(cell.part() - 1);
      assertThat(cell.part() == 0).as("a single number in %s", cell.source()).isEqualTo(parts.size() == 1);
      boolean starred = text.endsWith("*");
      assertThat(cell.paperValue().toPlainString()).as(cell.source()).isEqualTo(starred ? text.substring(0, text.length() - 1) : text);
      assertThat(cell.note() != null && cell.note().contains("evaluated by the Magma authors")).as(cell.source()).isEqualTo(starred);
    }
  }

  @Test
  void everyNumberOfTheTablesIsInTheFile() {
    Set<String> covered = new HashSet<>();
    published.cells().forEach(c -> covered.add(c.table().id() + "|" + c.row() + "|" + c.column() + "|" + c.part()));
    int numbers = 0;
    for (Map.Entry<String, MdTable> t : tables.entrySet()) {
      for (List<String> row : t.getValue().rows()) {
        for (int col = 1; col < row.size(); col++) {
          List<String> parts = parts(row.get(col));
          for (int p = 0; p < parts.size(); p++) {
            if (NUMBER.matcher(parts.get(p)).matches()) {
              numbers++;
              String key = t.getKey() + "|" + label(t.getValue(), row) + "|" + t.getValue().header().get(col) + "|"
                  + (parts.size() == 1 ? 0 : p + 1);
              assertThat(covered).as("table %s: %s", t.getKey(), key).contains(key);
            }
          }
        }
      }
    }
    assertThat(numbers).isEqualTo(399);
  }

  @Test
  void tablesFromFineTunedCheckpointsAreMarked() {
    Map<String, Boolean> fineTuned = new LinkedHashMap<>();
    published.cells().forEach(c -> fineTuned.put(c.table().id(), c.fineTuned()));
    assertThat(fineTuned).containsExactlyInAnyOrderEntriesOf(
        Map.of("2", false, "3", false, "4", true, "5", true, "6", false, "7", true, "8", true));
  }

  @Test
  void mapsPaperPercentsToTheResultsFilesUnits() {
    PublishedModel magma = published.model("magma-8b").orElseThrow();

    PublishedCell vqa = published.reference(magma, "vqav2_val", MetricKey.parse("exact_match,none")).orElseThrow();
    assertThat(vqa.resultsValue().toPlainString()).isEqualTo("0.8");
    assertThat(vqa.fineTuned()).isFalse();
    assertThat(vqa.source()).isEqualTo("Table 2, row \"Magma-8B\", column \"VQAv2\"");
    PublishedCell grounding = published.reference(magma, "visualwebbench_element_ground", MetricKey.parse("accuracy,none"))
        .orElseThrow();
    assertThat(grounding.resultsValue().toPlainString()).isEqualTo("96.3"); // VisualWebBench stores 0-100
    PublishedCell mobileIcon = published.reference(magma, "screenspot_rec_test",
        MetricKey.parse("screenspot_Center_ACC-mobile_icon,none")).orElseThrow();
    assertThat(mobileIcon.resultsValue().toPlainString()).isEqualTo("0.585");
  }

  @Test
  void aMetricOnlyPublishedForAFineTunedVariantIsTheVariantsAndSaysSo() {
    PublishedModel magma = published.model("magma-8b").orElseThrow();

    PublishedCell gqa = published.reference(magma, "gqa", MetricKey.parse("exact_match,none")).orElseThrow();
    assertThat(gqa.model().id()).isEqualTo("magma-8b-sft820k");
    assertThat(gqa.fineTuned()).isTrue();
    assertThat(gqa.resultsValue().toPlainString()).isEqualTo("0.64");
    PublishedCell mme = published.reference(magma, "mme", MetricKey.parse("mme_perception_score,none")).orElseThrow();
    assertThat(mme.resultsValue().toPlainString()).isEqualTo("1588.7");
    PublishedCell step = published.reference(magma, "mind2web_test_domain", MetricKey.parse("step_success_rate,none"))
        .orElseThrow();
    assertThat(step.resultsValue().toPlainString()).isEqualTo("0.473");
    assertThat(published.cell(magma, "gqa", MetricKey.parse("exact_match,none"))).isEmpty();
  }

  @Test
  void runsAreMatchedToModelsByName() {
    assertThat(published.modelFor(List.of("models__magma-8b-onnx")).id()).isEqualTo("magma-8b");
    assertThat(published.modelFor(List.of("microsoft/Magma-8B")).id()).isEqualTo("magma-8b");
    assertThat(published.modelFor(List.of("llava-hf/llava-1.5-7b")).id()).isEqualTo("magma-8b"); // the reference
    assertThat(published.referenceModel().checkpoint()).isEqualTo("released");
  }
}
