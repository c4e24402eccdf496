package dev.magmaeval.harness.score;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.RequestId;
import dev.magmaeval.harness.api.Response;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.run.DocPlan;
import dev.magmaeval.harness.task.FilterSpec;
import dev.magmaeval.harness.task.ReasoningTags;
import dev.magmaeval.harness.task.TaskDefinition;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The scoring stage of one task, mirroring the post-processing loop of lmms-eval's {@code evaluator.evaluate}: per
 * doc and filter ensemble, filter the responses, strip reasoning tags, run {@code process_results} on the doc
 * without its media columns, collect the values and build the samples-file line. Docs whose model call failed are
 * recorded as errors and never scored.
 */
public final class Scorer {

  /** sha256 of {@code json.dumps(None)}: lmms-eval hashes {@code Instance.doc}, which it never sets. */
  static final String DOC_HASH = "74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b";

  private final boolean keepMedia;

  public static String docHash() {
    return DOC_HASH;
  }

  /** @param processWithMedia {@code --process_with_media} */
  public Scorer(boolean processWithMedia) {
    this.keepMedia = processWithMedia;
  }

  public TaskScore score(TaskDefinition task, Stream<Doc> docs, List<DocPlan> plans,
      Map<RequestId, Response> responses, Set<String> mediaColumns, Consumer<SampleRecord> sink) {
    Map<Integer, DocPlan> byDoc = new HashMap<>();
    for (DocPlan p : plans) byDoc.put(p.docId(), p);
    Map<MetricKey, List<Object>> sampleMetrics = new LinkedHashMap<>();
    int[] counts = {0, 0};
    Consumer<SampleRecord> samples = r -> {
      counts[1]++;
      sink.accept(r);
    };
    try (docs) {
      docs.forEach(doc -> {
        DocPlan plan = byDoc.get(doc.id());
        if (plan == null) throw new IllegalStateException(task.name() + ": doc " + doc.id() + " was never requested");
        List<Response> answers = new ArrayList<>();
        String failure = null;
        for (Request r : plan.requests()) {
          Response a = responses.get(r.id());
          if (a == null) a = new Response.Failure("no response");
          if (a instanceof Response.Failure f && failure == null) failure = f.error();
          answers.add(a);
        }
        if (failure != null) {
          counts[0]++;
          samples.accept(errorSample(task, doc, plan, failure));
          return;
        }
        Doc scored = keepMedia || task.processResultsUseImage() ? doc : withoutMedia(doc, mediaColumns);
        for (FilterSpec filter : task.filters()) {
          scoreWithFilter(task, scored, plan, answers, filter, sampleMetrics, samples);
        }
      });
    }
    return new TaskScore(sampleMetrics, counts[0], counts[1]);
  }

  private void scoreWithFilter(TaskDefinition task, Doc doc, DocPlan plan, List<Response> answers, FilterSpec filter,
      Map<MetricKey, List<Object>> sampleMetrics, Consumer<SampleRecord> samples) {
    List<Object> raw = new ArrayList<>();
    List<Object> filtered = new ArrayList<>();
    for (Response a : answers) {
      Object value = new ArrayList<>(List.of(responseValue(a)));
      for (TaskFunction.Filter step : filter.steps()) value = step.apply(value, doc);
      raw.add(value);
      filtered.add(task.reasoningTags() == null ? value : stripReasoning(value, task.reasoningTags()));
    }
    Map<String, Object> metrics = processResults(task, doc, filtered);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("doc_id", (long) doc.id());
    line.put("target", PyRepr.str(task.docs().target(doc)));
    List<Object> resps = new ArrayList<>();
    if (task.reasoningTags() != null) {
      resps.addAll(raw);
    } else {
      for (Response a : answers) resps.add(new ArrayList<>(List.of(responseValue(a))));
    }
    Object respsOut = flatten(sanitize(resps));
    Object filteredOut = flatten(sanitize(filtered));
    boolean same = respsOut.equals(filteredOut)
        || respsOut instanceof List<?> l && l.size() == 1 && l.get(0).equals(filteredOut);
    if (!same) line.put("resps", respsOut);
    line.put("filtered_resps", filteredOut);
    List<Object> tokenCounts = new ArrayList<>();
    for (Response a : answers) tokenCounts.add(tokenCounts(a));
    line.put("token_counts", tokenCounts);
    line.put("doc_hash", DOC_HASH);
    line.putAll(metrics);
    line.put("input", plan.context());
    samples.accept(new SampleRecord(doc.id(), line));
    for (Map.Entry<String, Object> e : metrics.entrySet()) {
      sampleMetrics.computeIfAbsent(new MetricKey(e.getKey(), filter.name()), k -> new ArrayList<>()).add(e.getValue());
    }
  }

  private static Map<String, Object> processResults(TaskDefinition task, Doc doc, List<Object> filtered) {
    List<Object> results = new ArrayList<>();
    switch (task.outputType()) {
      case GENERATE_UNTIL -> {
        List<?> source = filtered.size() > 0 && filtered.get(0) instanceof List<?> first ? first : filtered;
        for (Object r : source) results.add(r == null ? "" : PyStr.strip(String.valueOf(r)));
      }
      default -> results.addAll(filtered);
    }
    if (task.processResults() != null) {
      Map<String, Object> m = task.processResults().apply(doc, results);
      if (m == null) throw new IllegalStateException(task.name() + ": process_results returned nothing for doc " + doc.id());
      return m;
    }
    return GenericScoring.score(task, doc, results);
  }

  private static SampleRecord errorSample(TaskDefinition task, Doc doc, DocPlan plan, String failure) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("doc_id", (long) doc.id());
    Object target;
    try {
      target = PyRepr.str(task.docs().target(doc));
    } catch (RuntimeException e) {
      target = "";
    }
    line.put("target", target);
    line.put("error", failure);
    line.put("doc_hash", DOC_HASH);
    line.put("input", plan.context());
    return new SampleRecord(doc.id(), line);
  }

  private static Object responseValue(Response r) {
    if (r instanceof Response.Text t) return t.text();
    return r;
  }

  private static Object stripReasoning(Object value, List<List<String>> tags) {
    if (value instanceof String s) return ReasoningTags.strip(s, tags);
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) out.add(o instanceof String s ? ReasoningTags.strip(s, tags) : o);
      return out;
    }
    return value;
  }

  /** {@code sanitize_list}: every leaf becomes its Python {@code str()}; tuples stay sequences. */
  static Object sanitize(Object v) {
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) out.add(sanitize(o));
      return out;
    }
    if (v instanceof Response.Loglikelihood ll) {
      return List.of(PyRepr.str(ll.loss()), PyRepr.str(ll.greedy()));
    }
    return PyRepr.str(v);
  }

  private static Object flatten(Object v) {
    return v instanceof List<?> l && l.size() == 1 ? l.get(0) : v;
  }

  private static Object tokenCounts(Response r) {
    if (!(r instanceof Response.Text t) || t.tokens() == null) return null;
    Map<String, Object> m = new LinkedHashMap<>();
    if (t.tokens().inputTokens() != null) m.put("input_tokens", (long) t.tokens().inputTokens());
    if (t.tokens().outputTokens() != null) m.put("output_tokens", (long) t.tokens().outputTokens());
    if (t.tokens().reasoningTokens() != null) m.put("reasoning_tokens", (long) t.tokens().reasoningTokens());
    return m;
  }

  private static Doc withoutMedia(Doc doc, Set<String> media) {
    if (media.isEmpty()) return doc;
    Map<String, Object> fields = new LinkedHashMap<>(doc.fields());
    fields.keySet().removeAll(media);
    return new Doc(doc.id(), fields, doc.origin());
  }
}
