package dev.magmaeval.metrics.py;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPython 3.12's character properties and case mappings (Unicode 15.0), read from {@code py312-unicode.txt}, which
 * {@code scripts/oracle/gen_py_unicode.py} measured from the interpreter's own {@code str} methods. Java's
 * {@link Character} tables are Unicode 13 and classify some characters differently (for example {@code '一'} is
 * numeric in Python), so nothing here delegates to them. All methods take code points and are thread-safe.
 */
public final class PyUnicode {
    private static final Ranges SPACE;
    private static final Ranges DECIMAL;
    private static final Ranges DIGIT;
    private static final Ranges NUMERIC;
    private static final Ranges ALPHA;
    private static final Ranges PRINTABLE;
    private static final Ranges IGNORABLE;
    private static final Ranges CASED;
    private static final int[] DECIMAL_BASE;
    private static final Map<Integer, int[]> LOWER = new HashMap<>();
    private static final Map<Integer, int[]> UPPER = new HashMap<>();
    private static final Map<Integer, int[]> TITLE = new HashMap<>();

    static {
        Map<String, List<int[]>> ranges = new HashMap<>();
        List<Integer> decimalBase = new ArrayList<>();
        try (InputStream in = PyUnicode.class.getResourceAsStream("py312-unicode.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/magmaeval/metrics/py/py312-unicode.txt");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "R" -> {
                        ranges.computeIfAbsent(f[1], k -> new ArrayList<>())
                                .add(new int[] {Integer.parseInt(f[2], 16), Integer.parseInt(f[3], 16)});
                        if (f[1].equals("decimal")) {
                            decimalBase.add(Integer.parseInt(f[4]));
                        }
                    }
                    case "L" -> LOWER.put(Integer.parseInt(f[1], 16), codePoints(f));
                    case "U" -> UPPER.put(Integer.parseInt(f[1], 16), codePoints(f));
                    case "T" -> TITLE.put(Integer.parseInt(f[1], 16), codePoints(f));
                    default -> throw new IllegalStateException("py312-unicode.txt: bad line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SPACE = Ranges.of(ranges.get("space"));
        DECIMAL = Ranges.of(ranges.get("decimal"));
        DIGIT = Ranges.of(ranges.get("digit"));
        NUMERIC = Ranges.of(ranges.get("numeric"));
        ALPHA = Ranges.of(ranges.get("alpha"));
        PRINTABLE = Ranges.of(ranges.get("printable"));
        IGNORABLE = Ranges.of(ranges.get("ignorable"));
        CASED = Ranges.of(ranges.get("cased"));
        DECIMAL_BASE = decimalBase.stream().mapToInt(Integer::intValue).toArray();
    }

    private PyUnicode() {}

    private static int[] codePoints(String[] f) {
        int[] out = new int[f.length - 2];
        for (int i = 2; i < f.length; i++) {
            out[i - 2] = Integer.parseInt(f[i], 16);
        }
        return out;
    }

    /** {@code chr(cp).isspace()}: what {@code str.split()} and {@code str.strip()} treat as whitespace. */
    public static boolean isSpace(int cp) {
        return SPACE.contains(cp);
    }

    /** {@code chr(cp).isdecimal()}: what regex {@code \d} and {@code float()} accept as a digit. */
    public static boolean isDecimal(int cp) {
        return DECIMAL.contains(cp);
    }

    /** {@code unicodedata.decimal(chr(cp))}, or -1 when {@code cp} is not a decimal digit. */
    public static int decimalValue(int cp) {
        if (cp >= '0' && cp <= '9') {
            return cp - '0';
        }
        int i = DECIMAL.indexOf(cp);
        return i < 0 ? -1 : DECIMAL_BASE[i] + cp - DECIMAL.starts[i];
    }

    public static boolean isDigit(int cp) {
        return DIGIT.contains(cp);
    }

    public static boolean isNumeric(int cp) {
        return NUMERIC.contains(cp);
    }

    public static boolean isAlpha(int cp) {
        return ALPHA.contains(cp);
    }

    /** {@code chr(cp).isalnum()}: alpha, decimal, digit or numeric. */
    public static boolean isAlnum(int cp) {
        return ALPHA.contains(cp) || DECIMAL.contains(cp) || DIGIT.contains(cp) || NUMERIC.contains(cp);
    }

    /** Python regex {@code \w} for str patterns: alphanumeric or underscore. */
    public static boolean isWord(int cp) {
        return cp == '_' || isAlnum(cp);
    }

    public static boolean isPrintable(int cp) {
        return PRINTABLE.contains(cp);
    }

    static boolean isCaseIgnorable(int cp) {
        return IGNORABLE.contains(cp);
    }

    static boolean isCased(int cp) {
        return CASED.contains(cp);
    }

    /** Full lowercase mapping of one code point (without the context-dependent final sigma). */
    static int[] lowerFull(int cp) {
        return LOWER.get(cp);
    }

    /** Full uppercase mapping, or null when the code point maps to itself. */
    static int[] upperFull(int cp) {
        return UPPER.get(cp);
    }

    /** Full titlecase mapping, or null when the code point maps to itself. */
    static int[] titleFull(int cp) {
        int[] t = TITLE.get(cp);
        return t != null ? t : UPPER.get(cp);
    }

    /**
     * The body of a Java regex character class (without brackets) matching what Python's {@code re} matches with
     * {@code \\d} ("decimal"), {@code \\s} ("space") or {@code \\w} ("word") in a str pattern.
     */
    public static String regexClass(String name) {
        return switch (name) {
            case "decimal" -> DECIMAL.regexBody();
            case "space" -> SPACE.regexBody();
            case "word" -> "_" + ALPHA.regexBody() + DECIMAL.regexBody() + DIGIT.regexBody() + NUMERIC.regexBody();
            default -> throw new IllegalArgumentException("unknown regex class " + name);
        };
    }

    /** Sorted, disjoint code point ranges with an ASCII fast path. */
    private static final class Ranges {
        final int[] starts;
        final int[] ends;
        final boolean[] ascii = new boolean[128];

        private Ranges(int[] starts, int[] ends) {
            this.starts = starts;
            this.ends = ends;
            for (int c = 0; c < 128; c++) {
                ascii[c] = indexOf(c) >= 0;
            }
        }

        static Ranges of(List<int[]> list) {
            if (list == null) {
                throw new IllegalStateException("py312-unicode.txt: a property table is missing");
            }
            int[] s = new int[list.size()];
            int[] e = new int[list.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = list.get(i)[0];
                e[i] = list.get(i)[1];
            }
            return new Ranges(s, e);
        }

        String regexBody() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < starts.length; i++) {
                b.append(String.format("\\x{%x}", starts[i]));
                if (ends[i] > starts[i]) {
                    b.append(String.format("-\\x{%x}", ends[i]));
                }
            }
            return b.toString();
        }

        boolean contains(int cp) {
            return cp < 128 ? cp >= 0 && ascii[cp] : indexOf(cp) >= 0;
        }

        int indexOf(int cp) {
            int i = Arrays.binarySearch(starts, cp);
            if (i >= 0) {
                return i;
            }
            i = -i - 2;
            return i >= 0 && cp <= ends[i] ? i : -1;
        }
    }
}
