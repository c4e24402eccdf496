package dev.magmaeval.harness.run;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.RequestId;
import dev.magmaeval.harness.api.Response;
import dev.magmaeval.harness.task.TaskDefinition;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The inference stage of one task. A producer thread reads docs (with media) and builds requests; worker threads
 * run {@link ModelBackend#prepare} ahead of the model; a bounded queue keeps memory in check; this thread sends
 * batches of like requests to the model and journals every answer, flushed per batch. Journaled requests are
 * answered from the journal and never reach the model.
 */
public final class InferenceRunner {

  /** The outcome: a plan per doc, in doc order, and every request's response. */
  public record Outcome(List<DocPlan> plans, Map<RequestId, Response> responses, int sentToModel, int fromJournal) {}

  private final ModelBackend backend;
  private final String modelFingerprint;
  private final ResponseJournal journal;
  private final int batchSize;
  private final int workers;
  private final RequestFactory requests;

  public InferenceRunner(ModelBackend backend, String modelFingerprint, ResponseJournal journal, int batchSize,
      int workers, RequestFactory requests) {
    this.backend = backend;
    this.modelFingerprint = modelFingerprint;
    this.journal = journal;
    this.batchSize = Math.max(1, batchSize);
    this.workers = Math.max(1, workers);
    this.requests = requests;
  }

  private record Item(Request request, String key, Future<?> prepared) {}

  private static final Item END = new Item(null, null, null);

  public Outcome run(TaskDefinition task, String taskConfigHash, Supplier<Stream<Doc>> docs, Progress progress) {
    List<DocPlan> plans = new ArrayList<>();
    Map<RequestId, Response> responses = new ConcurrentHashMap<>();
    Map<Integer, AtomicInteger> outstanding = new ConcurrentHashMap<>();
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(Math.max(2 * batchSize, 8));
    ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("prepare"));
    Throwable[] producerError = new Throwable[1];
    AtomicInteger fromJournal = new AtomicInteger();

    Thread producer = daemon("docs-" + task.name()).newThread(() -> {
      try (Stream<Doc> stream = docs.get()) {
        stream.forEach(doc -> {
          DocPlan plan = requests.plan(task, doc);
          synchronized (plans) {
            plans.add(plan);
          }
          outstanding.put(plan.docId(), new AtomicInteger(plan.requests().size()));
          if (plan.requests().isEmpty()) progress.step(1);
          for (Request r : plan.requests()) {
            String key = journal == null ? null : ResponseJournal.key(r, modelFingerprint, taskConfigHash);
            Response known = key == null ? null : journal.lookup(key);
            if (known != null) {
              fromJournal.incrementAndGet();
              answered(r.id(), known, responses, outstanding, progress);
            } else if (plan.failure() != null) {
              answered(r.id(), new Response.Failure(plan.failure()), responses, outstanding, progress);
            } else {
              put(queue, new Item(r, key, pool.submit(() -> {
                backend.prepare(r);
                return null;
              })));
            }
          }
        });
      } catch (Throwable t) {
        producerError[0] = t;
      } finally {
        put(queue, END);
      }
    });
    producer.start();

    int sent = 0;
    try {
      List<Item> batch = new ArrayList<>();
      while (true) {
        Item item = take(queue);
        if (item == END) break;
        if (!batch.isEmpty() && !compatible(batch.get(0).request(), item.request())) {
          sent += flush(batch, responses, outstanding, progress);
          batch.clear();
        }
        batch.add(item);
        if (batch.size() >= batchSize) {
          sent += flush(batch, responses, outstanding, progress);
          batch.clear();
        }
      }
      sent += flush(batch, responses, outstanding, progress);
      producer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    if (producerError[0] != null) {
      Throwable t = producerError[0];
      if (t instanceof RuntimeException re) throw re;
      if (t instanceof Error err) throw err;
      throw new IllegalStateException(t);
    }
    plans.sort((a, b) -> Integer.compare(a.docId(), b.docId()));
    return new Outcome(plans, responses, sent, fromJournal.get());
  }

  private int flush(List<Item> batch, Map<RequestId, Response> responses, Map<Integer, AtomicInteger> outstanding,
      Progress progress) {
    if (batch.isEmpty()) return 0;
    List<Item> ready = new ArrayList<>();
    for (Item item : batch) {
      try {
        item.prepared().get();
        ready.add(item);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        answered(item.request().id(), new Response.Failure(message(cause)), responses, outstanding, progress);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (ready.isEmpty()) return 0;
    List<Response> answers;
    try {
      answers = call(ready);
      if (answers == null || answers.size() != ready.size()) {
        throw new IllegalStateException("the model answered " + (answers == null ? 0 : answers.size())
            + " responses for " + ready.size() + " requests");
      }
    } catch (RuntimeException e) {
      String msg = "model error: " + message(e);
      answers = new ArrayList<>();
      for (int i = 0; i < ready.size(); i++) answers.add(new Response.Failure(msg));
    }
    List<Map.Entry<String, Response>> toJournal = new ArrayList<>();
    Map<String, Request> byKey = new HashMap<>();
    for (int i = 0; i < ready.size(); i++) {
      Item item = ready.get(i);
      Response r = Objects.requireNonNull(answers.get(i), "null response");
      if (item.key() != null) {
        toJournal.add(new AbstractMap.SimpleEntry<>(item.key(), r));
        byKey.put(item.key(), item.request());
      }
    }
    if (journal != null) journal.append(toJournal, byKey);
    for (int i = 0; i < ready.size(); i++) {
      answered(ready.get(i).request().id(), answers.get(i), responses, outstanding, progress);
    }
    return ready.size();
  }

  private List<Response> call(List<Item> ready) {
    Request first = ready.get(0).request();
    if (first instanceof Request.Generation) {
      List<Request.Generation> gens = new ArrayList<>();
      for (Item i : ready) gens.add((Request.Generation) i.request());
      return backend.generateUntil(gens);
    }
    List<Request.Loglikelihood> lls = new ArrayList<>();
    for (Item i : ready) lls.add((Request.Loglikelihood) i.request());
    return backend.loglikelihood(lls);
  }

  private static boolean compatible(Request a, Request b) {
    if (a.getClass() != b.getClass()) return false;
    if (a instanceof Request.Generation ga && b instanceof Request.Generation gb) {
      return ga.kwargs().equals(gb.kwargs());
    }
    return true;
  }

  private static void answered(RequestId id, Response r, Map<RequestId, Response> responses,
      Map<Integer, AtomicInteger> outstanding, Progress progress) {
    responses.put(id, r);
    AtomicInteger left = outstanding.get(id.docId());
    if (left != null && left.decrementAndGet() == 0) progress.step(1);
  }

  static String message(Throwable t) {
    String m = t.getMessage();
    String s = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    return s.replaceAll("\\s+", " ").trim();
  }

  private static void put(BlockingQueue<Item> q, Item item) {
    try {
      q.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Item take(BlockingQueue<Item> q) throws InterruptedException {
    return q.take();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "magma-eval-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
