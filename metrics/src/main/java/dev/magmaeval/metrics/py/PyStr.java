package dev.magmaeval.metrics.py;

import java.util.ArrayList;
import java.util.List;

/**
 * Python 3.12 {@code str} methods with Python's Unicode rules: whitespace is {@code str.isspace()} (which includes
 * {@code \x1c-\x1f} and {@code \x85}), case mappings are full mappings ({@code 'ß'.upper() == 'SS'}), {@code lower()}
 * applies the final-sigma rule, and {@code len} counts code points. Null arguments are not allowed.
 */
public final class PyStr {
    private PyStr() {}

    /** {@code s.strip()}. */
    public static String strip(String s) {
        return strip(s, null);
    }

    /** {@code s.strip(chars)}; null {@code chars} strips whitespace, as in Python. */
    public static String strip(String s, String chars) {
        int end = rightEnd(s, chars);
        return s.substring(leftStart(s, chars, end), end);
    }

    public static String lstrip(String s) {
        return lstrip(s, null);
    }

    public static String lstrip(String s, String chars) {
        return s.substring(leftStart(s, chars, s.length()));
    }

    public static String rstrip(String s) {
        return rstrip(s, null);
    }

    public static String rstrip(String s, String chars) {
        return s.substring(0, rightEnd(s, chars));
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? PyUnicode.isSpace(cp) : chars.indexOf(cp) >= 0;
    }

    private static int leftStart(String s, String chars, int end) {
        int i = 0;
        while (i < end) {
            int cp = s.codePointAt(i);
            if (!stripped(cp, chars)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static int rightEnd(String s, String chars) {
        int j = s.length();
        while (j > 0) {
            int cp = s.codePointBefore(j);
            if (!stripped(cp, chars)) {
                break;
            }
            j -= Character.charCount(cp);
        }
        return j;
    }

    /** {@code s.split()}: runs of whitespace separate, leading and trailing whitespace gives no empty parts. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (PyUnicode.isSpace(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = s.codePointAt(i);
                if (PyUnicode.isSpace(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            out.add(s.substring(start, i));
        }
        return out;
    }

    /** {@code s.split(sep)} with a literal, non-empty separator. */
    public static List<String> split(String s, String sep) {
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("empty separator");
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int at; (at = s.indexOf(sep, from)) >= 0; from = at + sep.length()) {
            out.add(s.substring(from, at));
        }
        out.add(s.substring(from));
        return out;
    }

    /** {@code " ".join(s.split())}: whitespace collapsed to single spaces, ends trimmed. */
    public static String collapseWhitespace(String s) {
        return String.join(" ", split(s));
    }

    /** {@code s.lower()}: full lowercase mapping with the final-sigma rule. */
    public static String lower(String s) {
        if (isAscii(s)) {
            return asciiLower(s);
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            appendLower(b, s, i, cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static void appendLower(StringBuilder b, String s, int i, int cp) {
        if (cp == 0x3A3) {
            b.appendCodePoint(finalSigma(s, i) ? 0x3C2 : 0x3C3);
            return;
        }
        int[] m = PyUnicode.lowerFull(cp);
        if (m == null) {
            b.appendCodePoint(cp);
        } else {
            for (int c : m) {
                b.appendCodePoint(c);
            }
        }
    }

    // Mirrors handle_capital_sigma in CPython's Objects/unicodeobject.c.
    private static boolean finalSigma(String s, int i) {
        int j = i;
        int c = 0;
        while (j > 0) {
            c = s.codePointBefore(j);
            if (!PyUnicode.isCaseIgnorable(c)) {
                break;
            }
            j -= Character.charCount(c);
        }
        boolean fin = j > 0 && PyUnicode.isCased(c);
        int k = i + 1;
        if (fin && k < s.length()) {
            while (k < s.length()) {
                c = s.codePointAt(k);
                if (!PyUnicode.isCaseIgnorable(c)) {
                    break;
                }
                k += Character.charCount(c);
            }
            fin = k == s.length() || !PyUnicode.isCased(c);
        }
        return fin;
    }

    /** {@code s.upper()}: full uppercase mapping ({@code 'ß'} becomes {@code 'SS'}). */
    public static String upper(String s) {
        if (isAscii(s)) {
            return asciiUpper(s);
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            appendMapped(b, cp, PyUnicode.upperFull(cp));
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** {@code s.capitalize()} (Python 3.8+): first character titlecased, the rest lowercased. */
    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int cp = s.codePointAt(0);
        appendMapped(b, cp, PyUnicode.titleFull(cp));
        for (int i = Character.charCount(cp); i < s.length(); ) {
            cp = s.codePointAt(i);
            appendLower(b, s, i, cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static void appendMapped(StringBuilder b, int cp, int[] m) {
        if (m == null) {
            b.appendCodePoint(cp);
        } else {
            for (int c : m) {
                b.appendCodePoint(c);
            }
        }
    }

    /** {@code s.isnumeric()}: non-empty and every character numeric (includes {@code '½'} and {@code '一'}). */
    public static boolean isNumeric(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(PyUnicode::isNumeric);
    }

    /** {@code s.isdigit()}: non-empty and every character a digit (includes {@code '²'}). */
    public static boolean isDigit(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(PyUnicode::isDigit);
    }

    /** {@code s.isdecimal()}. */
    public static boolean isDecimal(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(PyUnicode::isDecimal);
    }

    /** {@code s.isalpha()}. */
    public static boolean isAlpha(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(PyUnicode::isAlpha);
    }

    /** {@code s.isspace()}. */
    public static boolean isSpace(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(PyUnicode::isSpace);
    }

    /** {@code len(s)}: the number of code points. */
    public static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] a = s.toCharArray();
                for (int j = i; j < a.length; j++) {
                    if (a[j] >= 'A' && a[j] <= 'Z') {
                        a[j] += 32;
                    }
                }
                return new String(a);
            }
        }
        return s;
    }

    private static String asciiUpper(String s) {
        char[] a = s.toCharArray();
        for (int j = 0; j < a.length; j++) {
            if (a[j] >= 'a' && a[j] <= 'z') {
                a[j] -= 32;
            }
        }
        return new String(a);
    }
}
