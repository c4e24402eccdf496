package dev.magmaeval.metrics.py;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.loads} into the value model: objects become {@link LinkedHashMap}, arrays {@link List}, integers
 * {@link Long} (or {@link BigInteger}), other numbers {@link Double}; {@code NaN}, {@code Infinity} and
 * {@code -Infinity} are accepted as Python does.
 */
public final class PyJson {
    private final String s;
    private int i;

    private PyJson(String s) {
        this.s = s;
    }

    /**
     * Parses a whole JSON document.
     *
     * @throws IllegalArgumentException where Python raises JSONDecodeError
     */
    public static Object loads(String s) {
        PyJson p = new PyJson(s);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.i != s.length()) {
            throw p.error("Extra data");
        }
        return v;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at char " + i);
    }

    private void ws() {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private Object value() {
        if (i >= s.length()) {
            throw error("Expecting value");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            default:
                break;
        }
        for (String[] lit : new String[][] {{"null", null}, {"true", "t"}, {"false", "f"}, {"NaN", "n"},
            {"Infinity", "i"}, {"-Infinity", "-"}}) {
            if (s.startsWith(lit[0], i)) {
                i += lit[0].length();
                if (lit[1] == null) {
                    return null;
                }
                return switch (lit[1]) {
                    case "t" -> true;
                    case "f" -> false;
                    case "n" -> Double.NaN;
                    case "i" -> Double.POSITIVE_INFINITY;
                    default -> Double.NEGATIVE_INFINITY;
                };
            }
        }
        return number();
    }

    private Object number() {
        int start = i;
        if (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '0') {
            i++;
        } else if (i < s.length() && s.charAt(i) >= '1' && s.charAt(i) <= '9') {
            while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
        } else {
            i = start;
            throw error("Expecting value");
        }
        boolean isFloat = false;
        if (i + 1 < s.length() && s.charAt(i) == '.' && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
            isFloat = true;
            i++;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int save = i;
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                isFloat = true;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
            } else {
                i = save;
            }
        }
        String t = s.substring(start, i);
        return isFloat ? (Object) PyFloat.parse(t) : PyOps.normalizeInt(new BigInteger(t));
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) {
                throw error("Unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw error("Invalid control character");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw error("Unterminated string");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("Invalid \\uXXXX escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("Invalid \\uXXXX escape");
                    }
                    i += 4;
                }
                default -> throw error("Invalid \\escape");
            }
        }
    }

    private List<Object> array() {
        List<Object> out = new ArrayList<>();
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return out;
        }
        while (true) {
            ws();
            out.add(value());
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length() && s.charAt(i) == ']') {
                i++;
                return out;
            }
            throw error("Expecting ',' delimiter");
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> out = new LinkedHashMap<>();
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return out;
        }
        while (true) {
            ws();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error("Expecting property name enclosed in double quotes");
            }
            String k = string();
            ws();
            if (i >= s.length() || s.charAt(i) != ':') {
                throw error("Expecting ':' delimiter");
            }
            i++;
            ws();
            out.put(k, value());
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return out;
            }
            throw error("Expecting ',' delimiter");
        }
    }
}
