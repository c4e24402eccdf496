package dev.magmaeval.reports.leaderboard;

import dev.magmaeval.reports.published.PublishedModel;
import dev.magmaeval.reports.results.Run;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run's row: its cells by column id, and the published model its numbers are compared with (or null). */
public record RunRow(Run run, PublishedModel comparedTo, Map<String, Cell> cells) {

  public RunRow {
    cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }
}
