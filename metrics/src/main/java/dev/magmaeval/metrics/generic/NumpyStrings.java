package dev.magmaeval.metrics.generic;

import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A numpy fixed-width unicode array ({@code dtype '<U{width}'}) as {@code np.char} sees it: the width is the longest
 * input's length, elements read back without trailing NULs, and {@code np.char.lower}/{@code translate} keep the
 * width, cutting longer results ({@code np.char.lower(np.array(['İ']))} is {@code ['i']}).
 */
record NumpyStrings(List<String> items, int width) {
    static NumpyStrings of(List<String> xs) {
        int w = 0;
        List<String> out = new ArrayList<>(xs.size());
        for (String x : xs) {
            w = Math.max(w, PyStr.len(x));
            out.add(stripNuls(x));
        }
        return new NumpyStrings(out, w);
    }

    NumpyStrings map(UnaryOperator<String> f) {
        List<String> out = new ArrayList<>(items.size());
        for (String x : items) {
            out.add(stripNuls(cut(f.apply(x))));
        }
        return new NumpyStrings(out, width);
    }

    NumpyStrings lower() {
        return map(PyStr::lower);
    }

    NumpyStrings delete(String chars) {
        return map(x -> {
            StringBuilder b = new StringBuilder(x.length());
            x.codePoints().filter(c -> chars.indexOf(c) < 0).forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    private String cut(String s) {
        return PyStr.len(s) <= width ? s : s.substring(0, s.offsetByCodePoints(0, width));
    }

    private static String stripNuls(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
