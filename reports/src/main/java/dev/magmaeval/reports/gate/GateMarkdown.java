package dev.magmaeval.reports.gate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The gate's Markdown summary, fit for a CI job summary ({@code $GITHUB_STEP_SUMMARY}). */
public final class GateMarkdown {

  private GateMarkdown() {}

  public static String render(GateResult r) {
    StringBuilder b = new StringBuilder();
    long failed = r.failures();
    long skipped = r.checks().stream().filter(c -> c.status() == Check.Status.SKIP).count();
    b.append(r.passed() ? "## eval gate: PASSED" : "## eval gate: FAILED").append(" (").append(r.checks().size())
        .append(" checks, ").append(failed).append(" failed, ").append(skipped).append(" skipped)\n\n");
    b.append("- run: `").append(r.runLabel()).append("`\n- baseline: `").append(r.baselineLabel()).append("`\n")
        .append("- policy: ").append(r.policy().file() == null ? "built-in (1% relative drop, \u03b1 = 0.05)"
            : "`" + r.policy().file() + "`").append("\n\n");
    b.append("| | task | metric | baseline | run | \u0394 | allowed drop | p | test | verdict |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    // failures first, so that a long table still shows them at the top
    List<Check> ordered = new ArrayList<>(r.checks());
    ordered.sort(Comparator.comparing(c -> c.status() != Check.Status.FAIL));
    for (Check c : ordered) {
      b.append("| ").append(c.status() == Check.Status.FAIL ? "**FAIL**" : c.status() == Check.Status.PASS ? "pass" : "skip")
          .append(" | ").append(cell(c.task())).append(" | `").append(cell(c.key().key())).append("` | ")
          .append(c.baseline() == null ? "" : cell(c.baseline().text())).append(" | ")
          .append(c.now() == null ? "\u2014" : cell(c.now().text())).append(" | ")
          .append(Double.isNaN(c.drop()) ? "" : delta(c)).append(" | ")
          .append(Double.isNaN(c.allowed()) ? "" : GateEvaluator.fmt(new BigDecimal(c.allowed()))).append(" | ")
          .append(c.significance() == null || !c.significance().tested() ? "" : GateEvaluator.pValue(c.significance().pValue()))
          .append(" | ").append(c.significance() == null ? "" : cell(c.significance().test() + " (" + c.significance().detail() + ")"))
          .append(" | ").append(cell(c.reason())).append(" |\n");
    }
    if (!r.flips().isEmpty()) {
      b.append("\n### Per-sample changes\n\n| task | metric | docs paired | worse | better |\n|---|---|---|---|---|\n");
      for (FlipSet f : r.flips()) {
        b.append("| ").append(cell(f.task())).append(" | `").append(cell(f.key().key())).append("` | ").append(f.paired())
            .append(" | ").append(f.worse().size()).append(f.binary() ? " right\u2192wrong" : "")
            .append(" | ").append(f.better().size()).append(f.binary() ? " wrong\u2192right" : "").append(" |\n");
      }
      b.append("\nThe docs are listed in `sample-diff.md`.\n");
    }
    return b.toString();
  }

  /** Δ = run − baseline, exact on the written values. */
  private static String delta(Check c) {
    BigDecimal d = new BigDecimal(c.now().text()).subtract(new BigDecimal(c.baseline().text()));
    String s = GateEvaluator.fmt(d);
    return d.signum() > 0 ? "+" + s : s;
  }

  /** Escapes what would break a Markdown table cell. */
  static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
