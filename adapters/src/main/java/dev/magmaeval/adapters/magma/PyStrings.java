package dev.magmaeval.adapters.magma;

/** Python's {@code str.strip()} (Jinja's {@code trim}), whose whitespace differs from Java's {@code strip()}. */
final class PyStrings {
  private PyStrings() {}

  /** {@code str.isspace()}: general category Zs, or bidirectional class WS, B or S. */
  static boolean isSpace(int cp) {
    if (Character.getType(cp) == Character.SPACE_SEPARATOR) return true;
    byte d = Character.getDirectionality(cp);
    return d == Character.DIRECTIONALITY_WHITESPACE || d == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
        || d == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
  }

  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
    while (end > start && isSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
    return s.substring(start, end);
  }
}
