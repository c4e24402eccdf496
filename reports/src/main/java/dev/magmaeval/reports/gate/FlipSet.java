package dev.magmaeval.reports.gate;

import dev.magmaeval.reports.results.MetricKey;
import java.util.List;

/**
 * The docs whose score changed between the runs for one task metric. For 0/1 scores {@code worse} are the docs that
 * went from right to wrong and {@code better} the reverse; otherwise any decrease or increase.
 */
public record FlipSet(String task, MetricKey key, boolean binary, int paired, List<Pairing.Pair> worse,
    List<Pairing.Pair> better) {

  public FlipSet {
    worse = List.copyOf(worse);
    better = List.copyOf(better);
  }
}
