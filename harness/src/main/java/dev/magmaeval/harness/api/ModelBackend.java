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

  /**
   * Heavy per-request work (decoding and resizing images, sampling video frames, tokenizing) that the engine runs
   * on worker threads ahead of the model, for a bounded number of requests at a time. The engine calls it exactly
   * once per request and only sends a request to the model after it returned; a backend keeps what it prepared
   * (keyed by {@link Request#id()}) and drops it once the request is answered. An exception fails that request
   * alone, as a {@link Response.Failure} with the exception's message. Must be thread-safe. Default: nothing.
   */
  default void prepare(Request request) throws Exception {}

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
