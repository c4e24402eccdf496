package dev.magmaeval.harness.api;

import java.util.Collection;

/** A task function asked for a column the dataset does not have. The engine adds the task name. */
public final class MissingColumnException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String column;
  private final String origin;

  public MissingColumnException(String column, Collection<String> available, String origin) {
    super("missing column '" + column + "'" + (origin == null || origin.isEmpty() ? "" : " in " + origin)
        + " (columns: " + String.join(", ", available) + ")");
    this.column = column;
    this.origin = origin;
  }

  public String column() {
    return column;
  }

  public String origin() {
    return origin;
  }
}
