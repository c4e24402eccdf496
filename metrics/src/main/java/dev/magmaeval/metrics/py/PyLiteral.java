package dev.magmaeval.metrics.py;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code ast.literal_eval(s)}: a Python expression made only of literals. Strings (every prefix but f, all
 * escapes, implicit concatenation), bytes ({@code byte[]}), ints, floats, complex ({@link PyComplex}), True, False,
 * None, tuples ({@code Object[]}), lists, dicts ({@link LinkedHashMap}, Python key equality), sets and
 * {@code set()}, with unary +/- on numbers and {@code real ± imaginary}. Comments, line continuations and newlines
 * inside brackets are accepted as Python's tokenizer does. Anything else throws IllegalArgumentException, where
 * Python raises ValueError or SyntaxError. {@code ...} (Ellipsis) is rejected.
 */
public final class PyLiteral {
    private final String s;
    private int i;
    private int depth;

    private PyLiteral(String s) {
        this.s = s;
    }

    /** {@code ast.literal_eval(source)}. */
    public static Object eval(String source) {
        String src = source;
        int start = 0;
        while (start < src.length() && (src.charAt(start) == ' ' || src.charAt(start) == '\t')) {
            start++;
        }
        if (src.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("source code string cannot contain null bytes");
        }
        PyLiteral p = new PyLiteral(src.substring(start).replace("\r\n", "\n").replace('\r', '\n'));
        p.skipBlankLines();
        Object v = p.expression();
        p.skip();
        if (p.i < p.s.length() && p.s.charAt(p.i) == ',') { // a bare tuple: "1, 2" or "1,"
            List<Object> items = new ArrayList<>();
            items.add(v);
            while (p.i < p.s.length() && p.s.charAt(p.i) == ',') {
                p.i++;
                p.skip();
                if (p.i >= p.s.length() || p.s.charAt(p.i) == '\n') {
                    break;
                }
                items.add(p.expression());
                p.skip();
            }
            v = items.toArray();
        }
        while (p.i < p.s.length()) {
            char c = p.s.charAt(p.i);
            if (c == '\n') {
                p.i++;
                p.skip();
                continue;
            }
            throw p.syntax("unexpected text after the expression");
        }
        return v;
    }

    private IllegalArgumentException syntax(String what) {
        return new IllegalArgumentException("invalid literal at " + i + ": " + what);
    }

    private void skipBlankLines() {
        while (true) {
            skip();
            if (i < s.length() && s.charAt(i) == '\n') {
                i++;
            } else {
                return;
            }
        }
    }

    // spaces, tabs, form feeds, comments, backslash continuations; newlines only inside brackets
    private void skip() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
            } else if (c == '\n' && depth > 0) {
                i++;
            } else {
                return;
            }
        }
    }

    private boolean peek(char c) {
        skip();
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw syntax("expected '" + c + "'");
        }
        i++;
    }

    /** How ast.literal_eval sees a parsed node: a number constant, another constant, a container or a sign. */
    private enum Kind { NUM, CONST, CONTAINER, UNARY }

    private record Node(Kind kind, Object value) {}

    private Object expression() {
        return expr().value();
    }

    // _convert: a constant, a container, +/- a number constant, or (signed) real +/- imaginary constant
    private Node expr() {
        Node left = term();
        skip();
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            boolean minus = s.charAt(i++) == '-';
            Node right = term();
            skip();
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                throw syntax("chained operators are not literals");
            }
            boolean realLeft = (left.kind() == Kind.NUM || left.kind() == Kind.UNARY)
                    && !(left.value() instanceof PyComplex);
            if (!realLeft || right.kind() != Kind.NUM || !(right.value() instanceof PyComplex rc)) {
                throw syntax("only real +/- imaginary is a literal");
            }
            double re = PyOps.toDouble(left.value());
            // the real left operand becomes complex(re, 0.0) first, so 1-0j has imaginary part 0.0 - 0.0 = +0.0
            return new Node(Kind.CONST, minus ? new PyComplex(re - rc.real(), 0.0 - rc.imag())
                    : new PyComplex(re + rc.real(), 0.0 + rc.imag()));
        }
        return left;
    }

    private Node term() {
        skip();
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            boolean minus = s.charAt(i++) == '-';
            Node operand = term();
            if (operand.kind() != Kind.NUM) {
                throw syntax("a sign applies only to a number constant");
            }
            Object v = operand.value();
            if (!minus) {
                return new Node(Kind.UNARY, v);
            }
            if (v instanceof PyComplex c) {
                return new Node(Kind.UNARY, new PyComplex(-c.real(), -c.imag()));
            }
            if (v instanceof Double d) {
                return new Node(Kind.UNARY, -d);
            }
            return new Node(Kind.UNARY, PyOps.normalizeInt(PyOps.bigInt(v).negate()));
        }
        return atom();
    }

    private Node atom() {
        skip();
        if (i >= s.length()) {
            throw syntax("unexpected end");
        }
        char c = s.charAt(i);
        if (c == '(' || c == '[' || c == '{') {
            return container(c);
        }
        if (c >= '0' && c <= '9' || c == '.' && i + 1 < s.length() && s.charAt(i + 1) >= '0'
                && s.charAt(i + 1) <= '9') {
            return new Node(Kind.NUM, number());
        }
        if (c == '"' || c == '\'') {
            return new Node(Kind.CONST, strings());
        }
        if (Character.isLetter(c) || c == '_') {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            String word = s.substring(start, i);
            if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'') && isPrefix(word)) {
                i = start;
                return new Node(Kind.CONST, strings());
            }
            switch (word) {
                case "True":
                    return new Node(Kind.CONST, true);
                case "False":
                    return new Node(Kind.CONST, false);
                case "None":
                    return new Node(Kind.CONST, null);
                case "set":
                    expect('(');
                    expect(')');
                    return new Node(Kind.CONTAINER, new LinkedHashSet<>());
                default:
                    throw syntax("name '" + word + "' is not a literal");
            }
        }
        throw syntax("unexpected character " + PyRepr.repr(String.valueOf(c)));
    }

    private static boolean isPrefix(String w) {
        return List.of("r", "u", "b", "br", "rb", "R", "U", "B", "bR", "Br", "BR", "rB", "Rb", "RB")
                .contains(w);
    }

    private Node container(char open) {
        i++;
        depth++;
        char close = open == '(' ? ')' : open == '[' ? ']' : '}';
        List<Object> items = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Node single = null;
        boolean dict = false;
        boolean trailingComma = false;
        while (!peek(close)) {
            Node item = expr();
            single = items.isEmpty() ? item : null;
            items.add(item.value());
            trailingComma = false;
            if (open == '{' && (items.size() == 1 || dict) && peek(':')) {
                dict = true;
                i++;
                values.add(expression());
            } else if (dict) {
                throw syntax("dict entry without a value");
            }
            if (peek(',')) {
                i++;
                trailingComma = true;
            } else if (!peek(close)) {
                throw syntax("expected ',' or '" + close + "'");
            }
        }
        i++;
        depth--;
        if (open == '(') {
            if (items.size() == 1 && !trailingComma) {
                return single; // parentheses around one expression are not a tuple
            }
            return new Node(Kind.CONTAINER, items.toArray());
        }
        if (open == '[') {
            return new Node(Kind.CONTAINER, items);
        }
        if (items.isEmpty() || dict) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < items.size(); k++) {
                put(out, items.get(k), values.get(k));
            }
            return new Node(Kind.CONTAINER, out);
        }
        Set<Object> set = new LinkedHashSet<>();
        for (Object o : items) {
            hashable(o);
            if (set.stream().noneMatch(x -> PyEquality.eq(x, o))) {
                set.add(o);
            }
        }
        return new Node(Kind.CONTAINER, set);
    }

    private static void put(Map<Object, Object> d, Object key, Object value) {
        hashable(key);
        for (Map.Entry<Object, Object> e : d.entrySet()) {
            if (PyEquality.eq(e.getKey(), key)) {
                e.setValue(value);
                return;
            }
        }
        d.put(key, value);
    }

    private static void hashable(Object key) {
        if (key instanceof List || key instanceof Map || key instanceof Set) {
            throw new IllegalArgumentException("unhashable type: '" + PyRepr.typeName(key) + "'");
        }
        if (key instanceof Object[] t) {
            for (Object o : t) {
                hashable(o);
            }
        }
    }

    private Object number() {
        if (s.charAt(i) == '0' && i + 1 < s.length() && "xXoObB".indexOf(s.charAt(i + 1)) >= 0) {
            char kind = Character.toLowerCase(s.charAt(i + 1));
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            i += 2;
            StringBuilder digits = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '_' && i + 1 < s.length() && Character.digit(s.charAt(i + 1), radix) >= 0
                        && c < 128) {
                    i++;
                    continue;
                }
                if (c < 128 && Character.digit(c, radix) >= 0) {
                    digits.append(c);
                    i++;
                } else {
                    break;
                }
            }
            if (digits.length() == 0) {
                throw syntax("invalid number");
            }
            endOfNumber();
            return PyOps.normalizeInt(new BigInteger(digits.toString(), radix));
        }
        String intPart = digitPart();
        boolean isFloat = false;
        String frac = "";
        String exp = "";
        if (i < s.length() && s.charAt(i) == '.') {
            isFloat = true;
            i++;
            if (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                frac = digitPart();
            }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int save = i;
            i++;
            String sign = "";
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                sign = String.valueOf(s.charAt(i++));
            }
            if (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                exp = "e" + sign + digitPart();
                isFloat = true;
            } else {
                i = save;
                throw syntax("invalid exponent");
            }
        }
        boolean imaginary = i < s.length() && (s.charAt(i) == 'j' || s.charAt(i) == 'J');
        if (imaginary) {
            i++;
        }
        endOfNumber();
        String text = (intPart.isEmpty() ? "0" : intPart) + "." + (frac.isEmpty() ? "0" : frac) + exp;
        if (imaginary) {
            return new PyComplex(0.0, Double.parseDouble(text));
        }
        if (isFloat) {
            return Double.parseDouble(text);
        }
        if (intPart.length() > 1 && intPart.charAt(0) == '0' && !intPart.chars().allMatch(ch -> ch == '0')) {
            throw syntax("leading zeros in decimal integer literals are not permitted");
        }
        return PyOps.normalizeInt(new BigInteger(intPart));
    }

    // digit (["_"] digit)*
    private String digitPart() {
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
                i++;
            } else if (c == '_' && b.length() > 0 && i + 1 < s.length() && s.charAt(i + 1) >= '0'
                    && s.charAt(i + 1) <= '9') {
                i++;
            } else {
                break;
            }
        }
        return b.toString();
    }

    private void endOfNumber() {
        if (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
            throw syntax("invalid number literal");
        }
    }

    // one or more adjacent string literals, all str or all bytes
    private Object strings() {
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Boolean isBytes = null;
        while (true) {
            skip();
            int save = i;
            String prefix = "";
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                prefix += s.charAt(i++);
            }
            if (i >= s.length() || (s.charAt(i) != '"' && s.charAt(i) != '\'') || !(prefix.isEmpty()
                    || isPrefix(prefix))) {
                i = save;
                break;
            }
            String p = prefix.toLowerCase();
            boolean b = p.contains("b");
            if (isBytes != null && isBytes != b) {
                throw syntax("cannot mix bytes and nonbytes literals");
            }
            isBytes = b;
            String body = literalBody(p.contains("r"), b);
            if (b) {
                for (int k = 0; k < body.length(); k++) {
                    bytes.write(body.charAt(k));
                }
            } else {
                text.append(body);
            }
        }
        if (isBytes == null) {
            throw syntax("expected a string");
        }
        return isBytes ? bytes.toByteArray() : text.toString();
    }

    private String literalBody(boolean raw, boolean isBytes) {
        char q = s.charAt(i);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
        i += triple ? 3 : 1;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw syntax("unterminated string literal");
            }
            char c = s.charAt(i);
            if (triple ? s.startsWith(String.valueOf(q).repeat(3), i) : c == q) {
                i += triple ? 3 : 1;
                return b.toString();
            }
            if (c == '\n' && !triple) {
                throw syntax("unterminated string literal");
            }
            if (isBytes && c >= 128) {
                throw syntax("bytes can only contain ASCII literal characters");
            }
            if (c != '\\') {
                b.append(c);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                throw syntax("unterminated string literal");
            }
            char e = s.charAt(i + 1);
            if (raw) {
                b.append(c).append(e);
                i += 2;
                continue;
            }
            i += 2;
            escape(b, e, isBytes);
        }
    }

    private void escape(StringBuilder b, char e, boolean isBytes) {
        switch (e) {
            case '\n' -> { }
            case '\\', '\'', '"' -> b.append(e);
            case 'a' -> b.append('\u0007');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'n' -> b.append('\n');
            case 'r' -> b.append('\r');
            case 't' -> b.append('\t');
            case 'v' -> b.append('\u000b');
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                int v = e - '0';
                for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                    v = v * 8 + (s.charAt(i++) - '0');
                }
                if (isBytes) {
                    v &= 0xFF;
                }
                b.appendCodePoint(v);
            }
            case 'x' -> b.appendCodePoint(hex(2));
            case 'u' -> appendUnicode(b, isBytes, 4);
            case 'U' -> appendUnicode(b, isBytes, 8);
            case 'N' -> {
                if (isBytes) {
                    b.append('\\').append('N');
                    return;
                }
                int end = s.indexOf('}', i);
                if (i >= s.length() || s.charAt(i) != '{' || end < 0) {
                    throw syntax("malformed \\N character escape");
                }
                String name = s.substring(i + 1, end);
                i = end + 1;
                try {
                    b.appendCodePoint(Character.codePointOf(name));
                } catch (IllegalArgumentException ex) {
                    throw syntax("unknown Unicode character name");
                }
            }
            default -> b.append('\\').append(e);
        }
    }

    private void appendUnicode(StringBuilder b, boolean isBytes, int n) {
        if (isBytes) {
            b.append('\\').append(n == 4 ? 'u' : 'U');
            return;
        }
        int cp = hex(n);
        if (cp > 0x10FFFF) {
            throw syntax("illegal Unicode character");
        }
        b.appendCodePoint(cp);
    }

    private int hex(int n) {
        if (i + n > s.length()) {
            throw syntax("truncated escape");
        }
        for (int k = 0; k < n; k++) {
            if (Character.digit(s.charAt(i + k), 16) < 0 || s.charAt(i + k) >= 128) {
                throw syntax("truncated escape");
            }
        }
        int v = (int) Long.parseLong(s.substring(i, i + n), 16);
        i += n;
        return v;
    }
}
