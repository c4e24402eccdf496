package dev.magmaeval.harness.run;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.GenerationKwargs;
import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.RequestId;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.harness.task.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * lmms-eval's {@code construct_requests} for one doc: the context from {@code fewshot_context} (system instruction,
 * description, {@code doc_to_text}), the visuals, and one request ({@code generate_until}, {@code loglikelihood})
 * or one per choice ({@code multiple_choice}, continuation = target delimiter + choice).
 */
public final class RequestFactory {
  private final String systemInstruction;

  public RequestFactory(String systemInstruction) {
    this.systemInstruction = systemInstruction;
  }

  public DocPlan plan(TaskDefinition task, Doc doc) {
    String context = context(task, doc);
    String split = task.dataset().split();
    List<Visual> visuals;
    String failure = null;
    try {
      visuals = task.docs().visuals(doc);
    } catch (MediaException e) {
      visuals = List.of();
      failure = e.getMessage();
    }
    List<Request> requests = new ArrayList<>();
    switch (task.outputType()) {
      case GENERATE_UNTIL -> requests.add(new Request.Generation(new RequestId(task.name(), doc.id(), 0, split),
          context, visuals, GenerationKwargs.of(task.generationKwargs())));
      case LOGLIKELIHOOD -> requests.add(new Request.Loglikelihood(new RequestId(task.name(), doc.id(), 0, split),
          context, String.valueOf(task.docs().target(doc)), visuals));
      case MULTIPLE_CHOICE -> {
        List<String> choices = task.docs().choices(doc);
        for (int i = 0; i < choices.size(); i++) {
          requests.add(new Request.Loglikelihood(new RequestId(task.name(), doc.id(), i, split), context,
              task.targetDelimiter() + choices.get(i), visuals));
        }
      }
    }
    return new DocPlan(doc.id(), context, requests, failure);
  }

  /** {@code fewshot_context} with no few-shot examples. */
  String context(TaskDefinition task, Doc doc) {
    String description = task.description().isEmpty() ? "" : task.docs().render(task.description(), doc);
    String system;
    if (systemInstruction != null && !description.isEmpty()) {
      system = systemInstruction + task.fewshotDelimiter() + description;
    } else if (systemInstruction != null) {
      system = systemInstruction;
    } else {
      system = description;
    }
    return system + task.docs().text(doc);
  }
}
