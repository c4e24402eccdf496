package dev.magmaeval.harness.api;

import java.util.Objects;

/** The model's answer to one {@link Request}, or why there is none. */
public sealed interface Response permits Response.Text, Response.Loglikelihood, Response.Failure {

  /** Generated text, before any filter. {@code tokens} may be null. */
  record Text(String text, TokenCounts tokens) implements Response {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    public Text(String text) {
      this(text, null);
    }
  }

  /** Mean token cross-entropy loss of the continuation (lower is likelier), and whether it is the greedy output. */
  record Loglikelihood(double loss, boolean greedy) implements Response {}

  /**
   * The model could not answer this request (bad image, model error). The sample is recorded as an error, is
   * never scored, and makes the run's exit code nonzero.
   */
  record Failure(String error) implements Response {
    public Failure {
      Objects.requireNonNull(error, "error");
    }
  }

  /** Token counts for throughput and usage reporting; null fields are unknown. */
  record TokenCounts(Integer inputTokens, Integer outputTokens, Integer reasoningTokens) {}
}
