package dev.magmaeval.harness.task;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.magmaeval.harness.api.Doc;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja templates in task YAMLs ({@code doc_to_text: "{{question}}"}), rendered with the doc's columns as
 * variables, as lmms-eval's {@code utils.apply_template} does with jinja2's {@code StrictUndefined} and its extra
 * {@code regex_replace} filter. An unknown variable or any render error fails loudly.
 */
final class Templates {
  private final Jinjava jinjava;

  Templates() {
    JinjavaConfig config = JinjavaConfig.newBuilder().withFailOnUnknownTokens(true).build();
    jinjava = new Jinjava(config);
    jinjava.getGlobalContext().registerFilter(new RegexReplace());
  }

  String render(String template, Doc doc) {
    RenderResult result = jinjava.renderForResult(template, Map.copyOf(nonNull(doc.fields())));
    if (!result.getErrors().isEmpty()) {
      TemplateError e = result.getErrors().get(0);
      throw new IllegalArgumentException("template '" + template + "' failed on doc " + doc.id() + ": "
          + e.getMessage());
    }
    return result.getOutput();
  }

  private static Map<String, Object> nonNull(Map<String, Object> fields) {
    Map<String, Object> out = new java.util.HashMap<>();
    fields.forEach((k, v) -> out.put(k, v == null ? "None" : v));
    return out;
  }

  /** {@code regex_replace(pattern, repl, count=0)}, as lmms-eval registers it (re.sub). */
  private static final class RegexReplace implements Filter {
    @Override
    public String getName() {
      return "regex_replace";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      if (var == null || args.length < 2) return var;
      int count = args.length > 2 ? Integer.parseInt(args[2]) : 0;
      Matcher m = Pattern.compile(args[0]).matcher(var.toString());
      StringBuilder sb = new StringBuilder();
      int n = 0;
      while (m.find() && (count == 0 || n < count)) {
        m.appendReplacement(sb, args[1].replace("\\g<", "${").replaceAll("\\\\(\\d)", "\\$$1"));
        n++;
      }
      m.appendTail(sb);
      return sb.toString();
    }
  }
}
