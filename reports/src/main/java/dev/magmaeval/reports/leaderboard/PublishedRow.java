package dev.magmaeval.reports.leaderboard;

import dev.magmaeval.reports.published.PublishedCell;
import dev.magmaeval.reports.published.PublishedModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A published model shown as a row of its own: its numbers in the leaderboard's columns, by column id. */
public record PublishedRow(PublishedModel model, Map<String, PublishedCell> cells) {

  public PublishedRow {
    cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
  }
}
