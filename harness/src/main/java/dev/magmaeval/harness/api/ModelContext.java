package dev.magmaeval.harness.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the run tells a backend when opening it: {@code --batch_size}, {@code --device}, the seeds and the
 * environment (injected, so tests stay hermetic).
 *
 * @param batchSize the batch size the engine will send at most
 * @param device {@code --device}, or null
 * @param randomSeed the python-random seed from {@code --seed}, or null
 * @param environment environment variables
 * @param workingDirectory where relative paths in model args resolve
 */
public record ModelContext(
    int batchSize, String device, Integer randomSeed, Map<String, String> environment, Path workingDirectory) {

  public ModelContext {
    environment = Map.copyOf(environment);
  }
}
