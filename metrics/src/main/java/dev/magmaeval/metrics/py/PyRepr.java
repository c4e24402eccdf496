package dev.magmaeval.metrics.py;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of values in the value model: {@code null} is {@code None},
 * {@link Boolean} is {@code bool}, {@link Long}/{@link Integer}/{@link BigInteger} are {@code int}, {@link Double}
 * and {@link NpFloat64} are floats, {@link String}, {@link List} ({@code list}), {@link Map} ({@code dict}, in
 * iteration order) and {@code Object[]} ({@code tuple}).
 */
public final class PyRepr {
    private PyRepr() {}

    /** {@code str(v)}: a string is itself; everything else is its repr (containers repr their items). */
    public static String str(Object v) {
        return v instanceof String s ? s : repr(v);
    }

    /** {@code repr(v)}: {@code ['a', "it's"]}, {@code {'k': 1}}, {@code True}, {@code None}, {@code 0.5}. */
    public static String repr(Object v) {
        StringBuilder b = new StringBuilder();
        append(b, v);
        return b.toString();
    }

    private static void append(StringBuilder b, Object v) {
        if (v == null) {
            b.append("None");
        } else if (v instanceof Boolean x) {
            b.append(x ? "True" : "False");
        } else if (v instanceof Double d) {
            b.append(PyFloat.repr(d));
        } else if (v instanceof Float f) {
            b.append(PyFloat.repr(f));
        } else if (v instanceof NpFloat64 f) {
            b.append(PyFloat.repr(f.value()));
        } else if (v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Short
                || v instanceof Byte) {
            b.append(v);
        } else if (v instanceof String s) {
            appendString(b, s);
        } else if (v instanceof PyComplex z) {
            b.append(z.repr());
        } else if (v instanceof byte[] bytes) {
            appendBytes(b, bytes);
        } else if (v instanceof java.util.Set<?> set) {
            if (set.isEmpty()) {
                b.append("set()");
            } else {
                b.append('{');
                boolean first = true;
                for (Object o : set) { // Python orders a set by hash; insertion order is used here
                    if (!first) {
                        b.append(", ");
                    }
                    first = false;
                    append(b, o);
                }
                b.append('}');
            }
        } else if (v instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                append(b, list.get(i));
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                append(b, e.getKey());
                b.append(": ");
                append(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof Object[] tuple) {
            b.append('(');
            for (int i = 0; i < tuple.length; i++) {
                if (i > 0) {
                    b.append(", ");
                }
                append(b, tuple[i]);
            }
            b.append(tuple.length == 1 ? ",)" : ")");
        } else {
            throw new IllegalArgumentException("no Python repr for " + v.getClass().getName());
        }
    }

    // unicode_repr in CPython's Objects/unicodeobject.c
    private static void appendString(StringBuilder b, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        b.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                b.append('\\').append((char) cp);
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\r') {
                b.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                b.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || PyUnicode.isPrintable(cp)) {
                b.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                b.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.append(String.format("\\U%08x", cp));
            }
        }
        b.append(quote);
    }

    // bytes_repr: b'...' with \\t \\n \\r \\xNN escapes, double quotes when only single quotes occur
    private static void appendBytes(StringBuilder b, byte[] bytes) {
        boolean single = false;
        boolean dbl = false;
        for (byte x : bytes) {
            single |= x == '\'';
            dbl |= x == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        b.append('b').append(quote);
        for (byte x : bytes) {
            int c = x & 0xFF;
            if (c == quote || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < ' ' || c >= 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.append((char) c);
            }
        }
        b.append(quote);
    }

    /** Python's type name of a value in the value model, for error messages. */
    public static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Double || v instanceof Float) {
            return "float";
        }
        if (v instanceof NpFloat64) {
            return "numpy.float64";
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        return v.getClass().getSimpleName();
    }
}
