package dev.magmaeval.reports.gate;

import dev.magmaeval.reports.results.MetricKey;
import dev.magmaeval.reports.results.Run;
import dev.magmaeval.reports.results.TaskRow;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Pairs two runs' per-doc scores of one task metric by doc_id. */
final class Pairing {

  /** One doc scored in both runs ({@code gain} is signed so that positive means the new run is better). */
  record Pair(long docId, double baseline, double now, double gain, TaskSamples.DocLine baselineLine,
      TaskSamples.DocLine nowLine) {}

  /** The pairs, or why there are none ({@code problem}). */
  record Paired(List<Pair> pairs, boolean binary, String problem) {

    static Paired none(String problem) {
      return new Paired(List.of(), false, problem);
    }
  }

  private Pairing() {}

  static Paired pair(String task, MetricKey key, boolean higherIsBetter, Run baseRun, TaskSamples base, Run nowRun,
      TaskSamples now) {
    int[] b = filterPosition(baseRun, task, key);
    int[] n = filterPosition(nowRun, task, key);
    if (b == null || n == null) {
      return Paired.none("metric not in both runs");
    }
    List<Pair> pairs = new ArrayList<>();
    boolean binary = true;
    boolean anyScore = false;
    for (long doc : new TreeSet<>(base.byDoc().keySet())) {
      TaskSamples.DocLine bl = base.line(doc, b[0], b[1]);
      TaskSamples.DocLine nl = now.line(doc, n[0], n[1]);
      if (bl == null || nl == null) {
        continue;
      }
      Double bs = bl.scores().get(key.metric());
      Double ns = nl.scores().get(key.metric());
      anyScore |= bs != null || ns != null;
      if (bs == null || ns == null) {
        continue;
      }
      binary &= (bs == 0 || bs == 1) && (ns == 0 || ns == 1);
      double gain = higherIsBetter ? ns - bs : bs - ns;
      pairs.add(new Pair(doc, bs, ns, gain, bl, nl));
    }
    if (pairs.isEmpty()) {
      return Paired.none(anyScore ? "no doc scored in both runs" : "samples hold no per-doc score for " + key.metric());
    }
    return new Paired(pairs, binary, null);
  }

  /** {index of this key's filter among the row's keys with the same metric name, how many there are}. */
  private static int[] filterPosition(Run run, String task, MetricKey key) {
    TaskRow row = run.tasks().get(task);
    if (row == null || row.metric(key) == null) {
      return null;
    }
    int index = -1;
    int count = 0;
    for (MetricKey k : row.metrics().keySet()) {
      if (k.metric().equals(key.metric())) {
        if (k.equals(key)) {
          index = count;
        }
        count++;
      }
    }
    return new int[] {index, count};
  }
}
