package dev.magmaeval.harness.run;

import dev.magmaeval.harness.api.Request;
import java.util.List;

/**
 * What was asked of the model for one doc: the requests in index order and the text context (the samples file's
 * {@code input}). {@code failure} is set when the requests could not be built (a corrupt image), in which case
 * none of them was sent.
 */
public record DocPlan(int docId, String context, List<Request> requests, String failure) {}
