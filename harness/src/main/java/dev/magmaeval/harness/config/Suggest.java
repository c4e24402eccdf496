package dev.magmaeval.harness.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" candidates for a misspelled name: by edit distance, then shared prefix. */
public final class Suggest {
  private Suggest() {}

  public static List<String> closest(String name, List<String> candidates, int max) {
    record Scored(String name, double score) {}
    List<Scored> scored = new ArrayList<>();
    String lower = name.toLowerCase();
    for (String c : candidates) {
      String cl = c.toLowerCase();
      int d = distance(lower, cl);
      double norm = (double) d / Math.max(lower.length(), cl.length());
      boolean related = norm <= 0.4 || cl.startsWith(lower) || lower.startsWith(cl) || cl.contains(lower);
      if (related) scored.add(new Scored(c, norm - (cl.startsWith(lower) ? 0.5 : 0)));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).thenComparing(Scored::name));
    return scored.stream().limit(max).map(Scored::name).toList();
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
