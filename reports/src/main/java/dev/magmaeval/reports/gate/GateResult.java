package dev.magmaeval.reports.gate;

import java.util.List;

/** Everything the gate found: one check per baseline metric, and the per-sample flips where samples allowed. */
public record GateResult(String runLabel, String baselineLabel, GatePolicy policy, List<Check> checks,
    List<FlipSet> flips) {

  public GateResult {
    checks = List.copyOf(checks);
    flips = List.copyOf(flips);
  }

  public long failures() {
    return checks.stream().filter(Check::failed).count();
  }

  public boolean passed() {
    return failures() == 0;
  }
}
