package dev.magmaeval.harness.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --seed} as lmms-eval's {@code _int_or_none_list_arg_type(3, 4, "0,1234,1234,1234")}: one value sets all
 * four seeds; three or four comma values are allowed (a missing fourth takes its default); {@code None} unsets.
 */
final class Seeds {
  private static final List<Integer> DEFAULTS = List.of(0, 1234, 1234, 1234);

  private Seeds() {}

  static List<Integer> parse(String value) {
    List<Integer> items = new ArrayList<>();
    for (String part : value.split(",", -1)) items.add(parseOne(part));
    if (items.size() == 1) return new ArrayList<>(java.util.Collections.nCopies(4, items.get(0)));
    if (items.size() < 3 || items.size() > 4) {
      throw new IllegalArgumentException("--seed needs 1, 3 or 4 integers (or None), separated by ',': got '" + value + "'");
    }
    while (items.size() < 4) items.add(DEFAULTS.get(items.size()));
    return items;
  }

  private static Integer parseOne(String s) {
    String v = s.strip().toLowerCase(Locale.ROOT);
    if (v.equals("none")) return null;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed: '" + s.strip() + "' is not an integer or None");
    }
  }
}
