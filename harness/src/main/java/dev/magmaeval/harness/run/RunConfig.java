package dev.magmaeval.harness.run;

import dev.magmaeval.harness.api.ModelArgs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One evaluation run, immutable: the parsed command line (lmms-eval's flags plus ours) and the surroundings
 * (environment, folders, clock, streams), injected so that runs are testable end to end.
 *
 * @param batchSizeArg {@code --batch_size} as given: lmms-eval records it with its type (a string, or int 1)
 * @param limit {@code --limit} (a fraction or a count), or null
 * @param genKwargs parsed {@code --gen_kwargs}, or null when not given
 * @param seeds python random, numpy, torch and few-shot seeds (null entries are unset)
 * @param reasoningTags resolved {@code --reasoning_tags}, null when disabled
 * @param resolvedCliArgs every flag's value, for the results file's {@code config.resolved_cli_args}
 * @param configRoots built-in task folder first, then {@code --include_path}s
 */
public record RunConfig(
    String model,
    ModelArgs modelArgs,
    String tasks,
    Object batchSizeArg,
    int batchSize,
    String device,
    Path outputPath,
    Double limit,
    int offset,
    boolean logSamples,
    Map<String, Object> genKwargs,
    List<Path> configRoots,
    List<Integer> seeds,
    boolean predictOnly,
    Log.Level verbosity,
    Integer numFewshot,
    String systemInstruction,
    Path dataDir,
    boolean resume,
    String timezone,
    List<List<String>> reasoningTags,
    boolean processWithMedia,
    boolean showConfig,
    Map<String, Object> resolvedCliArgs,
    Surroundings surroundings) {

  /** The process's environment, injected. */
  public record Surroundings(
      Map<String, String> env, Path workingDirectory, Path home, Clock clock, PrintStream out, PrintStream err,
      boolean terminal, int workers) {}
}
