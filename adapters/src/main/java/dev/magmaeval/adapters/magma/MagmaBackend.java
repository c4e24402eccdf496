package dev.magmaeval.adapters.magma;

import ai.onnxruntime.OrtException;
import dev.magmaeval.harness.api.GenerationKwargs;
import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.RequestId;
import dev.magmaeval.harness.api.Response;
import dev.magmaeval.harness.api.Visual;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Magma-8B (or any folder exported by scripts/export_magma_onnx.py) on ONNX Runtime. {@link #prepare} decodes and
 * preprocesses images and tokenizes the prompt on the engine's worker threads; the model thread only runs
 * sessions. Prepared inputs are dropped once their request is answered.
 */
final class MagmaBackend implements ModelBackend {
  private static final System.Logger LOG = System.getLogger(MagmaBackend.class.getName());

  private final MagmaOptions options;
  private final MagmaConfig config;
  private final MagmaSessions sessions;
  private final MagmaTokenizer tokenizer;
  private final FrameSource frames;
  private final ImagePreprocessor preprocessor;
  private final ChatPrompt chat;
  private final Generator generator;
  private final String dtype;
  private final Map<RequestId, Prepared> prepared = new ConcurrentHashMap<>();
  private final AtomicBoolean warnedSampling = new AtomicBoolean();

  /** A request's token ids and images; {@code contextLength} splits context from continuation (-1: generation). */
  record Prepared(long[] ids, List<PixelValues> images, int contextLength) {}

  MagmaBackend(MagmaOptions options, MagmaConfig config, String dtype, MagmaSessions sessions,
      MagmaTokenizer tokenizer, FrameSource frames) {
    this.options = options;
    this.config = config;
    this.dtype = dtype;
    this.sessions = sessions;
    this.tokenizer = tokenizer;
    this.frames = frames;
    this.preprocessor = new ImagePreprocessor(config.image().mean(), config.image().std(), config.image().baseSize());
    this.chat = new ChatPrompt(config.tokens(), config.systemPrompt(), config.imageStartEnd());
    this.generator = new Generator(sessions, tokenizer, config);
  }

  @Override
  public void prepare(Request request) {
    prepared.put(request.id(), prepareNow(request));
  }

  Prepared prepareNow(Request request) {
    int maxFrames = request instanceof Request.Generation g
        ? g.kwargs().integer("max_frames_num", g.kwargs().integer("frame_num", options.maxFrames()))
        : options.maxFrames();
    List<PixelValues> images = images(request.visuals(), maxFrames);
    Prepared p;
    if (request instanceof Request.Loglikelihood l) {
      long[] context = tokenizer.encode(chat.generation(l.context(), images.size()));
      long[] full = tokenizer.encode(chat.withAnswer(l.context(), images.size(), l.continuation()));
      p = new Prepared(full, images, context.length);
    } else {
      p = new Prepared(tokenizer.encode(chat.generation(request.context(), images.size())), images, -1);
    }
    long placeholders = java.util.Arrays.stream(p.ids()).filter(id -> id == config.tokens().image()).count();
    if (placeholders != images.size()) {
      throw new IllegalArgumentException("the prompt has " + placeholders + " <image> tokens for " + images.size()
          + " images (does the question itself contain '<image>'?)");
    }
    return p;
  }

  /** Images in prompt order: each image with num_crops, each video frame with video_num_crops. */
  List<PixelValues> images(List<Visual> visuals, int maxFrames) {
    int crops = options.numCrops() != null ? options.numCrops() : config.image().numCrops();
    List<PixelValues> out = new ArrayList<>();
    for (Visual v : visuals) {
      if (v instanceof Visual.Image img) {
        out.add(preprocessor.process(RgbImage.of(img.data().decode()), crops));
      } else if (v instanceof Visual.Video video) {
        for (BufferedImage frame : frames.frames(video.path(), maxFrames)) {
          out.add(preprocessor.process(RgbImage.of(frame), options.videoNumCrops()));
        }
      }
    }
    return out;
  }

  @Override
  public List<Response> generateUntil(List<Request.Generation> batch) {
    Response[] out = new Response[batch.size()];
    Map<Generator.Limits, List<Integer>> groups = new LinkedHashMap<>();
    Map<Integer, Generator.Prompt> prompts = new HashMap<>();
    try {
      for (int i = 0; i < batch.size(); i++) {
        Request.Generation g = batch.get(i);
        try {
          Prepared p = take(g);
          prompts.put(i, new Generator.Prompt(p.ids(), p.images()));
          groups.computeIfAbsent(limits(g.kwargs()), k -> new ArrayList<>()).add(i);
        } catch (RuntimeException e) {
          out[i] = failure(g, e);
        }
      }
      for (Map.Entry<Generator.Limits, List<Integer>> group : groups.entrySet()) {
        List<Generator.Prompt> rows = group.getValue().stream().map(prompts::get).toList();
        for (int k = 0; k < rows.size(); k++) warnIfTooLong(batch.get(group.getValue().get(k)), rows.get(k), group.getKey());
        List<Generator.Output> results = new ArrayList<>();
        if (options.sequential()) {
          for (Generator.Prompt row : rows) results.addAll(generator.generate(List.of(row), group.getKey()));
        } else {
          results = generator.generate(rows, group.getKey());
        }
        for (int k = 0; k < rows.size(); k++) {
          Generator.Output r = results.get(k);
          out[group.getValue().get(k)] =
              new Response.Text(r.text(), new Response.TokenCounts(r.promptLength(), r.tokens().length, null));
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("magma: ONNX Runtime failed: " + e.getMessage(), e);
    } finally {
      batch.forEach(r -> prepared.remove(r.id()));
    }
    return List.of(out);
  }

  @Override
  public List<Response> loglikelihood(List<Request.Loglikelihood> batch) {
    List<Response> out = new ArrayList<>(batch.size());
    try {
      for (Request.Loglikelihood l : batch) {
        Prepared p;
        try {
          p = take(l);
        } catch (RuntimeException e) {
          out.add(failure(l, e));
          continue;
        }
        double[] s = generator.score(new Generator.Prompt(p.ids(), p.images()), p.contextLength());
        out.add(new Response.Loglikelihood(s[0], s[1] == 1));
      }
    } catch (OrtException e) {
      throw new IllegalStateException("magma: ONNX Runtime failed: " + e.getMessage(), e);
    } finally {
      batch.forEach(r -> prepared.remove(r.id()));
    }
    return out;
  }

  private Prepared take(Request request) {
    Prepared p = prepared.remove(request.id());
    return p != null ? p : prepareNow(request);
  }

  private static Response failure(Request request, RuntimeException e) {
    return new Response.Failure(request.id() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
  }

  private Generator.Limits limits(GenerationKwargs kwargs) {
    if ((kwargs.doSample(false) || kwargs.temperature(0) > 0) && warnedSampling.compareAndSet(false, true)) {
      LOG.log(System.Logger.Level.WARNING, "magma: sampling (do_sample/temperature) was requested; this backend "
          + "decodes greedily");
    }
    return new Generator.Limits(kwargs.maxNewTokens(config.maxNewTokens()),
        options.honorUntil() ? kwargs.until() : List.of());
  }

  private void warnIfTooLong(Request request, Generator.Prompt prompt, Generator.Limits limits) {
    String warning = contextWarning(request.id(), generator.mergedLength(prompt), limits.maxNewTokens(), config);
    if (warning != null) LOG.log(System.Logger.Level.WARNING, warning);
  }

  /** The warning for a prompt that, with its token budget, does not fit the model's context; null if it fits. */
  static String contextWarning(RequestId id, int promptLength, int maxNewTokens, MagmaConfig config) {
    if (promptLength + maxNewTokens <= config.contextLength()) return null;
    return "magma: " + id + ": prompt of " + promptLength + " tokens + " + maxNewTokens + " new tokens exceeds the"
        + " model's context of " + config.contextLength() + " (" + config.file() + " context_length)";
  }

  @Override
  public String fingerprint() {
    int crops = options.numCrops() != null ? options.numCrops() : config.image().numCrops();
    String settings = HexFormat.of().formatHex(config.sha256()) + "|dtype=" + dtype + "|device="
        + (options.execution().cuda() ? "cuda" : "cpu") + "|num_crops=" + crops + "|video_num_crops="
        + options.videoNumCrops() + "|max_frames_num=" + options.maxFrames() + "|honor_until=" + options.honorUntil();
    return "magma-" + HexFormat.of().formatHex(Hashes.sha256(settings.getBytes(StandardCharsets.UTF_8)), 0, 8);
  }

  @Override
  public void close() {
    try {
      sessions.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing ONNX Runtime sessions: " + e.getMessage(), e);
    } finally {
      tokenizer.close();
    }
  }
}
