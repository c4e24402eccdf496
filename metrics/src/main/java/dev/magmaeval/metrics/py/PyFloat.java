package dev.magmaeval.metrics.py;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python {@code float}: {@code repr} (shortest round-trip digits, CPython's formatting: {@code 1e-05},
 * {@code 1e+16}, {@code 0.0001}, {@code 100.0}) and {@code float(str)} parsing.
 */
public final class PyFloat {
    private PyFloat() {}

    /** {@code repr(x)}, which is also {@code str(x)}: {@code 'inf'}, {@code 'nan'}, {@code '-0.0'}, {@code '1e-05'}. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale();
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        String sign = x < 0 ? "-" : "";
        if (decpt <= -4 || decpt > 16) {
            int exp = decpt - 1;
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = Integer.toString(Math.abs(exp));
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }
        if (decpt <= 0) {
            return sign + "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= digits.length()) {
            return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
        }
        return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
    }

    /** What {@code json.dumps} writes for a float: {@link #repr} except {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public static String jsonRepr(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        return repr(x);
    }

    /**
     * The shortest decimal that reads back as {@code x} (positive, finite); among equally short ones the nearest,
     * as David Gay's dtoa mode 0 that CPython uses. Round-tripping at p digits implies it at p+1, so binary search.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        int lo = 1;
        int hi = 17;
        BigDecimal best = roundTrip(exact, x, 17);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal c = roundTrip(exact, x, mid);
            if (c != null) {
                best = c;
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (best == null || best.precision() > lo) {
            best = roundTrip(exact, x, lo);
        }
        return best;
    }

    private static BigDecimal roundTrip(BigDecimal exact, double x, int digits) {
        BigDecimal near = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (near.doubleValue() == x) {
            return near;
        }
        RoundingMode other = near.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
        BigDecimal far = exact.round(new MathContext(digits, other));
        return far.doubleValue() == x ? far : null;
    }

    /**
     * Python's {@code float(s)} for a str: surrounding whitespace, Unicode decimal digits (read as ASCII digits),
     * {@code _} between digits, {@code inf}/{@code infinity}/{@code nan} in any case, an optional sign.
     *
     * @throws NumberFormatException with Python's message ({@code could not convert string to float: '...'})
     */
    public static double parse(String s) {
        String ascii = toAscii(s);
        if (ascii == null || (ascii.indexOf('_') >= 0 && (ascii = removeUnderscores(ascii)) == null)) {
            throw invalid(s);
        }
        int a = 0;
        int b = ascii.length();
        while (a < b && isCSpace(ascii.charAt(a))) {
            a++;
        }
        while (b - 1 > a && isCSpace(ascii.charAt(b - 1))) {
            b--;
        }
        String t = ascii.substring(a, b);
        boolean negative = t.startsWith("-");
        String unsigned = negative || t.startsWith("+") ? t.substring(1) : t;
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (!isDecimalLiteral(t)) {
            throw invalid(s);
        }
        return Double.parseDouble(t);
    }

    /** {@code float(s)} or null where Python raises ValueError. */
    public static Double tryParse(String s) {
        try {
            return parse(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static NumberFormatException invalid(String s) {
        return new NumberFormatException("could not convert string to float: " + PyRepr.repr(s));
    }

    // _PyUnicode_TransformDecimalAndSpaceToASCII: chars below 127 stay, other whitespace becomes ' ', other
    // decimal digits become ASCII digits, anything else makes the string invalid.
    private static String toAscii(String s) {
        if (PyStr.isAscii(s) && s.indexOf(0x7F) < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 127) {
                b.append((char) cp);
            } else if (PyUnicode.isSpace(cp)) {
                b.append(' ');
            } else {
                int d = PyUnicode.decimalValue(cp);
                if (d < 0) {
                    return null;
                }
                b.append((char) ('0' + d));
            }
        }
        return b.toString();
    }

    // _Py_string_to_number_with_underscores: an underscore must sit between two digits.
    private static String removeUnderscores(String s) {
        StringBuilder b = new StringBuilder(s.length());
        char prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (!(prev >= '0' && prev <= '9')) {
                    return null;
                }
            } else {
                b.append(c);
                if (prev == '_' && !(c >= '0' && c <= '9')) {
                    return null;
                }
            }
            prev = c;
        }
        return prev == '_' ? null : b.toString();
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    // [sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]
    private static boolean isDecimalLiteral(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isAsciiDigit(t.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isAsciiDigit(t.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isAsciiDigit(t.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
