package dev.magmaeval.harness.task;

import java.util.ArrayList;
import java.util.List;

/**
 * lmms-eval's {@code api/reasoning.py}: {@code --reasoning_tags} (a JSON list of [start, end] pairs, or {@code
 * none}) and the stripping of those blocks from filtered responses before scoring.
 */
public final class ReasoningTags {
  private ReasoningTags() {}

  /** The CLI default since lmms-eval v0.7. */
  public static final String DEFAULT = "[[\"<think>\",\"</think>\"],[\"<analysis>\",\"</analysis>\"]]";

  /** Parses the JSON form; {@code none} gives null (disabled). */
  public static List<List<String>> parse(String json) {
    if (json == null || json.equals("none")) return null;
    try {
      Object v = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
      List<List<String>> out = new ArrayList<>();
      if (!(v instanceof List<?> pairs)) throw new IllegalArgumentException("not a list");
      for (Object p : pairs) {
        if (!(p instanceof List<?> pair) || pair.size() != 2) throw new IllegalArgumentException("pairs needed");
        out.add(List.of(String.valueOf(pair.get(0)), String.valueOf(pair.get(1))));
      }
      return out;
    } catch (Exception e) {
      throw new IllegalArgumentException("--reasoning_tags must be a JSON list of [start, end] pairs or 'none', got "
          + json);
    }
  }

  /** {@code strip_reasoning_tags}: remove each start..end block, keep the text after a lone end tag, strip. */
  public static String strip(String text, List<List<String>> pairs) {
    String result = text;
    for (List<String> pair : pairs) {
      String start = pair.get(0);
      String end = pair.get(1);
      while (result.contains(start) && result.contains(end)) {
        int s = result.indexOf(start);
        int e = result.indexOf(end, s);
        if (s != -1 && e != -1) result = result.substring(0, s) + result.substring(e + end.length());
        else break;
      }
      if (result.contains(end) && !result.contains(start)) {
        result = result.substring(result.lastIndexOf(end) + end.length());
      }
    }
    return dev.magmaeval.metrics.py.PyStr.strip(result);
  }
}
