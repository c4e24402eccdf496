package dev.magmaeval.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One line of a {@code *_samples_<task>.jsonl} file (compat spec §3.4).
 *
 * @param output {@code filtered_resps} as text (a string as is; a list, as JSON)
 * @param rawOutput {@code resps} when the file has it (it differs from {@code filtered_resps}), else null
 * @param input the prompt text ({@code input}), or null
 * @param fields the per-doc values that {@code process_results} returned, by metric name (numbers, booleans or dicts)
 */
public record SampleLine(long docId, String target, String output, String rawOutput, String input,
    Map<String, JsonNode> fields) {

  public SampleLine {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * The per-doc score of a metric: a number, a boolean as 0/1, or the {@code score} of a dict (POPE, MME and MVBench
   * return dicts; lmms-eval's CLT stderr reads the same field), else the dict's boolean {@code is_correct} (BLINK).
   * Empty when the value is none of these.
   */
  public OptionalDouble score(String metric) {
    JsonNode v = fields.get(metric);
    if (v == null) {
      return OptionalDouble.empty();
    }
    if (v.isObject()) {
      v = v.has("score") ? v.get("score") : v.get("is_correct");
      if (v == null) {
        return OptionalDouble.empty();
      }
    }
    if (v.isBoolean()) {
      return OptionalDouble.of(v.asBoolean() ? 1 : 0);
    }
    return v.isNumber() ? OptionalDouble.of(v.doubleValue()) : OptionalDouble.empty();
  }
}
