package dev.magmaeval.harness.score;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.Response;
import dev.magmaeval.harness.task.MetricSpec;
import dev.magmaeval.harness.task.OutputType;
import dev.magmaeval.harness.task.TaskDefinition;
import dev.magmaeval.metrics.generic.GenericMetrics;
import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ConfigurableTask.process_results} for tasks without a {@code process_results} function: registry metrics
 * on generations ({@code exact_match}, {@code anls}), and multiple-choice / loglikelihood scoring from mean token
 * losses (the lowest loss wins, as lmms-eval's argmin does).
 */
final class GenericScoring {
  private GenericScoring() {}

  static Map<String, Object> score(TaskDefinition task, Doc doc, List<Object> results) {
    return switch (task.outputType()) {
      case GENERATE_UNTIL -> generation(task, doc, results);
      case MULTIPLE_CHOICE -> multipleChoice(task, doc, results);
      case LOGLIKELIHOOD -> loglikelihood(task, results);
    };
  }

  private static Map<String, Object> generation(TaskDefinition task, Doc doc, List<Object> results) {
    Object gold = task.docs().target(doc);
    List<String> predictions = new ArrayList<>();
    for (Object r : results) predictions.add(r == null ? "" : PyStr.strip(String.valueOf(r)));
    if (task.docs().hasChoices()) {
      List<String> choices = task.docs().choices(doc);
      gold = choices.get(((Number) gold).intValue());
    }
    boolean multipleTargets = gold instanceof List<?>;
    Map<String, Object> out = new LinkedHashMap<>();
    for (MetricSpec m : task.metrics()) {
      Object value;
      if (multipleTargets && !m.name().equals("anls")) {
        boolean any = false;
        for (Object g : (List<?>) gold) {
          if (truthy(metric(m, List.of(String.valueOf(g)), predictions))) any = true;
        }
        value = any ? 1.0 : 0.0;
      } else {
        List<String> golds = new ArrayList<>();
        if (gold instanceof List<?> l) l.forEach(g -> golds.add(String.valueOf(g)));
        else golds.add(String.valueOf(gold));
        value = metric(m, golds, predictions);
      }
      out.put(m.name(), value);
    }
    return out;
  }

  private static Object metric(MetricSpec m, List<String> references, List<String> predictions) {
    Map<String, Object> kw = m.kwargs();
    return switch (m.name()) {
      case "exact_match" -> GenericMetrics.exactMatch(references, predictions, truthy(kw.get("ignore_case")),
          truthy(kw.get("ignore_punctuation")), truthy(kw.get("ignore_numbers")), regexes(kw.get("regexes_to_ignore")));
      case "anls" -> GenericMetrics.anls(references, predictions);
      case "bypass" -> null;
      default -> throw new IllegalArgumentException("metric '" + m.name() + "' needs a process_results function");
    };
  }

  private static List<String> regexes(Object v) {
    if (v == null) return null;
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) l.forEach(x -> out.add(String.valueOf(x)));
    else out.add(String.valueOf(v));
    return out;
  }

  private static Map<String, Object> multipleChoice(TaskDefinition task, Doc doc, List<Object> results) {
    List<String> choices = task.docs().choices(doc);
    int n = results.size();
    double[] lls = new double[n];
    boolean[] greedy = new boolean[n];
    for (int i = 0; i < n; i++) {
      Response.Loglikelihood r = (Response.Loglikelihood) results.get(i);
      lls[i] = r.loss();
      greedy[i] = r.greedy();
    }
    int pred = argmin(lls, null);
    double[] lengths = new double[choices.size()];
    for (int i = 0; i < lengths.length; i++) lengths[i] = PyStr.len(choices.get(i));
    int predNorm = argmin(lls, lengths);
    Object gold = task.docs().target(doc);
    List<Integer> golds = new ArrayList<>();
    boolean multiple = gold instanceof List<?>;
    if (multiple) {
      for (Object g : (List<?>) gold) golds.add(goldIndex(g, choices));
    } else {
      golds.add(goldIndex(gold, choices));
    }
    double acc;
    double accNorm;
    long exact;
    if (multiple) {
      acc = golds.contains(pred) ? 1.0 : 0.0;
      accNorm = golds.contains(predNorm) ? 1.0 : 0.0;
      exact = golds.stream().anyMatch(g -> g != -100 && greedy[g]) ? 1 : 0;
    } else {
      int g = golds.get(0);
      acc = pred == g ? 1.0 : 0.0;
      accNorm = predNorm == g ? 1.0 : 0.0;
      exact = g != -100 && greedy[g] ? 1 : 0;
    }
    List<String> use = task.metricNames();
    Map<String, Object> out = new LinkedHashMap<>();
    if (use.contains("acc")) out.put("acc", acc);
    if (use.contains("acc_norm")) out.put("acc_norm", accNorm);
    if (use.contains("exact_match")) out.put("exact_match", exact);
    return out;
  }

  private static int goldIndex(Object g, List<String> choices) {
    if (g instanceof Number num) {
      int i = num.intValue();
      return i < choices.size() ? i : -100;
    }
    int i = choices.indexOf(String.valueOf(g));
    return i < 0 ? -100 : i;
  }

  /** numpy's argmin: the first index of the smallest value (NaN wins, as in numpy). */
  private static int argmin(double[] v, double[] divisor) {
    int best = 0;
    double bestValue = Double.NaN;
    for (int i = 0; i < v.length; i++) {
      double x = divisor == null ? v[i] : v[i] / divisor[i];
      if (i == 0 || Double.isNaN(x) && !Double.isNaN(bestValue) || x < bestValue) {
        best = i;
        bestValue = x;
        if (Double.isNaN(x)) break;
      }
    }
    return best;
  }

  private static Map<String, Object> loglikelihood(TaskDefinition task, List<Object> results) {
    Response.Loglikelihood r = (Response.Loglikelihood) results.get(0);
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> use = task.metricNames();
    if (use.contains("perplexity")) out.put("perplexity", r.loss());
    if (use.contains("acc")) out.put("acc", r.greedy() ? 1L : 0L);
    return out;
  }

  static boolean truthy(Object v) {
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    if (v instanceof Number n) return n.doubleValue() != 0;
    if (v instanceof dev.magmaeval.metrics.py.NpFloat64 f) return f.value() != 0;
    if (v instanceof String s) return !s.isEmpty();
    return true;
  }
}
