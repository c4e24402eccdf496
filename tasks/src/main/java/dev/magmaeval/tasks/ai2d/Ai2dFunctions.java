package dev.magmaeval.tasks.ai2d;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.metrics.py.PyUnicode;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.PyInt;
import dev.magmaeval.tasks.common.Visuals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * configs/tasks/ai2d: lmms-eval's {@code tasks/ai2d/utils.py}. Scoring is the engine's registry {@code exact_match}
 * on what the {@code flexible-extract} filter leaves.
 */
public final class Ai2dFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "ai2d";
  }

  @Override
  public void register(Registrar r) {
    r.docToVisual("utils.ai2d_doc_to_visual", (doc, kwargs) -> Visuals.single(doc, "image"));
    r.docToText("utils.ai2d_doc_to_text", Ai2dFunctions::text);
    r.docToTarget("utils.ai2d_doc_to_target", Ai2dFunctions::target);
    r.filter("utils.MultiChoiceRegexFilter", kwargs -> Ai2dFunctions::extract);
  }

  /** {@code ai2d_doc_to_text} in its three prompt formats. */
  static String text(Doc doc, Map<String, Object> kwargs) {
    String pre = Prompts.require(kwargs, "pre_prompt", "ai2d_doc_to_text");
    String post = Prompts.require(kwargs, "post_prompt", "ai2d_doc_to_text");
    String format = Prompts.require(kwargs, "prompt_format", "ai2d_doc_to_text");
    List<String> choices = options(doc);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) lines.add((char) ('A' + i) + ". " + choices.get(i));
    return switch (format) {
      case "mcq" -> pre + doc.str("question") + "\n" + String.join("\n", lines) + post;
      case "qa" -> pre + doc.str("question") + String.join("\n", choices) + post;
      case "mcq_xcomposer" -> pre + doc.str("question") + "\nContext: N/A\n" + String.join(" ", lines) + post;
      default -> throw new IllegalArgumentException("Unknown prompt format: " + format);
    };
  }

  /** {@code ai2d_doc_to_target}: the answer's letter ("mcq") or option text ("qa"); None otherwise. */
  static Object target(Doc doc, Object kind) {
    int index = (int) PyInt.parse(doc.str("answer"), "ai2d answer");
    List<String> choices = options(doc);
    if (index < -choices.size() || index >= choices.size()) {
      throw new IllegalArgumentException("ai2d: answer " + index + " is out of range for " + choices.size() + " options");
    }
    int i = index < 0 ? index + choices.size() : index;
    if ("mcq".equals(kind)) return String.valueOf((char) ('A' + i));
    if ("qa".equals(kind)) return choices.get(i);
    return null;
  }

  /**
   * {@code MultiChoiceRegexFilter.apply} for one doc: the letter of a leading {@code ^\s*([A-Z])\.} in the first
   * response, else that response unchanged. It returns a string, not a list, as upstream does; its YAML keys are
   * ignored there too.
   */
  static Object extract(Object responses, Doc doc) {
    String resp = (String) ((List<?>) responses).get(0);
    int i = 0;
    while (i < resp.length() && PyUnicode.isSpace(resp.codePointAt(i))) i += Character.charCount(resp.codePointAt(i));
    if (i + 1 < resp.length() && resp.charAt(i) >= 'A' && resp.charAt(i) <= 'Z' && resp.charAt(i + 1) == '.') {
      return String.valueOf(resp.charAt(i));
    }
    return resp;
  }

  private static List<String> options(Doc doc) {
    List<String> out = new ArrayList<>();
    for (Object o : doc.list("options")) out.add(dev.magmaeval.metrics.py.PyRepr.str(o));
    return out;
  }
}
