package dev.magmaeval.harness.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The evaluation flags: lmms-eval's names and meanings, plus ours ({@code --data_dir}, {@code --resume}). Parsed
 * by picocli; {@link Cli} turns them into a {@code RunConfig}.
 */
@Command(name = "eval", sortOptions = false, usageHelpWidth = 110,
    description = {
        "Evaluate a model on lmms-eval tasks (same YAMLs, flags, results and samples files).",
        "",
        "Examples:",
        "  ./eval --model replay --model_args path=runs/x_samples_vqav2_val.jsonl --tasks vqav2_val --data_dir DIR",
        "  ./eval --model magma --model_args pretrained=models/magma-8b-onnx,device=cuda --tasks mind2web,vqav2 \\",
        "         --batch_size 8 --log_samples --output_path runs/",
        "  ./eval --tasks list",
        ""},
    footer = {"", "Other commands: ./eval tasks [list|groups|subtasks|tags], ./eval models%s",
        "Exit codes: 0 success; 1 some samples failed (see n-errors); 2 bad input (config, data, arguments); "
            + "3 internal error."})
final class EvalCommand {

  @Option(names = "--model", paramLabel = "NAME", description = "Model backend (see ./eval models). Default: ${DEFAULT-VALUE}.")
  String model = "hf";

  @Option(names = "--model_args", paramLabel = "K=V,...",
      description = "Backend arguments, e.g. pretrained=DIR,device=cuda,dtype=fp16 (commas inside quotes or [] {} are kept).")
  String modelArgs = "";

  @Option(names = "--tasks", paramLabel = "NAMES",
      description = "Comma list of tasks, groups, tags, fnmatch patterns or YAML paths; 'list', 'list_groups', 'list_subtasks', 'list_tags' print and exit.")
  String tasks;

  @Option(names = "--num_fewshot", paramLabel = "N", description = "Few-shot examples (only 0 is supported for multimodal tasks).")
  Integer numFewshot;

  @Option(names = {"--batch_size", "-b"}, paramLabel = "N", description = "Requests per model call. Default: 1.")
  String batchSize;

  @Option(names = "--max_batch_size", paramLabel = "N", description = "Accepted for compatibility; unused (as in lmms-eval).")
  Integer maxBatchSize;

  @Option(names = "--device", paramLabel = "DEV", description = "Passed to the backend (backends may also take device= in --model_args).")
  String device;

  @Option(names = "--output_path", paramLabel = "DIR",
      description = "Folder for results: <DIR>/<model_name_sanitized>/<YYYYMMDD_HHMMSS>_results.json, samples and the response journal.")
  String outputPath;

  @Option(names = "--limit", paramLabel = "X",
      description = "A fraction (0<X<1, rounded up) or a count of docs per task; -1 for all. For testing only. As in lmms-eval, a fraction is resolved against the first task and reused as a count.")
  Double limit;

  @Option(names = "--offset", paramLabel = "N", description = "Skip the first N docs of each task. Default: 0.")
  int offset = 0;

  @Option(names = "--log_samples", description = "Write <date>_samples_<task>.jsonl with every prompt, output and score.")
  boolean logSamples;

  @Option(names = "--log_samples_suffix", paramLabel = "S", description = "Accepted for compatibility; unused (as in lmms-eval).")
  String logSamplesSuffix = "model_outputs";

  @Option(names = "--gen_kwargs", paramLabel = "K=V,...",
      description = "Generation settings that override every generate_until task's YAML, e.g. max_new_tokens=32,temperature=0.")
  String genKwargs = "";

  @Option(names = "--include_path", paramLabel = "DIR", description = "Extra task YAML folder (repeatable); built-in tasks win on a name clash.")
  List<String> includePath = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "S",
      description = "Seeds for python random, numpy, torch and few-shot sampling: one int for all, or 3-4 comma values ('None' to skip). Default: ${DEFAULT-VALUE}.")
  String seed = "0,1234,1234,1234";

  @Option(names = {"--predict_only", "-x"}, description = "Only generate and log outputs; every metric becomes 'bypass'.")
  boolean predictOnly;

  @Option(names = "--verbosity", paramLabel = "LEVEL", description = "DEBUG, INFO, WARNING or ERROR. Default: ${DEFAULT-VALUE}.")
  String verbosity = "INFO";

  @Option(names = "--system_instruction", paramLabel = "TEXT", description = "Prepended to each prompt's text context (no separator).")
  String systemInstruction;

  @Option(names = "--reasoning_tags", paramLabel = "JSON",
      description = "Blocks stripped from outputs before scoring, as [[start,end],...]; 'none' disables. Default: <think> and <analysis>.")
  String reasoningTags = dev.magmaeval.harness.task.ReasoningTags.DEFAULT;

  @Option(names = "--process_with_media", description = "Give process_results the docs with their image columns.")
  boolean processWithMedia;

  @Option(names = "--timezone", paramLabel = "TZ", description = "Time zone of the date in file names. Default: ${DEFAULT-VALUE} (as lmms-eval).")
  String timezone = "Asia/Singapore";

  @Option(names = "--show_config", description = "Print the whole results JSON at the end.")
  boolean showConfig;

  @Option(names = "--trust_remote_code", description = "Accepted for compatibility; unused (as in lmms-eval).")
  boolean trustRemoteCode;

  @Option(names = "--data_dir", paramLabel = "DIR",
      description = "Local datasets, searched before the Hugging Face cache: a hub cache (datasets--org--name/...), an HF_HOME, or org/name folders.")
  String dataDir;

  @Option(names = "--resume", description = "Reuse the responses journaled in --output_path by an interrupted run of the same tasks and model.")
  boolean resume;

  @Option(names = "--use_cache", hidden = true)
  String useCache;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
  boolean version;
}
