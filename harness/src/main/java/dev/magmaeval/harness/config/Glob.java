package dev.magmaeval.harness.config;

import java.util.regex.Pattern;

/** Python's {@code fnmatch} patterns ({@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}), case-sensitive. */
final class Glob {
  private Glob() {}

  static Pattern toRegex(String pattern) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i++);
      if (c == '*') {
        sb.append(".*");
      } else if (c == '?') {
        sb.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && pattern.charAt(j) == '!') j++;
        if (j < n && pattern.charAt(j) == ']') j++;
        while (j < n && pattern.charAt(j) != ']') j++;
        if (j >= n) {
          sb.append("\\[");
        } else {
          String body = pattern.substring(i, j).replace("\\", "\\\\");
          i = j + 1;
          if (body.startsWith("!")) body = "^" + body.substring(1);
          else if (body.startsWith("^")) body = "\\" + body;
          sb.append('[').append(body).append(']');
        }
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString(), Pattern.DOTALL);
  }
}
