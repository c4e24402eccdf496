package dev.magmaeval.reports.gate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code sample-diff.md}: per task metric, every doc that flipped from right to wrong and back (or got worse or
 * better, for scores that are not 0/1), with the target and both outputs for the first {@code detailLimit} of each.
 */
public final class SampleDiff {

  private SampleDiff() {}

  public static String render(GateResult r, int detailLimit) {
    StringBuilder b = new StringBuilder("# Per-sample diff\n\nrun `").append(r.runLabel()).append("` vs baseline `")
        .append(r.baselineLabel()).append("`\n");
    if (r.flips().isEmpty()) {
      b.append("\nNo task has samples in both runs (run with --log_samples to get a per-sample diff).\n");
    }
    for (FlipSet f : r.flips()) {
      b.append("\n## ").append(f.task()).append(" `").append(f.key().key()).append("`\n\n").append(f.paired())
          .append(" docs scored in both runs.\n");
      section(b, f.binary() ? "right \u2192 wrong" : "worse", f.worse(), detailLimit);
      section(b, f.binary() ? "wrong \u2192 right" : "better", f.better(), detailLimit);
    }
    return b.toString();
  }

  private static void section(StringBuilder b, String title, List<Pairing.Pair> pairs, int limit) {
    b.append("\n### ").append(title).append(" (").append(pairs.size()).append(")\n\n");
    if (pairs.isEmpty()) {
      return;
    }
    b.append("doc_id: ").append(pairs.stream().map(p -> String.valueOf(p.docId())).collect(Collectors.joining(", ")))
        .append("\n\n| doc_id | target | baseline output | score | run output | score |\n|---|---|---|---|---|---|\n");
    for (Pairing.Pair p : pairs.subList(0, Math.min(limit, pairs.size()))) {
      b.append("| ").append(p.docId()).append(" | ").append(code(p.nowLine().target())).append(" | ")
          .append(code(p.baselineLine().output())).append(" | ").append(num(p.baseline())).append(" | ")
          .append(code(p.nowLine().output())).append(" | ").append(num(p.now())).append(" |\n");
    }
    if (pairs.size() > limit) {
      b.append("\n(").append(pairs.size() - limit).append(" more not shown)\n");
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** Model text inside a table cell: no pipes, no newlines, no HTML (GitHub renders some HTML in Markdown). */
  private static String code(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
        .replace("\r", " ").replace("\n", " ");
  }
}
