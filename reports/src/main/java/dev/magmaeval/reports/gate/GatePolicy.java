package dev.magmaeval.reports.gate;

import dev.magmaeval.reports.results.MetricKey;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A gate policy ({@code configs/gates/*.yaml}, read by {@link PolicyReader}): defaults, then rules matched by task and
 * metric globs; the first matching rule wins, and the fields it leaves out come from the defaults.
 *
 * @param file the policy file, or null for the built-in policy
 * @param untestableFails whether a drop beyond the margin fails when neither samples nor stderrs allow a test
 */
public record GatePolicy(Path file, Rule defaults, List<Rule> rules, int bootstrapIterations, long seed,
    int mcnemarExactBelow, boolean untestableFails) {

  /** A rule; null fields defer to the defaults. {@code metric} without a comma matches any filter. */
  public record Rule(String name, String task, String metric, Margin maxDrop, Double alpha, Boolean required,
      boolean ignore) {

    boolean matches(String taskName, MetricKey key) {
      return glob(task).matcher(taskName).matches()
          && glob(metric).matcher(metric.contains(",") ? key.key() : key.metric()).matches();
    }
  }

  public GatePolicy {
    rules = List.copyOf(rules);
  }

  /** Used when no policy is given and configs/gates/default.yaml is absent: 1% relative, α = 0.05, all required. */
  public static GatePolicy builtIn() {
    Rule defaults = new Rule("defaults", "*", "*", new Margin(null, new BigDecimal("0.01")), 0.05, true, false);
    return new GatePolicy(null, defaults, List.of(), 10_000, 20_250_218L, 25, true);
  }

  public MetricPolicy resolve(String task, MetricKey key) {
    for (Rule rule : rules) {
      if (rule.matches(task, key)) {
        return new MetricPolicy(
            rule.maxDrop() != null ? rule.maxDrop() : defaults.maxDrop(),
            rule.alpha() != null ? rule.alpha() : defaults.alpha(),
            rule.required() != null ? rule.required() : defaults.required(),
            rule.ignore(),
            rule.name());
      }
    }
    return new MetricPolicy(defaults.maxDrop(), defaults.alpha(), defaults.required(), false, "defaults");
  }

  /** {@code *} any run of characters, {@code ?} one character; everything else literal. */
  static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      switch (ch) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
