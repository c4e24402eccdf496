package dev.magmaeval.harness.testkit;

import dev.magmaeval.harness.api.ModelArgs;
import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.ModelContext;
import dev.magmaeval.harness.api.ModelProvider;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.Response;
import java.util.HashSet;
import java.util.Set;

/**
 * A test double registered as {@code --model fake} (test classpath only). Generation answers {@code yes} for even
 * docs and {@code 2} for odd ones (or {@code answer=...}); loglikelihood prefers the choice whose text contains
 * {@code *}. {@code fail_docs=1|4} makes those docs fail; {@code delay_ms=N} slows every request, so tests can kill
 * a run mid-way.
 */
public final class FakeModelProvider implements ModelProvider {

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String description() {
    return "test double (test classpath only)";
  }

  @Override
  public ModelBackend open(ModelArgs args, ModelContext context) {
    args.requireKnown(name(), Set.of("answer", "fail_docs", "delay_ms"));
    String fixed = args.has("answer") ? args.string("answer", "") : null;
    Set<Integer> fail = new HashSet<>();
    for (String s : args.string("fail_docs", "").split("\\|")) {
      if (!s.isBlank()) fail.add(Integer.parseInt(s.strip()));
    }
    int delay = args.integer("delay_ms", 0);
    return new ScriptedBackend(r -> {
      if (delay > 0) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (fail.contains(r.id().docId())) return new Response.Failure("fake failure for doc " + r.id().docId());
      if (r instanceof Request.Loglikelihood ll) {
        double loss = ll.continuation().contains("*") ? 0.25 : 1.5 + 0.125 * r.id().index();
        return new Response.Loglikelihood(loss, ll.continuation().contains("*"));
      }
      if (fixed != null) return new Response.Text(fixed);
      return new Response.Text(r.id().docId() % 2 == 0 ? "yes" : "2");
    });
  }
}
