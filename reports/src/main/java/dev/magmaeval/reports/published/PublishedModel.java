package dev.magmaeval.reports.published;

import java.util.List;

/**
 * A row label of the paper's tables.
 *
 * @param checkpoint {@code released}, {@code variant} (fine-tuned from {@code variantOf}), {@code ablation} or {@code
 *     baseline}
 * @param matches case-insensitive substrings of a run's model name that select this model as the run's reference
 */
public record PublishedModel(String id, String label, String checkpoint, String variantOf, List<String> matches,
    String note) {

  public PublishedModel {
    matches = List.copyOf(matches);
  }

  public boolean isBaseline() {
    return "baseline".equals(checkpoint);
  }
}
