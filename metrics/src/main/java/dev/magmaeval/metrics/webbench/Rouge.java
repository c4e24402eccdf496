package dev.magmaeval.metrics.webbench;

import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ROUGE as the python {@code rouge} package (pltrdy/rouge 1.0.1, {@code Rouge.get_scores(..., avg=True)} with the
 * default {@code exclusive=True}) computes it for one hypothesis/reference pair: sentences are the non-empty pieces
 * between periods with whitespace collapsed, words are split on single spaces, n-grams and LCS words are compared as
 * sets, and {@code f = 2 * (p * r) / (p + r + 1e-8)}.
 */
public final class Rouge {
    private Rouge() {}

    /** F, precision and recall of one ROUGE variant. */
    public record Score(double f, double p, double r) {}

    /**
     * {@code [" ".join(s.split()) for s in text.split(".") if len(s) > 0]}: may hold "" for a whitespace-only piece.
     */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : PyStr.split(text, ".")) {
            if (!piece.isEmpty()) {
                out.add(PyStr.collapseWhitespace(piece));
            }
        }
        return out;
    }

    // _split_into_words: each sentence split on " " (so "" gives the token "")
    private static List<String> words(List<String> sentences) {
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            out.addAll(PyStr.split(s, " "));
        }
        return out;
    }

    /**
     * {@code rouge_n} of the hypothesis and reference texts.
     *
     * @throws IllegalArgumentException "Hypothesis is empty." / "Reference is empty." when a text has no sentence
     */
    public static Score rougeN(String hypothesis, String reference, int n) {
        List<String> hyp = sentences(hypothesis);
        List<String> ref = sentences(reference);
        if (hyp.isEmpty()) {
            throw new IllegalArgumentException("Hypothesis is empty.");
        }
        if (ref.isEmpty()) {
            throw new IllegalArgumentException("Reference is empty.");
        }
        Set<List<String>> evaluated = ngrams(words(hyp), n);
        Set<List<String>> referenceNgrams = ngrams(words(ref), n);
        Set<List<String>> overlap = new HashSet<>(evaluated);
        overlap.retainAll(referenceNgrams);
        return fromCounts(evaluated.size(), referenceNgrams.size(), overlap.size());
    }

    private static Set<List<String>> ngrams(List<String> words, int n) {
        Set<List<String>> out = new HashSet<>();
        for (int i = 0; i + n <= words.size(); i++) {
            out.add(List.copyOf(words.subList(i, i + n)));
        }
        return out;
    }

    // f_r_p_rouge_n
    private static Score fromCounts(int evaluated, int reference, int overlapping) {
        double precision = evaluated == 0 ? 0.0 : (double) overlapping / evaluated;
        double recall = reference == 0 ? 0.0 : (double) overlapping / reference;
        return new Score(2.0 * ((precision * recall) / (precision + recall + 1e-8)), precision, recall);
    }

    /**
     * {@code rouge_l_summary_level}: for each reference sentence, the words of the LCS with each hypothesis sentence
     * join one union shared across reference sentences; the count of new words is summed.
     *
     * @throws IllegalArgumentException "Collections must contain at least 1 sentence." for an empty text
     */
    public static Score rougeL(String hypothesis, String reference) {
        List<String> hyp = sentences(hypothesis);
        List<String> ref = sentences(reference);
        if (hyp.isEmpty() || ref.isEmpty()) {
            throw new IllegalArgumentException("Collections must contain at least 1 sentence.");
        }
        int m = new HashSet<>(words(ref)).size();
        int n = new HashSet<>(words(hyp)).size();
        Set<String> union = new LinkedHashSet<>();
        long llcs = 0;
        for (String refSentence : ref) {
            int before = union.size();
            List<String> refWords = PyStr.split(refSentence, " ");
            for (String h : hyp) {
                union.addAll(lcsWords(refWords, PyStr.split(h, " ")));
            }
            llcs += union.size() - before;
        }
        double rLcs = (double) llcs / m;
        double pLcs = (double) llcs / n;
        return new Score(2.0 * ((pLcs * rLcs) / (pLcs + rLcs + 1e-8)), pLcs, rLcs);
    }

    // _recon_lcs: the words on the back-tracked LCS path, preferring (i-1, j) only when strictly longer
    private static Set<String> lcsWords(List<String> x, List<String> y) {
        int[][] t = new int[x.size() + 1][y.size() + 1];
        for (int i = 1; i <= x.size(); i++) {
            for (int j = 1; j <= y.size(); j++) {
                t[i][j] = x.get(i - 1).equals(y.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        Set<String> out = new HashSet<>();
        int i = x.size();
        int j = y.size();
        while (i > 0 && j > 0) {
            if (x.get(i - 1).equals(y.get(j - 1))) {
                out.add(x.get(i - 1));
                i--;
                j--;
            } else if (t[i - 1][j] > t[i][j - 1]) {
                i--;
            } else {
                j--;
            }
        }
        return out;
    }

    /** The three F-scores of {@code Rouge().get_scores([hyp], [ref], avg=True)}, in order rouge-1, rouge-2, rouge-l. */
    public static double[] fScores(String hypothesis, String reference) {
        return new double[] {rougeN(hypothesis, reference, 1).f(), rougeN(hypothesis, reference, 2).f(),
            rougeL(hypothesis, reference).f()};
    }
}
