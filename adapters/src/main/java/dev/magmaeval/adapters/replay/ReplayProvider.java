package dev.magmaeval.adapters.replay;

import dev.magmaeval.harness.api.ModelArgs;
import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.ModelContext;
import dev.magmaeval.harness.api.ModelProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code --model replay --model_args path=<samples.jsonl | folder>}: answers every request from a samples file
 * written by a previous run (ours or lmms-eval's Python), matched by task and {@code doc_id}. Re-scores saved
 * outputs without a GPU.
 */
public final class ReplayProvider implements ModelProvider {

  @Override
  public String name() {
    return "replay";
  }

  @Override
  public String description() {
    return "answers from saved samples files (path=FILE.jsonl or a run folder); re-scores without a model";
  }

  @Override
  public ModelBackend open(ModelArgs args, ModelContext context) {
    args.requireKnown(name(), Set.of("path"));
    Path path = context.workingDirectory().resolve(args.require("path", name())).normalize();
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("--model_args path: " + path + " does not exist (a samples .jsonl file or a "
          + "folder of them)");
    }
    return new ReplayBackend(SampleFiles.at(path));
  }
}
