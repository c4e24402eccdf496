package dev.magmaeval.harness.cli;

import dev.magmaeval.harness.api.CliCommand;
import dev.magmaeval.harness.api.MissingColumnException;
import dev.magmaeval.harness.api.ModelArgs;
import dev.magmaeval.harness.api.ModelProvider;
import dev.magmaeval.harness.config.ConfigException;
import dev.magmaeval.harness.dataset.DatasetNotFoundException;
import dev.magmaeval.harness.run.Backends;
import dev.magmaeval.harness.run.Evaluation;
import dev.magmaeval.harness.run.Log;
import dev.magmaeval.harness.run.RunConfig;
import dev.magmaeval.harness.task.ReasoningTags;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import picocli.CommandLine;

/**
 * {@code ./eval}: routes to a subcommand ({@code tasks}, {@code models}, or a {@link CliCommand} plugin such as
 * {@code report} and {@code gate}) or runs an evaluation with lmms-eval's flags. Returns the exit code; every
 * error is one line on stderr.
 */
public final class Cli {
  public static final String VERSION = "magma-eval 0.1.0";

  public static final int OK = 0;
  public static final int SAMPLE_ERRORS = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL = 3;

  private final RunConfig.Surroundings env;
  private final ClassLoader plugins;

  public Cli(RunConfig.Surroundings env, ClassLoader plugins) {
    this.env = env;
    this.plugins = plugins;
  }

  public int run(String... args) {
    Map<String, CliCommand> commands = new TreeMap<>();
    for (CliCommand c : ServiceLoader.load(CliCommand.class, plugins)) commands.put(c.name(), c);
    if (args.length == 0) {
      usage(commands);
      return BAD_INPUT;
    }
    String first = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      if (first.equals("tasks")) return new TasksListing(env, home()).run(rest.length == 0 ? "list" : rest[0], List.of());
      if (first.equals("models")) return models();
      if (first.equals("version")) {
        env.out().println(VERSION);
        return OK;
      }
      if (commands.containsKey(first)) {
        return commands.get(first).run(rest, new CliCommand.Environment(env.workingDirectory(), home(), env.env(),
            env.out(), env.err()));
      }
      if (first.equals("eval")) return evaluate(rest, commands);
      if (!first.startsWith("-")) {
        env.err().println("error: unknown command '" + first + "' (commands: eval, tasks, models, "
            + String.join(", ", commands.keySet()) + "; or flags such as --tasks, see --help)");
        return BAD_INPUT;
      }
      return evaluate(args, commands);
    } catch (ConfigException | DatasetNotFoundException | IllegalArgumentException | MissingColumnException e) {
      env.err().println("error: " + oneLine(e.getMessage()));
      return BAD_INPUT;
    }
  }

  private int evaluate(String[] args, Map<String, CliCommand> commands) {
    EvalCommand cmd = new EvalCommand();
    CommandLine cl = new CommandLine(cmd).setCaseInsensitiveEnumValuesAllowed(true);
    cl.getCommandSpec().version(VERSION);
    cl.getCommandSpec().usageMessage().footer(footer(commands));
    try {
      cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      env.err().println("error: " + oneLine(e.getMessage()) + " (see ./eval --help)");
      return BAD_INPUT;
    }
    if (cl.isUsageHelpRequested()) {
      cl.usage(new PrintWriter(env.out(), true));
      return OK;
    }
    if (cl.isVersionHelpRequested()) {
      env.out().println(VERSION);
      return OK;
    }
    if (cmd.tasks == null || cmd.tasks.isBlank()) {
      env.err().println("error: --tasks is required (try ./eval --tasks list, or ./eval --help)");
      return BAD_INPUT;
    }
    List<Path> includes = new ArrayList<>();
    for (String p : cmd.includePath) includes.add(env.workingDirectory().resolve(p).normalize());
    if (cmd.tasks.startsWith("list")) return new TasksListing(env, home()).run(cmd.tasks, includes);
    if (cmd.useCache != null) {
      env.err().println("error: --use_cache is not supported; every run journals its responses in --output_path, "
          + "and --resume reuses them");
      return BAD_INPUT;
    }
    try {
      RunConfig run = config(cmd, includes);
      Evaluation.Outcome outcome = new Evaluation(run, plugins).run();
      return outcome.errors() > 0 ? SAMPLE_ERRORS : OK;
    } catch (ConfigException | DatasetNotFoundException | IllegalArgumentException | MissingColumnException e) {
      env.err().println("error: " + oneLine(e.getMessage()));
      return BAD_INPUT;
    } catch (Exception | Error e) {
      env.err().println("error: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
      if (Log.parseLevel(cmd.verbosity) == Log.Level.DEBUG) e.printStackTrace(env.err());
      return INTERNAL;
    }
  }

  private RunConfig config(EvalCommand c, List<Path> includes) {
    Log.Level level = Log.parseLevel(c.verbosity);
    if (c.offset < 0) throw new IllegalArgumentException("--offset must be >= 0, got " + c.offset);
    if (c.limit != null && c.limit < 0 && c.limit != -1) {
      throw new IllegalArgumentException("--limit must be -1 or non-negative, got " + c.limit);
    }
    if ((c.logSamples || c.predictOnly) && c.outputPath == null) {
      throw new IllegalArgumentException("Specify --output_path if providing --log_samples or --predict_only");
    }
    Object batchSizeArg = c.batchSize == null ? (Object) 1L : c.batchSize;
    int batch;
    try {
      batch = c.batchSize == null ? 1 : Integer.parseInt(c.batchSize.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--batch_size must be a positive integer, got '" + c.batchSize + "'");
    }
    if (batch < 1) throw new IllegalArgumentException("--batch_size must be a positive integer, got " + batch);
    Map<String, Object> genKwargs = c.genKwargs.isBlank() ? null : KvArgs.parse(c.genKwargs, "--gen_kwargs");
    ModelArgs modelArgs = new ModelArgs(c.modelArgs, KvArgs.parse(c.modelArgs, "--model_args"));
    List<Path> roots = new ArrayList<>();
    roots.add(home().resolve("configs").resolve("tasks"));
    roots.addAll(includes);
    Map<String, Object> resolved = new LinkedHashMap<>();
    resolved.put("model", c.model);
    resolved.put("tasks", c.tasks);
    resolved.put("model_args", c.modelArgs);
    resolved.put("num_fewshot", c.numFewshot == null ? null : (long) c.numFewshot);
    resolved.put("batch_size", batchSizeArg);
    resolved.put("max_batch_size", c.maxBatchSize == null ? null : (long) c.maxBatchSize);
    resolved.put("device", c.device);
    resolved.put("output_path", c.outputPath);
    resolved.put("limit", c.limit);
    resolved.put("offset", (long) c.offset);
    resolved.put("log_samples", c.logSamples);
    resolved.put("log_samples_suffix", c.logSamplesSuffix);
    resolved.put("system_instruction", c.systemInstruction);
    resolved.put("show_config", c.showConfig);
    resolved.put("include_path", includes.isEmpty() ? null : String.join(",", c.includePath));
    resolved.put("gen_kwargs", c.genKwargs);
    resolved.put("verbosity", c.verbosity);
    resolved.put("predict_only", c.predictOnly);
    resolved.put("seed", seedsForJson(Seeds.parse(c.seed)));
    resolved.put("trust_remote_code", c.trustRemoteCode);
    resolved.put("process_with_media", c.processWithMedia);
    resolved.put("reasoning_tags", c.reasoningTags);
    resolved.put("timezone", c.timezone);
    resolved.put("data_dir", c.dataDir);
    resolved.put("resume", c.resume);
    try {
      java.time.ZoneId.of(c.timezone);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--timezone: unknown time zone '" + c.timezone + "'");
    }
    return new RunConfig(c.model, modelArgs, c.tasks, batchSizeArg, batch, c.device,
        c.outputPath == null ? null : env.workingDirectory().resolve(c.outputPath).normalize(), c.limit, c.offset,
        c.logSamples || c.predictOnly, genKwargs, roots, Seeds.parse(c.seed), c.predictOnly, level, c.numFewshot,
        c.systemInstruction, c.dataDir == null ? null : env.workingDirectory().resolve(c.dataDir).normalize(),
        c.resume, c.timezone, ReasoningTags.parse(c.reasoningTags), c.processWithMedia, c.showConfig, resolved, env);
  }

  private static List<Object> seedsForJson(List<Integer> seeds) {
    List<Object> out = new ArrayList<>();
    for (Integer s : seeds) out.add(s == null ? null : (long) s);
    return out;
  }

  private Path home() {
    return env.home() != null ? env.home() : env.workingDirectory();
  }

  private int models() {
    for (ModelProvider p : Backends.load(plugins).all()) {
      env.out().printf("%-10s %s%n", p.name(), p.description());
    }
    return OK;
  }

  private void usage(Map<String, CliCommand> commands) {
    EvalCommand cmd = new EvalCommand();
    CommandLine cl = new CommandLine(cmd);
    cl.getCommandSpec().usageMessage().footer(footer(commands));
    cl.usage(new PrintWriter(env.err(), true));
  }

  private static String[] footer(Map<String, CliCommand> commands) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Commands:");
    lines.add(String.format("  %-8s %s", "eval", "evaluate (the default when the first argument is a flag)"));
    lines.add(String.format("  %-8s %s", "tasks", "list tasks, groups and tags: ./eval tasks [list|groups|subtasks|tags]"));
    lines.add(String.format("  %-8s %s", "models", "list model backends"));
    for (CliCommand c : commands.values()) lines.add(String.format("  %-8s %s", c.name(), c.description()));
    lines.add("");
    lines.add("Exit codes: 0 success; 1 some samples failed (n-errors) or a regression; 2 bad input; 3 internal error.");
    return lines.toArray(new String[0]);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
  }
}
