package dev.magmaeval.tasks.common;

import dev.magmaeval.harness.api.Doc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Option letters as the spatial multiple-choice tasks of lmms-eval (BLINK, CV-Bench) write them. */
public final class Choices {
  private Choices() {}

  /** {@code "A, B, C"}: one letter per entry of the doc's {@code choices} column. */
  public static String letters(Doc doc) {
    int n = doc.list("choices").size();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(String.valueOf((char) ('A' + i)));
    return String.join(", ", out);
  }

  /** {@code lmms_eval_specific_kwargs.get("pre_prompt", "").format(letters)}: the "respond with {}" note. */
  public static String letterNote(Doc doc, Map<String, Object> kwargs) {
    String pre = kwargs != null && kwargs.containsKey("pre_prompt") ? Prompts.get(kwargs, "pre_prompt") : "";
    return PyFormat.format(pre, letters(doc));
  }
}
