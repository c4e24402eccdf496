package dev.magmaeval.reports.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code chromium} package) driven through the DevTools protocol with the JDK's own
 * WebSocket client: no browser download, no extra dependency. One page; events are recorded for later assertions.
 */
public final class Chromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
  private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

  /** The {@code chromium} executable on PATH, if installed. */
  public static Optional<Path> find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, "chromium");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Starts the browser on about:blank with a fresh profile in {@code profile} (and its temporary files beside it)
   * and attaches to its page.
   */
  public static Chromium start(Path binary, Path profile) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--remote-debugging-port=0", "--user-data-dir=" + profile, "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
        "--disable-dev-shm-usage", "about:blank");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    // its singleton socket and other temporary files go under the test's folder, which the test deletes
    Path tmp = Files.createDirectories(profile.resolveSibling(profile.getFileName() + "-tmp"));
    pb.environment().put("TMPDIR", tmp.toString());
    Process process = pb.start();
    try {
      return new Chromium(process);
    } catch (Exception | Error e) {
      destroy(process);
      throw e;
    }
  }

  private Chromium(Process process) throws Exception {
    this.process = process;
    CountDownLatch found = new CountDownLatch(1);
    String[] url = new String[1];
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          stderr.add(line);
          Matcher m = LISTENING.matcher(line);
          if (m.find() && url[0] == null) {
            url[0] = m.group(1);
            found.countDown();
          }
        }
      } catch (IOException ignored) {
        // the browser exited
      }
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    if (!found.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("chromium did not print its DevTools URL; stderr: " + stderr);
    }
    URI browser = URI.create(url[0]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list"))
        .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
    String page = null;
    for (JsonNode target : JSON.readTree(list)) {
      if ("page".equals(target.path("type").asText())) {
        page = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (page == null) {
      throw new IllegalStateException("no page target in " + list);
    }
    socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(page), new Listener())
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Sends a DevTools command and waits for its result; a protocol error is an exception. */
  public JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IllegalStateException(method + ": " + r.get("error"));
    }
    return r.path("result");
  }

  /** Evaluates a JavaScript expression in the page and returns its value (JSON); a thrown exception fails. */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("evaluate failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Waits until an event with this method has arrived. */
  public void awaitEvent(String method) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (events) {
        if (events.stream().anyMatch(e -> method.equals(e.path("method").asText()))) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no " + method + " event within " + TIMEOUT);
  }

  /** A mouse click at page coordinates, as a user would (press and release of the left button). */
  public void click(double x, double y) throws Exception {
    for (String type : new String[] {"mousePressed", "mouseReleased"}) {
      call("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left", "clickCount", 1));
    }
  }

  /** All events so far (a copy). */
  public List<JsonNode> events() {
    synchronized (events) {
      return new ArrayList<>(events);
    }
  }

  @Override
  public void close() {
    try {
      socket.abort();
    } finally {
      destroy(process);
    }
  }

  private static void destroy(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply != null) {
              reply.complete(message);
            }
          } else {
            events.add(message);
          }
        } catch (IOException e) {
          events.add(JSON.createObjectNode().put("method", "test.unparsable").put("text", text));
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
