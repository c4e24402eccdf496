package dev.magmaeval.metrics.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.metrics.py.NpFloat64;
import dev.magmaeval.metrics.py.PyFloat;
import dev.magmaeval.metrics.py.PyRepr;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads the reference files that scripts/oracle/*.py wrote under src/test/resources/oracle and decodes their typed
 * values ("i:1", "f:0.5", "n:0.5", "b:True", "s:text", "N") into the value model.
 */
public final class Oracle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Oracle() {}

    /** The "cases" array of {@code oracle/<name>.gz} (gzipped JSON; read with zcat). */
    public static List<JsonNode> cases(String name) {
        List<JsonNode> out = new ArrayList<>();
        root(name).forEach(out::add);
        return out;
    }

    /** The "cases" node of {@code oracle/<name>.gz}: an array, or an object of named case arrays. */
    public static JsonNode root(String name) {
        try (InputStream raw = Oracle.class.getResourceAsStream("/oracle/" + name + ".gz")) {
            if (raw == null) {
                throw new IllegalStateException("missing reference file oracle/" + name
                        + ".gz (generate it with scripts/oracle/)");
            }
            return JSON.readTree(new GZIPInputStream(raw)).get("cases");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a typed value. */
    public static Object value(JsonNode n) {
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(value(x)));
            return out;
        }
        if (n.isObject() && n.has("palette") && n.has("index") && n.size() == 2) {
            List<Object> palette = new ArrayList<>();
            n.get("palette").forEach(x -> palette.add(value(x)));
            String index = n.get("index").asText();
            List<Object> out = new ArrayList<>(index.length());
            for (int i = 0; i < index.length(); i++) {
                out.add(palette.get(DIGITS.indexOf(index.charAt(i))));
            }
            return out;
        }
        if (n.isObject() && n.size() == 1 && (n.has("tuple") || n.has("set") || n.has("dict"))
                && n.elements().next().isArray()) {
            if (n.has("tuple")) {
                return list(n.get("tuple")).toArray();
            }
            if (n.has("set")) {
                return new java.util.LinkedHashSet<>(list(n.get("set")));
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            n.get("dict").forEach(kv -> out.put(value(kv.get(0)), value(kv.get(1))));
            return out;
        }
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), value(e.getValue()));
            }
            return out;
        }
        String s = n.asText();
        if (s.equals("N")) {
            return null;
        }
        String body = s.substring(2);
        return switch (s.substring(0, 2)) {
            case "i:" -> {
                BigInteger b = new BigInteger(body);
                yield b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            case "f:" -> PyFloat.parse(body);
            case "n:" -> new NpFloat64(PyFloat.parse(body));
            case "b:" -> body.equals("True");
            case "c:" -> complex(body);
            case "y:" -> java.util.HexFormat.of().parseHex(body);
            case "s:" -> body;
            default -> throw new IllegalArgumentException("bad typed value: " + s);
        };
    }

    // "(1+2j)", "2j", "(-0-1j)" as repr(complex) writes them
    private static dev.magmaeval.metrics.py.PyComplex complex(String r) {
        String t = r.startsWith("(") ? r.substring(1, r.length() - 2) : r.substring(0, r.length() - 1);
        if (!r.startsWith("(")) {
            return new dev.magmaeval.metrics.py.PyComplex(0.0, PyFloat.parse(t));
        }
        int split = Math.max(t.lastIndexOf('+'), t.lastIndexOf('-'));
        while (split > 0 && (t.charAt(split - 1) == 'e' || t.charAt(split - 1) == 'E')) {
            split = Math.max(t.lastIndexOf('+', split - 1), t.lastIndexOf('-', split - 1));
        }
        return new dev.magmaeval.metrics.py.PyComplex(PyFloat.parse(t.substring(0, split)),
                PyFloat.parse(t.substring(split)));
    }

    /** Decoded list of typed values. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(JsonNode n) {
        return (List<Object>) value(n);
    }

    /** Decoded list of strings (typed "s:" values or plain JSON strings). */
    public static List<String> strings(JsonNode n) {
        if (n.isObject()) {
            List<String> out = new ArrayList<>();
            list(n).forEach(x -> out.add((String) x));
            return out;
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText().startsWith("s:") ? x.asText().substring(2) : x.asText()));
        return out;
    }

    /**
     * Asserts that {@code actual} computes the expected outcome: {"ok": typed value} must be equal in value and
     * Python type (doubles compared by bits), {"error": name} must throw.
     */
    public static void assertOutcome(JsonNode expected, Supplier<Object> actual, String what) {
        if (expected.has("error")) {
            Object got;
            try {
                got = actual.get();
            } catch (RuntimeException e) {
                return;
            }
            fail(what + ": expected " + expected.get("error").asText() + " but got " + PyRepr.repr(got));
        }
        Object want = value(expected.get("ok"));
        Object got;
        try {
            got = actual.get();
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": expected " + show(want) + " but threw " + e, e);
        }
        assertSame(want, got, what);
    }

    /**
     * {@link #assertOutcome} for a stderr that squares with Python's {@code x ** 2}. CPython calls libm's
     * {@code pow(x, 2.0)}, and glibc's pow is not correctly rounded (about 1 in 1200 squares is off by one ulp,
     * depending on the libm and the CPU's FMA support); the Java side squares exactly. Where the oracle saw its
     * platform's pow deviate ({@code powExact} false), the value must agree to one ulp; everywhere else bit for bit.
     */
    public static void assertStderr(JsonNode expected, Supplier<Object> actual, boolean powExact, String what) {
        if (powExact || expected.has("error")) {
            assertOutcome(expected, actual, what);
            return;
        }
        double want = (Double) value(expected.get("ok"));
        double got = ((Number) actual.get()).doubleValue();
        if (Double.isNaN(want) ? !Double.isNaN(got) : Math.abs(want - got) > Math.ulp(want)) {
            fail(what + " (libm pow inexact here): expected " + want + " within one ulp, got " + got);
        }
    }

    /** Equal value and Python type; doubles by bits (so -0.0 differs from 0.0 and NaN equals NaN). */
    public static void assertSame(Object want, Object got, String what) {
        assertEquals(show(want), show(got), what);
    }

    /** The value with its Python type, for messages and comparison. */
    public static String show(Object v) {
        if (v instanceof Double d) {
            return "float:" + PyFloat.repr(d) + (d == 0 && 1 / d < 0 ? "(neg)" : "");
        }
        if (v instanceof NpFloat64 f) {
            return "np.float64:" + PyFloat.repr(f.value());
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return "int:" + v;
        }
        if (v instanceof Boolean b) {
            return "bool:" + b;
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(show(x)));
            return parts.toString();
        }
        if (v instanceof Object[] t) {
            List<String> parts = new ArrayList<>();
            for (Object x : t) {
                parts.add(show(x));
            }
            return "tuple" + parts;
        }
        if (v instanceof java.util.Set<?> set) {
            List<String> parts = new ArrayList<>();
            set.forEach(x -> parts.add(show(x)));
            java.util.Collections.sort(parts);
            return "set" + parts;
        }
        if (v instanceof byte[] b) {
            return "bytes:" + java.util.HexFormat.of().formatHex(b);
        }
        if (v instanceof dev.magmaeval.metrics.py.PyComplex z) {
            return "complex:" + z.repr();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, String> parts = new LinkedHashMap<>();
            m.forEach((k, x) -> parts.put(k instanceof String ? k : show(k), show(x)));
            return parts.toString();
        }
        return v == null ? "None" : "str:" + PyRepr.repr(v);
    }
}
