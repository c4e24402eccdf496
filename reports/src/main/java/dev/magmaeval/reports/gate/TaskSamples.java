package dev.magmaeval.reports.gate;

import dev.magmaeval.reports.results.SampleLine;
import dev.magmaeval.reports.results.SamplesReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One run's samples of one task, reduced to what the gate needs: per doc, in file order, the scorable per-doc values
 * and short target/output texts for the sample diff.
 *
 * <p>A task with several filters writes one line per doc and filter and no filter field (compat spec §3.4); lmms-eval
 * loops filters outside docs, so the k-th line of a doc belongs to the k-th filter in results order.
 */
final class TaskSamples {

  private static final int TEXT_LIMIT = 300;

  /** One line of one doc. */
  record DocLine(String target, String output, Map<String, Double> scores) {}

  private final Map<Long, List<DocLine>> byDoc;

  private TaskSamples(Map<Long, List<DocLine>> byDoc) {
    this.byDoc = byDoc;
  }

  static TaskSamples read(Path file) {
    Map<Long, List<DocLine>> byDoc = new LinkedHashMap<>();
    SamplesReader.read(file, line -> byDoc.computeIfAbsent(line.docId(), d -> new ArrayList<>(1)).add(reduce(line)));
    return new TaskSamples(byDoc);
  }

  private static DocLine reduce(SampleLine line) {
    Map<String, Double> scores = new HashMap<>();
    for (String field : line.fields().keySet()) {
      OptionalDouble s = line.score(field);
      if (s.isPresent()) {
        scores.put(field, s.getAsDouble());
      }
    }
    return new DocLine(clip(line.target()), clip(line.output()), scores);
  }

  private static String clip(String s) {
    return s == null || s.length() <= TEXT_LIMIT ? s : s.substring(0, TEXT_LIMIT) + "\u2026";
  }

  Map<Long, List<DocLine>> byDoc() {
    return byDoc;
  }

  /** The line of {@code doc} for the filter at {@code filterIndex} of {@code filterCount}, or null. */
  DocLine line(long doc, int filterIndex, int filterCount) {
    List<DocLine> lines = byDoc.get(doc);
    return lines == null || lines.size() != filterCount ? null : lines.get(filterIndex);
  }
}
