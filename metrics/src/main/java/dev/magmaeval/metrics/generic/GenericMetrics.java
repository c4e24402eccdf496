package dev.magmaeval.metrics.generic;

import dev.magmaeval.metrics.py.NpFloat64;
import dev.magmaeval.metrics.py.NumpySum;
import dev.magmaeval.metrics.py.PyRegex;
import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** lmms-eval's generic metrics from {@code lmms_eval/api/metrics.py}. */
public final class GenericMetrics {
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private GenericMetrics() {}

    /**
     * {@code exact_match_hf_evaluate}: the share of positions where prediction equals reference after the optional
     * regex removal, {@code np.char.lower}, deletion of {@code string.punctuation} and of ASCII digits. numpy's
     * fixed-width unicode arrays are modelled: trailing NULs are dropped and a lowercased element is cut to the
     * array's width (the longest input), so {@code 'İ'} lowercases to {@code 'i'}. Regexes are Python patterns
     * ({@link PyRegex}).
     *
     * @return {@code np.mean(score_list)}, a numpy float
     */
    public static NpFloat64 exactMatch(List<String> references, List<String> predictions, boolean ignoreCase,
            boolean ignorePunctuation, boolean ignoreNumbers, List<String> regexesToIgnore) {
        if (references.size() != predictions.size()) {
            throw new IllegalArgumentException("exact_match: " + references.size() + " references but "
                    + predictions.size() + " predictions");
        }
        List<String> preds = new ArrayList<>(predictions);
        List<String> refs = new ArrayList<>(references);
        if (regexesToIgnore != null) {
            for (String regex : regexesToIgnore) {
                Pattern pattern = PyRegex.compile(regex);
                preds.replaceAll(x -> pattern.matcher(x).replaceAll(""));
                refs.replaceAll(x -> pattern.matcher(x).replaceAll(""));
            }
        }
        NumpyStrings p = NumpyStrings.of(preds);
        NumpyStrings r = NumpyStrings.of(refs);
        if (ignoreCase) {
            p = p.lower();
            r = r.lower();
        }
        if (ignorePunctuation) {
            p = p.delete(PUNCTUATION);
            r = r.delete(PUNCTUATION);
        }
        if (ignoreNumbers) {
            p = p.delete("0123456789");
            r = r.delete("0123456789");
        }
        double[] equal = new double[p.items().size()];
        for (int i = 0; i < equal.length; i++) {
            equal[i] = p.items().get(i).equals(r.items().get(i)) ? 1.0 : 0.0;
        }
        return new NpFloat64(NumpySum.meanCast(equal));
    }
    /**
     * {@code anls(references, predictions, thresh_hold=0.5)}: for each reference, the Levenshtein distance between
     * the normalized (stripped, lowercased, whitespace-collapsed) strings over the longer of the two raw strings'
     * uppercased lengths; {@code 1 - min}, zeroed below 0.5.
     *
     * @return the {@code "anls"} value: {@code 1 - min(values)} as a float, or the int 0 below the threshold
     */
    public static Object anlsValue(List<String> references, List<String> predictions) {
        String pred = predictions.get(0);
        String det = PyStr.collapseWhitespace(PyStr.lower(PyStr.strip(pred)));
        int predUpperLen = PyStr.len(PyStr.upper(pred));
        double min = Double.POSITIVE_INFINITY;
        for (String answer : references) {
            String gt = PyStr.collapseWhitespace(PyStr.lower(PyStr.strip(answer)));
            int dist = Levenshtein.distance(gt, det);
            int length = Math.max(PyStr.len(PyStr.upper(answer)), predUpperLen);
            double v = length == 0 ? 0.0 : (double) dist / (double) length;
            min = Math.min(min, v);
        }
        if (references.isEmpty()) {
            throw new IllegalArgumentException("min() arg is an empty sequence");
        }
        double result = 1 - min;
        return result < 0.5 ? (Object) 0L : (Object) result;
    }

    /** {@link #anlsValue} as a double. */
    public static double anls(List<String> references, List<String> predictions) {
        Object v = anlsValue(references, predictions);
        return v instanceof Long l ? l : (Double) v;
    }
}
