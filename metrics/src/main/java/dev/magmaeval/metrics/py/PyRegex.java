package dev.magmaeval.metrics.py;

import java.util.regex.Pattern;

/**
 * Compiles Python {@code re} patterns (str patterns, no flags beyond those given) into Java patterns with Python's
 * Unicode classes: {@code \d}, {@code \s}, {@code \w} and their negations, and {@code \b}/{@code \B} defined by
 * Python's {@code \w}. {@code .} and {@code $} follow Python (only {@code \n} is a line end). Case-insensitive
 * character ranges are not translated: write the folded letters out in the pattern.
 */
public final class PyRegex {
    /** Python {@code \d}. */
    public static final String DIGIT = "[" + PyUnicode.regexClass("decimal") + "]";
    /** Python {@code \s}. */
    public static final String SPACE = "[" + PyUnicode.regexClass("space") + "]";
    /** Python {@code \w}. */
    public static final String WORD = "[" + PyUnicode.regexClass("word") + "]";
    private static final String NOT_DIGIT = "[^" + PyUnicode.regexClass("decimal") + "]";
    private static final String NOT_SPACE = "[^" + PyUnicode.regexClass("space") + "]";
    private static final String NOT_WORD = "[^" + PyUnicode.regexClass("word") + "]";
    private static final String BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
    private static final String NOT_BOUNDARY = "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD
            + "))";

    private PyRegex() {}

    /** {@code re.compile(pattern)}; {@code flags} are extra {@link Pattern} flags (e.g. DOTALL). */
    public static Pattern compile(String pattern, int flags) {
        return Pattern.compile(translate(pattern), flags | Pattern.UNIX_LINES);
    }

    public static Pattern compile(String pattern) {
        return compile(pattern, 0);
    }

    static String translate(String p) {
        StringBuilder b = new StringBuilder(p.length() * 2);
        boolean inClass = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                char n = p.charAt(++i);
                String cls = switch (n) {
                    case 'd' -> inClass ? PyUnicode.regexClass("decimal") : DIGIT;
                    case 's' -> inClass ? PyUnicode.regexClass("space") : SPACE;
                    case 'w' -> inClass ? PyUnicode.regexClass("word") : WORD;
                    case 'D' -> inClass ? null : NOT_DIGIT;
                    case 'S' -> inClass ? null : NOT_SPACE;
                    case 'W' -> inClass ? null : NOT_WORD;
                    case 'b' -> inClass ? "\\x{8}" : BOUNDARY;
                    case 'B' -> inClass ? null : NOT_BOUNDARY;
                    default -> "\\" + n;
                };
                if (cls == null) {
                    throw new IllegalArgumentException("unsupported class escape \\" + n + " inside [] in " + p);
                }
                b.append(cls);
                continue;
            }
            if (c == '[' && !inClass) {
                inClass = true;
                b.append(c);
                if (i + 1 < p.length() && p.charAt(i + 1) == '^') {
                    b.append('^');
                    i++;
                }
                if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
                    b.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == ']' && inClass) {
                inClass = false;
            } else if ((c == '[' || c == '&') && inClass) {
                b.append('\\'); // a literal in Python, an operator in a Java class
            }
            b.append(c);
        }
        return b.toString();
    }
}
