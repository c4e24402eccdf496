package dev.magmaeval.metrics.mind2web;

import dev.magmaeval.metrics.mind2web.SeeClickStep.StepResult;
import dev.magmaeval.metrics.py.NpFloat64;
import dev.magmaeval.metrics.py.NumpySum;
import dev.magmaeval.metrics.py.PyEquality;
import dev.magmaeval.metrics.py.PyOps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SeeClick's reported Mind2Web numbers (end of {@code agent_tasks/mind2web_test.py}), over episodes of scored steps
 * (skipped steps left out).
 *
 * @param operationF1 {@code np.mean} over action types 4, 2, 3 of the per-type {@code np.mean} F1 (NaN if a type is
 *     absent)
 * @param elementAccuracy micro: element matches / steps
 * @param stepSuccessRate micro: steps with F1 == 1 and an element match / steps
 * @param episodeSuccessRate episodes whose every step succeeded / episodes (an episode without steps succeeds)
 * @param macroElementAccuracy mean over episodes of the per-episode element accuracy
 * @param macroOperationF1 mean over episodes of the per-episode mean F1
 * @param macroStepSuccessRate mean over episodes of the per-episode step success rate
 */
public record SeeClickScores(NpFloat64 operationF1, double elementAccuracy, double stepSuccessRate,
        double episodeSuccessRate, NpFloat64 macroElementAccuracy, NpFloat64 macroOperationF1,
        NpFloat64 macroStepSuccessRate) {

    /**
     * Computes the scores.
     *
     * @throws ArithmeticException when there are no steps or no episodes (upstream divides by zero)
     */
    public static SeeClickScores of(List<List<StepResult>> episodes) {
        long steps = 0;
        long ele = 0;
        long stepSuccess = 0;
        long episodeSuccess = 0;
        Map<Long, List<Object>> byType = new LinkedHashMap<>();
        byType.put(4L, new ArrayList<>());
        byType.put(2L, new ArrayList<>());
        byType.put(3L, new ArrayList<>());
        List<Object> macroEle = new ArrayList<>();
        List<Object> macroStep = new ArrayList<>();
        List<Object> macroF1 = new ArrayList<>();
        for (List<StepResult> episode : episodes) {
            List<Object> e = new ArrayList<>();
            List<Object> s = new ArrayList<>();
            List<Object> f = new ArrayList<>();
            boolean success = true;
            for (StepResult r : episode) {
                steps++;
                ele += r.eleMatch() ? 1 : 0;
                e.add(r.eleMatch() ? 1L : 0L);
                List<Object> typed = byType.get(r.refActionType());
                if (typed != null) {
                    typed.add(r.opF1());
                }
                f.add(r.opF1());
                if (PyEquality.eq(r.opF1(), 1.0) && r.eleMatch()) {
                    stepSuccess++;
                    s.add(1L);
                } else {
                    s.add(0L);
                    success = false;
                }
            }
            episodeSuccess += success ? 1 : 0;
            macroEle.add(NumpySum.mean(e));
            macroStep.add(NumpySum.mean(s));
            macroF1.add(NumpySum.mean(f));
        }
        List<Object> perType = new ArrayList<>();
        byType.values().forEach(v -> perType.add(NumpySum.mean(v)));
        return new SeeClickScores(new NpFloat64(NumpySum.mean(perType)),
                PyOps.toDouble(PyOps.truediv(ele, steps)),
                PyOps.toDouble(PyOps.truediv(stepSuccess, steps)),
                PyOps.toDouble(PyOps.truediv(episodeSuccess, (long) episodes.size())),
                new NpFloat64(NumpySum.mean(macroEle)), new NpFloat64(NumpySum.mean(macroF1)),
                new NpFloat64(NumpySum.mean(macroStep)));
    }
}
