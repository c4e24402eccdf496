package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lmms-eval's filter registry ({@code lmms_eval/filters/__init__.py}), per doc: each step maps the doc's responses
 * (a list, one per repeat) to the next value. {@code take_first} ends most pipelines with a single response.
 */
final class BuiltinFilters {
  private BuiltinFilters() {}

  static final Map<String, TaskFunction.FilterFactory> REGISTRY = new LinkedHashMap<>();

  static {
    REGISTRY.put("take_first", kwargs -> (resps, doc) -> {
      List<?> l = asList(resps);
      return l.isEmpty() ? "" : l.get(0);
    });
    REGISTRY.put("take_first_k", kwargs -> {
      int k = ((Number) kwargs.get("k")).intValue();
      return (resps, doc) -> {
        List<?> l = asList(resps);
        if (l.size() < k) {
          throw new IllegalArgumentException("take_first_k needs at least " + k + " responses per doc, got "
              + l.size() + "; increase repeats");
        }
        return new ArrayList<>(l.subList(0, k));
      };
    });
    REGISTRY.put("majority_vote", kwargs -> (resps, doc) -> {
      Map<Object, Integer> counts = new LinkedHashMap<>();
      for (Object r : asList(resps)) counts.merge(r, 1, Integer::sum);
      Object best = null;
      int bestCount = 0;
      for (Map.Entry<Object, Integer> e : counts.entrySet()) {
        if (e.getValue() > bestCount) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      return new ArrayList<>(java.util.Collections.singletonList(best));
    });
    REGISTRY.put("remove_whitespace", kwargs -> (resps, doc) -> {
      List<Object> out = new ArrayList<>();
      for (Object r : asList(resps)) {
        String s = (String) r;
        out.add(s.startsWith(" ") ? s.substring(1) : s);
      }
      return out;
    });
    REGISTRY.put("lowercase", kwargs -> (resps, doc) -> mapStrings(resps, PyStr::lower));
    REGISTRY.put("uppercase", kwargs -> (resps, doc) -> mapStrings(resps, PyStr::upper));
    REGISTRY.put("map", kwargs -> {
      Object mapping = kwargs.getOrDefault("mapping_dict", Map.of());
      if (!(mapping instanceof Map<?, ?> m)) throw new IllegalArgumentException("map filter: mapping_dict must be a dict");
      Object fallback = kwargs.get("default_value");
      return (resps, doc) -> {
        List<Object> out = new ArrayList<>();
        for (Object r : asList(resps)) out.add(m.containsKey(r) ? m.get(r) : fallback);
        return out;
      };
    });
    REGISTRY.put("regex", BuiltinFilters::regex);
  }

  /** {@code RegexFilter}: {@code re.findall}, the {@code group_select}-th match, first non-empty group, stripped. */
  static TaskFunction.Filter regex(Map<String, Object> kwargs) {
    String pattern = (String) kwargs.getOrDefault("regex_pattern", "#### (\\-?[0-9\\.\\,]+)");
    int select = ((Number) kwargs.getOrDefault("group_select", 0L)).intValue();
    Object fallback = kwargs.getOrDefault("fallback", "[invalid]");
    Pattern regex = Pattern.compile(pattern, Pattern.UNICODE_CHARACTER_CLASS);
    return (resps, doc) -> {
      List<Object> out = new ArrayList<>();
      for (Object r : asList(resps)) {
        List<String> matches = findall(regex, (String) r);
        if (matches.isEmpty()) {
          out.add(fallback);
          continue;
        }
        int idx = select < 0 ? matches.size() + select : select;
        if (idx < 0 || idx >= matches.size()) {
          throw new IllegalArgumentException("regex filter: group_select " + select + " out of range for "
              + matches.size() + " matches");
        }
        out.add(PyStr.strip(matches.get(idx)));
      }
      return out;
    };
  }

  /** Python's {@code re.findall}: whole matches, the one group, or (for several groups) the first non-empty. */
  static List<String> findall(Pattern regex, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = regex.matcher(text);
    while (m.find()) {
      int groups = m.groupCount();
      if (groups == 0) {
        out.add(m.group());
      } else if (groups == 1) {
        out.add(m.group(1) == null ? "" : m.group(1));
      } else {
        String first = "";
        for (int g = 1; g <= groups; g++) {
          if (m.group(g) != null && !m.group(g).isEmpty()) {
            first = m.group(g);
            break;
          }
        }
        out.add(first);
      }
    }
    return out;
  }

  private static List<?> asList(Object resps) {
    if (resps instanceof List<?> l) return l;
    throw new IllegalArgumentException("this filter needs a list of responses; put it before take_first");
  }

  private static List<Object> mapStrings(Object resps, java.util.function.UnaryOperator<String> f) {
    List<Object> out = new ArrayList<>();
    for (Object r : asList(resps)) out.add(f.apply((String) r));
    return out;
  }
}
