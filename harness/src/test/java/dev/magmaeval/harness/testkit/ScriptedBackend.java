package dev.magmaeval.harness.testkit;

import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A test double: answers each request with a function of it, and remembers the batches it saw. */
public final class ScriptedBackend implements ModelBackend {
  private final Function<Request, Response> answer;
  public final List<List<Request>> batches = new ArrayList<>();
  public final List<Request> prepared = java.util.Collections.synchronizedList(new ArrayList<>());

  public ScriptedBackend(Function<Request, Response> answer) {
    this.answer = answer;
  }

  @Override
  public void prepare(Request request) {
    prepared.add(request);
  }

  @Override
  public List<Response> generateUntil(List<Request.Generation> batch) {
    batches.add(new ArrayList<>(batch));
    List<Response> out = new ArrayList<>();
    for (Request r : batch) out.add(answer.apply(r));
    return out;
  }

  @Override
  public List<Response> loglikelihood(List<Request.Loglikelihood> batch) {
    batches.add(new ArrayList<>(batch));
    List<Response> out = new ArrayList<>();
    for (Request r : batch) out.add(answer.apply(r));
    return out;
  }

  @Override
  public String fingerprint() {
    return "scripted";
  }
}
