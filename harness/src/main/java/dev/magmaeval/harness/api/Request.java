package dev.magmaeval.harness.api;

import java.util.List;
import java.util.Objects;

/** One call to the model. The kinds are lmms-eval's request types that this harness supports. */
public sealed interface Request permits Request.Generation, Request.Loglikelihood {

  RequestId id();

  /** The text context: the system instruction (if any) followed by {@code doc_to_text}. */
  String context();

  /** The doc's images or videos, in order. Images decode lazily. */
  List<Visual> visuals();

  /** {@code generate_until}: generate text until a stop string or the token limit. */
  record Generation(RequestId id, String context, List<Visual> visuals, GenerationKwargs kwargs)
      implements Request {
    public Generation {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(context, "context");
      visuals = List.copyOf(visuals);
      Objects.requireNonNull(kwargs, "kwargs");
    }
  }

  /**
   * {@code loglikelihood} (and each choice of {@code multiple_choice}): score {@code continuation} after the
   * context. The backend answers the mean token loss, as lmms-eval's built-in models do.
   */
  record Loglikelihood(RequestId id, String context, String continuation, List<Visual> visuals)
      implements Request {
    public Loglikelihood {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(continuation, "continuation");
      visuals = List.copyOf(visuals);
    }
  }
}
