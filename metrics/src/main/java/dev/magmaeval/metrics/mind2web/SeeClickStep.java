package dev.magmaeval.metrics.mind2web;

import dev.magmaeval.metrics.py.PyCompare;
import dev.magmaeval.metrics.py.PyEquality;
import dev.magmaeval.metrics.py.PyLiteral;
import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.metrics.py.PyStr;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Mind2Web step scored as SeeClick's {@code agent_tasks/mind2web_test.py} does: the response is read with
 * {@code ast.literal_eval}; the operation matches when {@code action_type} equals the reference's; the element
 * matches when {@code click_point} lies in the gold box (inclusive); Operation F1 is the token-set F1 of
 * {@code "<type>"} (+ {@code " " + value.lower()} for types 2 and 3). Any error stops scoring but keeps what was set
 * before it, as SeeClick's bare {@code except} does.
 */
public final class SeeClickStep {
    private SeeClickStep() {}

    /**
     * A scored step.
     *
     * @param opF1 the Operation F1, Python-typed: int 0 or 1, or a float
     * @param refActionType 4 (CLICK/HOVER/ENTER), 2 (SELECT) or 3 (TYPE)
     */
    public record StepResult(boolean opMatch, boolean eleMatch, Object opF1, long refActionType) {}

    /** Scores a model response against a reference whose {@code action} parsed (others are skipped upstream). */
    public static StepResult score(String response, SeeClickReference ref) {
        Map<?, ?> refAction = ref.action();
        if (refAction == null) {
            throw new IllegalArgumentException("reference action did not parse; SeeClick skips this step");
        }
        Object refType = PyEquality.get(refAction, "action_type");
        long refTypeLong = ((Number) refType).longValue();
        boolean opMatch = false;
        boolean eleMatch = false;
        Object opF1 = 0L;
        try {
            Object pred = PyLiteral.eval(response);
            Object predType = item(pred, "action_type");
            if (PyEquality.eq(predType, refType)) {
                opMatch = true;
            }
            Object click = item(pred, "click_point");
            List<Double> b = ref.bbox();
            if (chain(b.get(0), () -> item(click, 0L), b.get(2)) && chain(b.get(1), () -> item(click, 1L), b.get(3))) {
                eleMatch = true;
            }
            String predStr = PyRepr.str(item(pred, "action_type"));
            if (PyEquality.eq(item(pred, "action_type"), 3L) || PyEquality.eq(item(pred, "action_type"), 2L)) {
                predStr += " " + lowerOf(item(pred, "value"));
            }
            String refStr = PyRepr.str(refType);
            if (PyEquality.eq(refType, 3L) || PyEquality.eq(refType, 2L)) {
                refStr += " " + lowerOf(item(refAction, "value"));
            }
            opF1 = f1(predStr, refStr);
        } catch (RuntimeException e) {
            // SeeClick: except: logging.info("format wrong")
        }
        return new StepResult(opMatch, eleMatch, opF1, refTypeLong);
    }

    private interface Lazy {
        Object get();
    }

    // lo <= v <= hi, with v evaluated only when needed, as Python's chained comparison
    private static boolean chain(double lo, Lazy value, double hi) {
        Object v = value.get();
        if (!PyCompare.le(lo, v)) {
            return false;
        }
        return PyCompare.le(v, hi);
    }

    // x[key]: dict lookup, or sequence index with an int key
    static Object item(Object x, Object key) {
        if (x instanceof Map<?, ?> m) {
            return PyEquality.get(m, key);
        }
        if (!(key instanceof Long idx)) {
            throw new IllegalArgumentException("TypeError: indices must be integers");
        }
        if (x instanceof List<?> l) {
            return l.get(index(idx, l.size()));
        }
        if (x instanceof Object[] t) {
            return t[index(idx, t.length)];
        }
        if (x instanceof String s) {
            int[] cps = s.codePoints().toArray();
            return new String(cps, index(idx, cps.length), 1);
        }
        if (x instanceof byte[] bytes) {
            return (long) (bytes[index(idx, bytes.length)] & 0xFF);
        }
        throw new IllegalArgumentException("TypeError: '" + PyRepr.typeName(x) + "' object is not subscriptable");
    }

    private static int index(long i, int n) {
        long j = i < 0 ? i + n : i;
        if (j < 0 || j >= n) {
            throw new IndexOutOfBoundsException("index out of range");
        }
        return (int) j;
    }

    // value.lower() concatenated to a str: only a str works
    private static String lowerOf(Object value) {
        if (value instanceof String s) {
            return PyStr.lower(s);
        }
        throw new IllegalArgumentException("TypeError: cannot lower and concatenate " + PyRepr.typeName(value));
    }

    /** {@code calculate_f1(pred, label)}: token-set F1; int 1 when both are empty, int 0 on no overlap. */
    public static Object f1(String pred, String label) {
        Set<String> p = new HashSet<>(PyStr.split(PyStr.strip(pred)));
        Set<String> l = new HashSet<>(PyStr.split(PyStr.strip(label)));
        if (p.isEmpty() && l.isEmpty()) {
            return 1L;
        }
        if (p.isEmpty() || l.isEmpty()) {
            return 0L;
        }
        long tp = p.stream().filter(l::contains).count();
        long fp = p.size() - tp;
        long fn = l.size() - tp;
        Object precision = PyOps.truediv(tp, tp + fp);
        Object recall = PyOps.truediv(tp, tp + fn);
        if (PyOps.toDouble(precision) == 0 || PyOps.toDouble(recall) == 0) {
            return 0L;
        }
        return PyOps.truediv(PyOps.mul(PyOps.mul(2L, precision), recall), PyOps.add(precision, recall));
    }
}
