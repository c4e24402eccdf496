package dev.magmaeval.harness.dataset;

import java.util.List;

/** No local copy of a dataset: says every place looked and the command that would fetch it. */
public final class DatasetNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> looked;

  public DatasetNotFoundException(String what, List<String> looked, String hint) {
    super(what + " -- looked in: " + (looked.isEmpty() ? "(nowhere)" : String.join(", ", looked))
        + (hint == null ? "" : " -- " + hint));
    this.looked = List.copyOf(looked);
  }

  public List<String> looked() {
    return looked;
  }
}
