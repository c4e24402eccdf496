package dev.magmaeval.harness.api;

import java.util.Objects;

/**
 * Which request this is: the task, the doc, the request's index within the doc (the choice index for multiple
 * choice, 0 otherwise) and the split, as in lmms-eval's {@code Instance}.
 */
public record RequestId(String task, int docId, int index, String split) {
  public RequestId {
    Objects.requireNonNull(task, "task");
    split = split == null ? "" : split;
  }

  @Override
  public String toString() {
    return task + "#" + docId + (index == 0 ? "" : "/" + index);
  }
}
