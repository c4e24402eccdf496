package dev.magmaeval.harness.run;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.MissingColumnException;
import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.ModelContext;
import dev.magmaeval.harness.api.ModelProvider;
import dev.magmaeval.harness.config.TaskIndex;
import dev.magmaeval.harness.config.TaskNode;
import dev.magmaeval.harness.config.TaskTreeLoader;
import dev.magmaeval.harness.dataset.DatasetFiles;
import dev.magmaeval.harness.dataset.DatasetLocator;
import dev.magmaeval.harness.dataset.DatasetRequest;
import dev.magmaeval.harness.dataset.DocReader;
import dev.magmaeval.harness.output.ModelNames;
import dev.magmaeval.harness.output.PyJson;
import dev.magmaeval.harness.output.Redaction;
import dev.magmaeval.harness.output.ResultsBuilder;
import dev.magmaeval.harness.output.ResultsTable;
import dev.magmaeval.harness.output.RunFiles;
import dev.magmaeval.harness.score.Aggregator;
import dev.magmaeval.harness.score.Scorer;
import dev.magmaeval.harness.score.TaskResult;
import dev.magmaeval.harness.score.TaskScore;
import dev.magmaeval.harness.task.FunctionRegistry;
import dev.magmaeval.harness.task.TaskBuilder;
import dev.magmaeval.harness.task.TaskDefinition;
import dev.magmaeval.harness.task.TaskEnvironment;
import dev.magmaeval.harness.task.TaskOptions;
import dev.magmaeval.metrics.py.PyFloat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One evaluation, start to end, in the stages of DESIGN.md: plan (task tree, definitions, datasets), run
 * (inference with the journal), score (filters, process_results, aggregation), write (results and samples files).
 */
public final class Evaluation {

  /** What a run produced: the results file (null without --output_path) and the number of failed samples. */
  public record Outcome(Path resultsFile, int errors, Map<String, Object> results) {}

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final RunConfig run;
  private final RunConfig.Surroundings env;
  private final Log log;
  private final ClassLoader plugins;

  public Evaluation(RunConfig run, ClassLoader plugins) {
    this.run = run;
    this.env = run.surroundings();
    this.log = new Log(env.err(), run.verbosity());
    this.plugins = plugins;
  }

  public Outcome run() throws Exception {
    double start = System.nanoTime() / 1e9;
    String date = ZonedDateTime.now(env.clock().withZone(ZoneId.of(run.timezone()))).format(DATE);

    // plan
    TaskIndex index = TaskIndex.build(run.configRoots());
    index.warnings().forEach(log::debug);
    List<TaskNode> tree = new TaskTreeLoader(index).load(run.tasks());
    DatasetLocator locator = new DatasetLocator(Optional.ofNullable(run.dataDir()), env.env(), env.workingDirectory());
    String sanitized = ModelNames.sanitize(ModelNames.modelName(run.modelArgs().raw()));
    Path outDir = run.outputPath() == null ? null
        : (sanitized.isEmpty() ? run.outputPath() : run.outputPath().resolve(sanitized));
    boolean logSamples = run.logSamples() || run.predictOnly();
    FunctionRegistry functions = FunctionRegistry.load(plugins);
    TaskEnvironment taskEnv = new TaskEnvironment(run.model(), Optional.ofNullable(run.outputPath()),
        Optional.ofNullable(logSamples ? outDir : null),
        Optional.ofNullable(run.dataDir()), env.env(), env.clock(), locator, (p, n, s) -> readAll(locator, p, n, s),
        new GlobalRandom(run.seeds().get(0)), log::warn);
    TaskBuilder builder = new TaskBuilder(functions,
        new TaskOptions(run.model(), run.genKwargs(), run.numFewshot(), run.predictOnly(), run.reasoningTags()), taskEnv);
    List<Leaf> leaves = new ArrayList<>();
    collectLeaves(tree, index, builder, locator, leaves);
    if (leaves.isEmpty()) throw new IllegalArgumentException("no tasks to run for --tasks " + run.tasks());

    Long limit = null;
    for (Leaf leaf : leaves) {
      Double current = limit == null ? run.limit() : Double.valueOf(limit);
      limit = sampleSize(leaf.docs.count(), current);
    }

    if (run.resume() && outDir == null) {
      throw new IllegalArgumentException("--resume needs --output_path (the journal of finished responses lives there)");
    }

    // run + score
    ModelProvider provider = Backends.load(plugins).get(run.model());
    Map<String, TaskResult> results = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Integer> sampleLines = new LinkedHashMap<>();
    int errors = 0;
    try (ModelBackend backend = provider.open(run.modelArgs(), new ModelContext(run.batchSize(), run.device(),
            run.seeds().get(0), env.env(), env.workingDirectory()));
        ResponseJournal journal = outDir == null ? null
            : ResponseJournal.open(outDir.resolve("responses.journal.jsonl"), run.resume());
        RunFiles files = outDir == null ? null : new RunFiles(outDir, date)) {
      if (journal != null && run.resume()) {
        log.info("resuming: " + journal.size() + " responses in " + journal.file()
            + (journal.ignoredLines() > 0 ? " (" + journal.ignoredLines() + " unreadable lines ignored)" : ""));
      }
      String fingerprint = ResponseJournal.sha256(run.model() + "|" + backend.fingerprint()).substring(0, 16);
      InferenceRunner runner = new InferenceRunner(backend, fingerprint, journal, run.batchSize(), env.workers(),
          new RequestFactory(run.systemInstruction()));
      Scorer scorer = new Scorer(run.processWithMedia());
      for (Leaf leaf : leaves) {
        TaskDefinition task = leaf.task;
        long total = leaf.docs.count();
        long from = Math.min(run.offset(), total);
        long to = limit == null ? total : Math.min(total, from + limit);
        counts.put(task.name(), total);
        log.info(task.name() + ": " + (to - from) + " of " + total + " docs from " + leaf.docs.files().describe());
        String configHash = ResponseJournal.sha256(PyJson.compact(task.dumpedConfig())).substring(0, 16);
        InferenceRunner.Outcome inference;
        try (Progress progress = progress(task.name(), to - from)) {
          inference = runner.run(task, configHash, () -> leaf.docs.docs(from, to, true), progress);
        } catch (MissingColumnException e) {
          throw new IllegalArgumentException("task '" + task.name() + "': " + e.getMessage(), e);
        }
        log.debug(task.name() + ": " + inference.sentToModel() + " requests sent to the model, "
            + inference.fromJournal() + " from the journal");
        boolean samples = files != null && (run.logSamples() || run.predictOnly());
        if (samples) files.startSamples(task.name());
        Stream<Doc> docs = leaf.docs.docs(from, to, false);
        TaskScore score;
        try {
          score = scorer.score(task, docs, inference.plans(), inference.responses(),
              new HashSet<>(leaf.docs.mediaColumns()), r -> {
                if (samples) files.writeSample(r);
              });
        } catch (MissingColumnException e) {
          throw new IllegalArgumentException("task '" + task.name() + "': " + e.getMessage(), e);
        }
        if (score.errors() > 0) {
          log.error(task.name() + ": " + score.errors() + " samples failed (see 'error' in the samples file); "
              + "they are not scored");
        }
        errors += score.errors();
        sampleLines.put(task.name(), samples ? score.sampleLines() : 0);
        results.put(task.name(), Aggregator.aggregate(task, score));
      }

      // write
      Map<String, TaskDefinition> defs = new LinkedHashMap<>();
      leaves.forEach(l -> defs.put(l.task.name(), l.task));
      Map<String, Object> out = new ResultsBuilder(tree, defs, results).build(counts, limit);
      Map<String, Object> nErrors = new LinkedHashMap<>();
      results.values().forEach(r -> nErrors.put(r.task(), (long) r.errors()));
      out.put("n-errors", nErrors);
      out.put("config", Redaction.redact(config()));
      BuildInfo build = BuildInfo.detect(env.home(), env.env());
      out.put("git_hash", build.gitHash());
      out.put("git_branch", build.gitBranch());
      out.put("lmms_eval_version", build.version());
      out.put("date", date);
      out.put("usage", new LinkedHashMap<>());
      Map<String, Object> hashes = new LinkedHashMap<>();
      if (run.logSamples() || run.predictOnly()) {
        for (Map.Entry<String, Integer> e : sampleLines.entrySet()) hashes.put(e.getKey(), taskHash(e.getValue()));
      }
      out.put("task_hashes", hashes);
      out.putAll(tracker(start));
      env.out().println(ResultsTable.render(out, "results"));
      if (out.containsKey("groups")) env.out().println(ResultsTable.render(out, "groups"));
      if (run.showConfig()) env.out().println(PyJson.indented(out, 4));
      Path resultsFile = null;
      if (files != null) {
        resultsFile = files.commit(out);
        log.info("results written to " + resultsFile);
      }
      return new Outcome(resultsFile, errors, out);
    }
  }

  private record Leaf(TaskDefinition task, TaskDocs docs) {}

  private void collectLeaves(List<TaskNode> nodes, TaskIndex index, TaskBuilder builder, DatasetLocator locator,
      List<Leaf> out) {
    for (TaskNode n : nodes) {
      if (n instanceof TaskNode.Group g) {
        collectLeaves(g.children(), index, builder, locator, out);
        continue;
      }
      TaskNode.Leaf leaf = (TaskNode.Leaf) n;
      TaskDefinition task = builder.build(leaf, rootOf(leaf, index));
      DatasetFiles files = locator.locate(task.dataset());
      out.add(new Leaf(task, new TaskDocs(task, files)));
    }
  }

  private static Path rootOf(TaskNode.Leaf leaf, TaskIndex index) {
    Path yaml = leaf.config().origin() == null ? null : leaf.config().origin().file().toAbsolutePath().normalize();
    for (Path root : index.roots()) {
      Path r = root.toAbsolutePath().normalize();
      if (yaml != null && yaml.startsWith(r)) return r;
    }
    return yaml == null ? null : yaml.getParent();
  }

  /** {@code get_sample_size}: -1/None for all, a fraction of the docs (rounded up), or a count (truncated). */
  static Long sampleSize(long docs, Double limit) {
    if (limit == null || limit == -1) return null;
    if (limit < 0) throw new IllegalArgumentException("--limit must be -1 or non-negative, got " + limit);
    if (limit > 0 && limit < 1.0) return (long) Math.ceil(docs * limit);
    return (long) limit.doubleValue();
  }

  private Progress progress(String task, long total) {
    if (!log.enabled(Log.Level.INFO)) return Progress.silent();
    return Progress.create(task, total, env.terminal(), env.err(), Duration.ofSeconds(10));
  }

  private static List<Doc> readAll(DatasetLocator locator, String path, String name, String split) {
    DatasetFiles files = locator.locate(new DatasetRequest(path, name, split, Map.of(), null));
    List<Doc> docs = new ArrayList<>();
    try (DocReader reader = new DocReader(files)) {
      Iterator<Map<String, Object>> rows = reader.rows(0, reader.count(), true);
      int i = 0;
      while (rows.hasNext()) docs.add(new Doc(i++, rows.next(), files.describe()));
    }
    return docs;
  }

  private Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("model", run.model());
    c.put("model_args", run.modelArgs().raw());
    c.put("batch_size", run.batchSizeArg());
    c.put("batch_sizes", new ArrayList<>());
    c.put("device", run.device());
    c.put("use_cache", null);
    c.put("limit", run.limit());
    c.put("offset", (long) run.offset());
    c.put("bootstrap_iters", (long) Aggregator.BOOTSTRAP_ITERS);
    c.put("gen_kwargs", run.genKwargs() == null ? "" : run.genKwargs());
    String[] seedNames = {"random_seed", "numpy_seed", "torch_seed", "fewshot_seed"};
    for (int i = 0; i < 4; i++) {
      Integer s = run.seeds().get(i);
      c.put(seedNames[i], s == null ? null : (long) s);
    }
    c.put("resolved_cli_args", run.resolvedCliArgs());
    return c;
  }

  private Map<String, Object> tracker(double start) {
    double end = System.nanoTime() / 1e9;
    String modelName = ModelNames.modelName(run.modelArgs().raw());
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("model_source", run.model());
    t.put("model_name", Redaction.redactString(modelName));
    t.put("model_name_sanitized", ModelNames.sanitize(modelName));
    t.put("system_instruction", run.systemInstruction());
    t.put("system_instruction_sha", run.systemInstruction() == null ? null
        : ResponseJournal.sha256(run.systemInstruction()));
    t.put("fewshot_as_multiturn", false);
    t.put("chat_template", null);
    t.put("chat_template_sha", null);
    t.put("start_time", start);
    t.put("end_time", end);
    t.put("total_evaluation_time_seconds", PyFloat.repr(end - start));
    return t;
  }

  /** {@code task_hashes}: sha256 of "sample_{i}" + doc_hash over the samples (doc_hash is constant upstream). */
  private static String taskHash(int lines) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) sb.append("sample_").append(i).append(Scorer.docHash());
    return ResponseJournal.sha256(sb.toString());
  }
}
