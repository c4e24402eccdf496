package dev.magmaeval.harness.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.Response;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Append-only record of every answered request, so that a crashed or killed run resumes without redoing work.
 * One JSON line per response, flushed after each batch. Keys follow lmms-eval's response-cache key ({@code
 * caching/response_cache.py}): request type, task, doc, index, generation kwargs, a hash of the context, a hash of
 * the task config and the model fingerprint. Failures are not journaled, so a resumed run retries them. A torn
 * last line (the process died mid-write) is ignored.
 */
public final class ResponseJournal implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final Path file;
  private final Map<String, Response> entries = new ConcurrentHashMap<>();
  private final BufferedWriter writer;
  private final FileOutputStream out;
  private int ignoredLines;

  private ResponseJournal(Path file, boolean resume) throws IOException {
    this.file = file;
    Files.createDirectories(file.getParent());
    if (resume && Files.exists(file)) load();
    this.out = new FileOutputStream(file.toFile(), resume);
    this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  /** Opens the journal; without {@code resume} any previous journal at that path is discarded. */
  public static ResponseJournal open(Path file, boolean resume) {
    try {
      return new ResponseJournal(file, resume);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the response journal " + file + ": " + e.getMessage(), e);
    }
  }

  private void load() throws IOException {
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      try {
        JsonNode n = JSON.readTree(line);
        Response r = decode(n.get("response"));
        if (r != null) entries.put(n.get("key").asText(), r);
        else ignoredLines++;
      } catch (IOException | RuntimeException e) {
        ignoredLines++;
      }
    }
  }

  public Path file() {
    return file;
  }

  public int size() {
    return entries.size();
  }

  public int ignoredLines() {
    return ignoredLines;
  }

  public Response lookup(String key) {
    return entries.get(key);
  }

  /** Appends answered requests and flushes to the operating system. */
  public synchronized void append(List<Map.Entry<String, Response>> answered, Map<String, Request> requests) {
    try {
      for (Map.Entry<String, Response> e : answered) {
        if (e.getValue() instanceof Response.Failure) continue;
        Request req = requests.get(e.getKey());
        ObjectNode line = JSON.createObjectNode();
        line.put("key", e.getKey());
        if (req != null) {
          line.put("task", req.id().task());
          line.put("doc_id", req.id().docId());
          line.put("idx", req.id().index());
        }
        line.set("response", encode(e.getValue()));
        writer.write(JSON.writeValueAsString(line));
        writer.write('\n');
        entries.put(e.getKey(), e.getValue());
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the response journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** The journal key of a request, for a model fingerprint and a task-config hash. */
  public static String key(Request request, String modelFingerprint, String taskConfigHash) {
    Map<String, Object> k = new TreeMap<>();
    k.put("v", 1);
    k.put("tn", request.id().task());
    k.put("did", request.id().docId());
    k.put("idx", request.id().index());
    k.put("mfh", modelFingerprint);
    k.put("tf", taskConfigHash);
    if (request instanceof Request.Generation g) {
      k.put("rt", "generate_until");
      k.put("ch", sha256(g.context()).substring(0, 16));
      k.put("gk", new TreeMap<>(g.kwargs().values()));
    } else if (request instanceof Request.Loglikelihood l) {
      k.put("rt", "loglikelihood");
      k.put("ch", sha256(l.context() + "\0" + l.continuation()).substring(0, 16));
    }
    try {
      return sha256(JSON.writeValueAsString(k));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode encode(Response r) {
    ObjectNode n = JSON.createObjectNode();
    if (r instanceof Response.Text t) {
      n.put("type", "text");
      n.put("text", t.text());
      if (t.tokens() != null) {
        Map<String, Object> tc = new LinkedHashMap<>();
        if (t.tokens().inputTokens() != null) tc.put("input_tokens", t.tokens().inputTokens());
        if (t.tokens().outputTokens() != null) tc.put("output_tokens", t.tokens().outputTokens());
        if (t.tokens().reasoningTokens() != null) tc.put("reasoning_tokens", t.tokens().reasoningTokens());
        n.set("tokens", JSON.valueToTree(tc));
      }
    } else if (r instanceof Response.Loglikelihood l) {
      n.put("type", "loglikelihood");
      n.put("loss", l.loss());
      n.put("greedy", l.greedy());
    }
    return n;
  }

  private static Response decode(JsonNode n) {
    if (n == null) return null;
    switch (n.path("type").asText()) {
      case "text": {
        JsonNode tc = n.get("tokens");
        Response.TokenCounts counts = tc == null ? null : new Response.TokenCounts(
            tc.has("input_tokens") ? tc.get("input_tokens").asInt() : null,
            tc.has("output_tokens") ? tc.get("output_tokens").asInt() : null,
            tc.has("reasoning_tokens") ? tc.get("reasoning_tokens").asInt() : null);
        return new Response.Text(n.get("text").asText(), counts);
      }
      case "loglikelihood":
        return new Response.Loglikelihood(n.get("loss").asDouble(), n.get("greedy").asBoolean());
      default:
        return null;
    }
  }

  @Override
  public synchronized void close() {
    try {
      writer.flush();
      out.getFD().sync();
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
