package dev.magmaeval.metrics.py;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Python's {@code int(x)} for the value model. */
public final class PyInt {
    private PyInt() {}

    /**
     * {@code int(v)}: ints as they are, bools as 0/1, floats truncated toward zero, strings parsed as base-10 literals
     * (surrounding whitespace, a sign, Unicode digits, single underscores between digits).
     *
     * @throws NumberFormatException for an invalid string, NaN or an infinite float (ValueError/OverflowError)
     */
    public static BigInteger of(Object v) {
        if (v instanceof String s) {
            return parse(s);
        }
        if (PyOps.isInt(v)) {
            return PyOps.bigInt(v);
        }
        double d = PyOps.toDouble(v);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("cannot convert float " + PyFloat.repr(d) + " to integer");
        }
        return new BigDecimal(d).toBigInteger();
    }

    /** {@code int(s)} for a str. */
    public static BigInteger parse(String s) {
        String t = PyStr.strip(s);
        StringBuilder b = new StringBuilder(t.length());
        int i = 0;
        if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
            b.append(t.charAt(0));
            i = 1;
        }
        boolean prevDigit = false;
        int digits = 0;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '_') {
                if (!prevDigit || i >= t.length()) {
                    throw invalid(s);
                }
                prevDigit = false;
                continue;
            }
            int d = PyUnicode.decimalValue(cp);
            if (d < 0) {
                throw invalid(s);
            }
            b.append((char) ('0' + d));
            digits++;
            prevDigit = true;
        }
        if (digits == 0 || !prevDigit) {
            throw invalid(s);
        }
        return new BigInteger(b.toString());
    }

    private static NumberFormatException invalid(String s) {
        return new NumberFormatException("invalid literal for int() with base 10: " + PyRepr.repr(s));
    }
}
