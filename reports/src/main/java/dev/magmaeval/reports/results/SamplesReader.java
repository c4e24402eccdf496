package dev.magmaeval.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.reports.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Streams a samples JSONL file line by line, so that large tasks need not fit in memory. */
public final class SamplesReader {

  /** Fields that lmms-eval writes on every line (v0.3 to v0.7); all other fields are per-doc metric values. */
  private static final Set<String> KNOWN = Set.of("doc_id", "target", "resps", "filtered_resps", "token_counts",
      "doc_hash", "input_media", "input", "doc", "arguments", "prompt_hash", "target_hash");

  private SamplesReader() {}

  /** Calls {@code sink} for each line in file order; blank lines are skipped. */
  public static void read(Path file, Consumer<SampleLine> sink) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int lineNumber = 0;
      while ((text = in.readLine()) != null) {
        lineNumber++;
        if (!text.isBlank()) {
          sink.accept(parse(file, lineNumber, text));
        }
      }
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  static SampleLine parse(Path file, int lineNumber, String text) {
    JsonNode node = Json.parseLine(file, lineNumber, text);
    String where = file + ":" + lineNumber;
    if (!node.isObject()) {
      throw new BadInputException(where + ": expected a JSON object");
    }
    JsonNode docId = node.get("doc_id");
    if (docId == null || !docId.canConvertToLong()) {
      throw new BadInputException(where + ": doc_id: " + (docId == null ? "missing" : "expected an integer"));
    }
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    node.properties().forEach(e -> {
      if (!KNOWN.contains(e.getKey())) {
        fields.put(e.getKey(), e.getValue());
      }
    });
    return new SampleLine(docId.asLong(), text(node.get("target")), text(node.get("filtered_resps")),
        node.has("resps") ? text(node.get("resps")) : null, text(node.get("input")), fields);
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.asText() : node.toString();
  }
}
