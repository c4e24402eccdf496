package dev.magmaeval.tasks.common;

/** Python's {@code str.format} for templates with positional fields only ({@code "respond with {}"}). */
public final class PyFormat {
  private PyFormat() {}

  /**
   * {@code template.format(*args)}: {@code {}} takes the next argument, {@code {n}} argument n, {@code {{} and
   * {@code }}} are literal braces. Named fields and format specs are not supported and fail like upstream would.
   */
  public static String format(String template, Object... args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int end = template.indexOf('}', i);
        if (end < 0) throw new IllegalArgumentException("Single '{' encountered in format string: " + template);
        String field = template.substring(i + 1, end);
        int index = field.isEmpty() ? next++ : parseIndex(field, template);
        if (index >= args.length) {
          throw new IllegalArgumentException("format string " + template + " needs argument " + index);
        }
        out.append(dev.magmaeval.metrics.py.PyRepr.str(args[index]));
        i = end + 1;
      } else if (c == '}') {
        throw new IllegalArgumentException("Single '}' encountered in format string: " + template);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int parseIndex(String field, String template) {
    if (!field.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw new IllegalArgumentException("unsupported format field '{" + field + "}' in " + template);
    }
    return Integer.parseInt(field);
  }
}
