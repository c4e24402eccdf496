package dev.magmaeval.adapters.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers requests from saved samples lines. The saved answer of a doc is its {@code resps} when present (the
 * output before reasoning-tag stripping), else its {@code filtered_resps}; for multiple choice, the per-choice
 * {@code [loss, is_greedy]} pairs. The first line of a doc wins (a task with several filters writes one line per
 * filter). A doc missing from the file, or saved as an error, is a failed sample, never a silent miss.
 */
final class ReplayBackend implements ModelBackend {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SampleFiles files;
  private final Map<Path, Map<Long, JsonNode>> loaded = new ConcurrentHashMap<>();

  ReplayBackend(SampleFiles files) {
    this.files = files;
  }

  @Override
  public List<Response> generateUntil(List<Request.Generation> batch) {
    List<Response> out = new ArrayList<>();
    for (Request.Generation r : batch) out.add(answer(r));
    return out;
  }

  @Override
  public List<Response> loglikelihood(List<Request.Loglikelihood> batch) {
    List<Response> out = new ArrayList<>();
    for (Request.Loglikelihood r : batch) out.add(answer(r));
    return out;
  }

  private Response answer(Request r) {
    Optional<Path> file = files.forTask(r.id().task());
    if (file.isEmpty()) return new Response.Failure("replay: " + files.missing(r.id().task()));
    JsonNode line = lines(file.get()).get((long) r.id().docId());
    if (line == null) {
      return new Response.Failure("replay: doc " + r.id().docId() + " of task '" + r.id().task() + "' is not in "
          + file.get());
    }
    if (line.has("error")) return new Response.Failure("replay: saved as an error: " + line.get("error").asText());
    JsonNode saved = line.has("resps") ? line.get("resps") : line.get("filtered_resps");
    if (saved == null) return new Response.Failure("replay: doc " + r.id().docId() + " has no resps in " + file.get());
    if (r instanceof Request.Generation) {
      JsonNode text = saved;
      while (text.isArray() && text.size() > 0) text = text.get(0);
      if (!text.isTextual()) return new Response.Failure("replay: doc " + r.id().docId() + ": resps is not text");
      return new Response.Text(text.asText());
    }
    JsonNode pair = saved;
    if (pair.isArray() && pair.size() > 0 && pair.get(0).isArray()) {
      if (r.id().index() >= pair.size()) {
        return new Response.Failure("replay: doc " + r.id().docId() + " has no saved answer for choice " + r.id().index());
      }
      pair = pair.get(r.id().index());
    }
    while (pair.isArray() && pair.size() == 1 && pair.get(0).isArray()) pair = pair.get(0);
    if (!pair.isArray() || pair.size() != 2) {
      return new Response.Failure("replay: doc " + r.id().docId() + ": expected [loss, is_greedy], got " + pair);
    }
    try {
      double loss = Double.parseDouble(pair.get(0).asText());
      boolean greedy = "True".equals(pair.get(1).asText()) || "true".equals(pair.get(1).asText());
      return new Response.Loglikelihood(loss, greedy);
    } catch (NumberFormatException e) {
      return new Response.Failure("replay: doc " + r.id().docId() + ": bad loss " + pair.get(0));
    }
  }

  private Map<Long, JsonNode> lines(Path file) {
    return loaded.computeIfAbsent(file, f -> {
      Map<Long, JsonNode> byDoc = new HashMap<>();
      try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
          n++;
          if (line.isBlank()) continue;
          JsonNode node;
          try {
            node = JSON.readTree(line);
          } catch (IOException e) {
            throw new IllegalArgumentException("replay: " + f + ":" + n + " is not valid JSON: " + e.getMessage());
          }
          if (!node.has("doc_id")) throw new IllegalArgumentException("replay: " + f + ":" + n + " has no doc_id");
          byDoc.putIfAbsent(node.get("doc_id").asLong(), node);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("replay: cannot read " + f + ": " + e.getMessage(), e);
      }
      return byDoc;
    });
  }

  @Override
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(files.path().toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
      List<Path> all = files.folder() ? new ArrayList<>(files.byTask().values()) : List.of(files.path());
      for (Path p : all) {
        md.update((p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis()).getBytes(StandardCharsets.UTF_8));
      }
      return "replay:" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (Exception e) {
      return "replay:" + files.path();
    }
  }
}
