package dev.magmaeval.reports.leaderboard;

import dev.magmaeval.reports.published.PublishedCell;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code leaderboard.csv}: one row per run × task × metric, values as written in the results file, and the
 * published value (in the results file's unit), its setting and source, and the delta where there is one.
 */
public final class LeaderboardCsv {

  static final String[] HEADER = {"run", "task", "alias", "metric", "filter", "value", "stderr", "n_samples",
      "published_model", "published_value", "published_paper_value", "published_setting", "published_source", "delta"};

  private LeaderboardCsv() {}

  public static void write(Leaderboard board, Path file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(out, format)) {
      for (RunRow row : board.runs()) {
        for (Column column : board.columns()) {
          Cell cell = row.cells().get(column.id());
          if (cell == null) {
            continue;
          }
          PublishedCell ref = cell.published();
          csv.printRecord(row.run().label(), column.task(), column.alias(), column.key().metric(), column.key().filter(),
              cell.metric().value().text(),
              cell.metric().stderr() != null ? cell.metric().stderr().text() : blank(cell.metric().rawStderr()),
              cell.samples() == null ? "" : cell.samples(),
              ref == null ? "" : ref.model().label(),
              ref == null ? "" : ref.resultsValue().toPlainString(),
              ref == null ? "" : ref.paperValue().toPlainString(),
              ref == null ? "" : ref.fineTuned() ? "fine-tuned" : "zero-shot",
              ref == null ? "" : ref.source(),
              cell.delta() == null ? "" : Deltas.format(cell.delta()));
        }
      }
    }
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }
}
