package dev.magmaeval.harness.api;

/**
 * Service interface for model backends: {@code --model NAME} picks the provider whose {@link #name()} matches.
 * Register an implementation in {@code META-INF/services/dev.magmaeval.harness.api.ModelProvider}.
 */
public interface ModelProvider {

  /** The {@code --model} name, e.g. {@code magma}. Unique across the classpath. */
  String name();

  /** One line for {@code ./eval models} and {@code --help}. */
  String description();

  /**
   * Opens the backend. Bad arguments or a bad model folder throw {@link IllegalArgumentException} with a one-line
   * message that names the argument or file.
   */
  ModelBackend open(ModelArgs args, ModelContext context) throws Exception;
}
