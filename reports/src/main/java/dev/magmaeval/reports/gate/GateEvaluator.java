package dev.magmaeval.reports.gate;

import dev.magmaeval.reports.results.Metric;
import dev.magmaeval.reports.results.MetricKey;
import dev.magmaeval.reports.results.ResultNumber;
import dev.magmaeval.reports.results.Run;
import dev.magmaeval.reports.results.TaskRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a run against a baseline under a policy. A metric fails when its drop exceeds the allowed margin and the
 * drop is significant at the policy's α: paired per-doc scores when both runs logged samples (McNemar for 0/1 scores,
 * else a paired bootstrap), otherwise a z-test on the stderrs. A metric missing from the run fails unless optional.
 */
public final class GateEvaluator {

  private GateEvaluator() {}

  public static GateResult evaluate(Run now, Baseline baseline, GatePolicy policy) {
    Map<String, List<Baseline.Expected>> byTask = new LinkedHashMap<>();
    baseline.metrics().forEach(e -> byTask.computeIfAbsent(e.task(), t -> new ArrayList<>()).add(e));
    List<Check> checks = new ArrayList<>();
    List<FlipSet> flips = new ArrayList<>();
    for (Map.Entry<String, List<Baseline.Expected>> task : byTask.entrySet()) {
      TaskPair samples = TaskPair.load(task.getKey(), baseline.run(), now);
      for (Baseline.Expected expected : task.getValue()) {
        checks.add(check(now, baseline, expected, policy, samples, flips));
      }
    }
    return new GateResult(now.directory().toString(), baseline.label(), policy, checks, flips);
  }

  private static Check check(Run now, Baseline baseline, Baseline.Expected e, GatePolicy policy, TaskPair samples,
      List<FlipSet> flips) {
    MetricPolicy p = policy.resolve(e.task(), e.key());
    if (p.ignore()) {
      return new Check(e.task(), e.key(), Check.Status.SKIP, "ignored by policy (" + p.rule() + ")", e.value(),
          null, Double.NaN, Double.NaN, null, p);
    }
    TaskRow row = now.tasks().get(e.task());
    Metric metric = row == null ? null : row.metric(e.key());
    if (metric == null || !metric.isNumeric()) {
      String what = row == null ? "task missing from the run" : metric == null ? "metric missing from the run"
          : "not a number in the run (" + metric.rawValue() + ")";
      return new Check(e.task(), e.key(), p.required() ? Check.Status.FAIL : Check.Status.SKIP,
          p.required() ? what : what + " (optional)", e.value(), metric == null ? null : metric.value(),
          Double.NaN, Double.NaN, null, p);
    }
    boolean higher = now.higherIsBetter(e.task(), e.key().metric());
    Pairing.Paired paired = samples.pair(e.task(), e.key(), higher, baseline.run(), now);
    if (paired.problem() == null) {
      flips.add(flipSet(e.task(), e.key(), paired));
    }
    if (!e.value().isFinite()) {
      return new Check(e.task(), e.key(), Check.Status.SKIP, "baseline is " + e.value().text(), e.value(),
          metric.value(), Double.NaN, Double.NaN, null, p);
    }
    if (!metric.value().isFinite()) {
      return new Check(e.task(), e.key(), Check.Status.FAIL, "run value is " + metric.value().text(), e.value(),
          metric.value(), Double.NaN, Double.NaN, null, p);
    }
    // exact decimal arithmetic on the values as written, so that a drop equal to the margin is within it
    BigDecimal baseExact = new BigDecimal(e.value().text());
    BigDecimal valueExact = new BigDecimal(metric.value().text());
    BigDecimal dropExact = higher ? baseExact.subtract(valueExact) : valueExact.subtract(baseExact);
    BigDecimal allowedExact = p.maxDrop().allowed(baseExact);
    double drop = dropExact.doubleValue();
    double allowed = allowedExact.doubleValue();
    if (dropExact.compareTo(allowedExact) <= 0) {
      String why = dropExact.signum() < 0 ? "improved" : dropExact.signum() == 0 ? "unchanged" : "drop within margin";
      return new Check(e.task(), e.key(), Check.Status.PASS, why, e.value(), metric.value(), drop, allowed, null, p);
    }
    Significance s = significance(paired, policy, drop, e.stderr(), metric.anyStderr());
    String beyond = "drop " + fmt(dropExact) + " > allowed " + fmt(allowedExact);
    if (!s.tested()) {
      Check.Status status = policy.untestableFails() ? Check.Status.FAIL : Check.Status.PASS;
      return new Check(e.task(), e.key(), status, beyond + "; no significance test possible (" + s.detail() + ")",
          e.value(), metric.value(), drop, allowed, s, p);
    }
    if (s.pValue() < p.alpha()) {
      return new Check(e.task(), e.key(), Check.Status.FAIL, "regression: " + beyond + ", p=" + pValue(s.pValue())
          + " < \u03b1=" + p.alpha(), e.value(), metric.value(), drop, allowed, s, p);
    }
    return new Check(e.task(), e.key(), Check.Status.PASS, "within noise: " + beyond + " but p=" + pValue(s.pValue())
        + " \u2265 \u03b1=" + p.alpha(), e.value(), metric.value(), drop, allowed, s, p);
  }

  private static Significance significance(Pairing.Paired paired, GatePolicy policy, double drop,
      ResultNumber baseStderr, ResultNumber nowStderr) {
    if (paired.problem() == null) {
      if (paired.binary()) {
        int b = 0;
        int c = 0;
        for (Pairing.Pair pair : paired.pairs()) {
          b += pair.gain() < 0 ? 1 : 0;
          c += pair.gain() > 0 ? 1 : 0;
        }
        return Stats.mcnemar(b, c, policy.mcnemarExactBelow());
      }
      double[] gain = paired.pairs().stream().mapToDouble(Pairing.Pair::gain).toArray();
      return Stats.pairedBootstrap(gain, policy.bootstrapIterations(), policy.seed());
    }
    double variance = 0;
    int known = 0;
    for (ResultNumber se : new ResultNumber[] {baseStderr, nowStderr}) {
      if (se != null && se.isFinite()) {
        variance += se.value() * se.value();
        known++;
      }
    }
    if (known == 0) {
      return Significance.untested(paired.problem() + "; no stderr");
    }
    return Stats.zTest(drop, Math.sqrt(variance), paired.problem() + "; " + known + " stderr(s)");
  }

  private static FlipSet flipSet(String task, MetricKey key, Pairing.Paired paired) {
    List<Pairing.Pair> worse = new ArrayList<>();
    List<Pairing.Pair> better = new ArrayList<>();
    for (Pairing.Pair pair : paired.pairs()) {
      if (pair.gain() < 0) {
        worse.add(pair);
      } else if (pair.gain() > 0) {
        better.add(pair);
      }
    }
    return new FlipSet(task, key, paired.binary(), paired.pairs().size(), worse, better);
  }

  /** Six significant digits, plain notation. */
  static String fmt(BigDecimal v) {
    BigDecimal d = v.round(new MathContext(6)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** Four decimals, or scientific below 1e-4; below 1e-16 (where the tail approximations end) "< 1e-16". */
  static String pValue(double p) {
    if (p < 1e-16) {
      return "< 1e-16";
    }
    return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
  }

  /** Both runs' samples of one task, read once for all its metrics. */
  private record TaskPair(TaskSamples base, TaskSamples now, String problem) {

    static TaskPair load(String task, Run baseRun, Run nowRun) {
      if (baseRun == null) {
        return new TaskPair(null, null, "baseline is published numbers");
      }
      Optional<Path> b = baseRun.samplesFile(task);
      Optional<Path> n = nowRun.samplesFile(task);
      if (b.isEmpty() || n.isEmpty()) {
        return new TaskPair(null, null, "no samples file in " + (b.isEmpty() ? "the baseline" : "the run"));
      }
      return new TaskPair(TaskSamples.read(b.get()), TaskSamples.read(n.get()), null);
    }

    Pairing.Paired pair(String task, MetricKey key, boolean higher, Run baseRun, Run nowRun) {
      return problem != null ? Pairing.Paired.none(problem) : Pairing.pair(task, key, higher, baseRun, base, nowRun, now);
    }
  }
}
