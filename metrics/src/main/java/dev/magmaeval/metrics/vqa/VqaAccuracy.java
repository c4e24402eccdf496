package dev.magmaeval.metrics.vqa;

import dev.magmaeval.metrics.py.PyStatistics;
import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The VQA accuracy of lmms-eval's {@code vqav2_process_results} and {@code textvqa_process_results}: for each ground
 * truth, {@code min(1, matches among the other answers / 3)}, averaged with {@code statistics.mean}. The per-answer
 * value is the int {@code 1} when three or more others match (Python's {@code min(1, 1.0)} keeps the int), so the
 * result is {@link Long} {@code 1} when every term is, else a {@link Double}.
 */
public final class VqaAccuracy {
    private static final EvalAiAnswerProcessor P = EvalAiAnswerProcessor.INSTANCE;

    private VqaAccuracy() {}

    /** VQAv2 normalization of one answer: newlines and tabs to spaces, strip, punctuation, digits and articles. */
    public static String normalizeVqav2(String s) {
        String t = PyStr.strip(s.replace("\n", " ").replace("\t", " "));
        return P.processDigitArticle(P.processPunctuation(t));
    }

    /**
     * {@code vqav2_process_results}'s {@code exact_match} for answers with distinct answer dicts (the dataset's
     * {@code answer_id}s differ), so the "others" of answer {@code i} are all answers but {@code i}.
     *
     * @param prediction {@code result[0]}, the stripped model response
     */
    public static Object vqav2(List<String> gtAnswers, String prediction) {
        List<Map<String, Object>> dicts = new ArrayList<>(gtAnswers.size());
        for (int i = 0; i < gtAnswers.size(); i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("answer", gtAnswers.get(i));
            d.put("answer_id", (long) i + 1);
            dicts.add(d);
        }
        return vqav2Dicts(dicts, prediction);
    }

    /**
     * {@code vqav2_process_results}'s {@code exact_match} over the doc's answer dicts as they are: "others" are the
     * dicts not equal to the current one as whole dicts (after normalizing {@code answer}), so duplicated dicts
     * exclude each other. The input is not modified.
     */
    public static Object vqav2Dicts(List<Map<String, Object>> answers, String prediction) {
        List<Map<String, Object>> norm = new ArrayList<>(answers.size());
        for (Map<String, Object> a : answers) {
            Map<String, Object> d = new LinkedHashMap<>(a);
            d.put("answer", normalizeVqav2((String) a.get("answer")));
            norm.add(d);
        }
        String res = normalizeVqav2(prediction);
        List<Object> accs = new ArrayList<>(norm.size());
        for (Map<String, Object> gt : norm) {
            int matching = 0;
            for (Map<String, Object> other : norm) {
                if (!other.equals(gt) && res.equals(other.get("answer"))) {
                    matching++;
                }
            }
            accs.add(leaveOneOut(matching));
        }
        return PyStatistics.mean(accs);
    }

    /** The normalized prediction, which {@code vqav2_process_results} also returns as the submission answer. */
    public static String vqav2Answer(String prediction) {
        return normalizeVqav2(prediction);
    }

    /** {@code textvqa_process_results}'s {@code exact_match}: the processor's {@code __call__} on all strings. */
    public static Object textvqa(List<String> gtAnswers, String prediction) {
        String res = P.apply(prediction);
        List<String> gts = new ArrayList<>(gtAnswers.size());
        for (String a : gtAnswers) {
            gts.add(P.apply(a));
        }
        List<Object> accs = new ArrayList<>(gts.size());
        for (int i = 0; i < gts.size(); i++) {
            int matching = 0;
            for (int j = 0; j < gts.size(); j++) {
                if (i != j && gts.get(j).equals(res)) {
                    matching++;
                }
            }
            accs.add(leaveOneOut(matching));
        }
        return PyStatistics.mean(accs);
    }

    // min(1, float(matching) / 3): Python's min returns the first argument, the int 1, on a tie with 1.0
    private static Object leaveOneOut(int matching) {
        double v = (double) matching / 3;
        return v < 1 ? (Object) v : (Object) 1L;
    }
}
