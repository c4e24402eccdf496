package dev.magmaeval.harness.api;

import java.util.List;

/**
 * A model behind lmms-eval's request interface. Implementations are opened by a {@link ModelProvider}.
 *
 * <p>Batches hold requests of one kind with equal generation kwargs. A backend answers one {@link Response} per
 * request, in order; a problem with one request (a corrupt image) is a {@link Response.Failure} for that request
 * alone, and an exception fails the whole batch. Calls come from one thread at a time.
 */
public interface ModelBackend extends AutoCloseable {

  List<Response> generateUntil(List<Request.Generation> batch);

  /** Mean token loss per request; backends that cannot score text leave the default, which refuses. */
  default List<Response> loglikelihood(List<Request.Loglikelihood> batch) {
    throw new UnsupportedOperationException("this model does not support loglikelihood requests");
  }

  /**
   * Identifies everything about this backend that changes its outputs (weights, dtype, preprocessing), so that
   * journaled responses are reused only for the same model. Stable across runs.
   */
  String fingerprint();

  @Override
  default void close() {}
}
