package dev.magmaeval.adapters.magma;

import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Greedy decoding with a KV cache. Every prompt is prefilled on its own (vision, merge, decoder over the merged
 * sequence at positions 0..L-1), so a prompt's first token never depends on its batch; the caches are then
 * left-padded into one batch and decoded together, each row at its own positions (L_r + t) with its padding
 * masked, and rows leave the batch when they finish. That is the computation of batch size 1, row by row, so
 * batching does not change answers (unlike lmms-eval's HF batching, upstream issue #236); only the order of the
 * sums over a padded length differs, which moves a padded row's logits by about 1e-6 on CPU.
 */
final class Generator {
  private final MagmaSessions sessions;
  private final MagmaTokenizer tokenizer;
  private final MagmaConfig config;
  private final Set<Long> stopIds;

  Generator(MagmaSessions sessions, MagmaTokenizer tokenizer, MagmaConfig config) {
    this.sessions = sessions;
    this.tokenizer = tokenizer;
    this.config = config;
    Set<Long> stops = new java.util.HashSet<>();
    config.tokens().stopTokenIds().forEach(i -> stops.add((long) i));
    this.stopIds = Set.copyOf(stops);
  }

  /** A tokenized prompt and its preprocessed images (one {@code <image>} token each, in order). */
  record Prompt(long[] ids, List<PixelValues> images) {}

  /** When a row stops: after {@code maxNewTokens}, on a stop token, or once its text contains an until string. */
  record Limits(int maxNewTokens, List<String> until) {}

  /** Generated ids (a final stop token included), the text (decoded, cut at until, stripped), prompt length. */
  record Output(long[] tokens, String text, int promptLength) {}

  int mergedLength(Prompt p) {
    return PromptEmbeddings.mergedLength(p.ids(), p.images(), config.tokens().image(), config.image().featureSide());
  }

  List<Output> generate(List<Prompt> prompts, Limits limits) throws OrtException {
    int b = prompts.size();
    int[] lengths = new int[b];
    List<KvCache> caches = new ArrayList<>();
    Row[] rows = new Row[b];
    try {
      for (int r = 0; r < b; r++) {
        ByteBuffer embeds = embeddings(prompts.get(r));
        lengths[r] = embeds.capacity() / rowBytes();
        MagmaSessions.Step step = prefill(embeds, lengths[r]);
        caches.add(step.present());
        rows[r] = new Row(limits);
        if (!rows[r].done()) rows[r].accept(argmax(step.logits(), 0), tokenizer, stopIds);
      }
      decodeTogether(rows, lengths, caches, limits);
    } finally {
      caches.forEach(KvCache::close);
    }
    List<Output> out = new ArrayList<>(b);
    for (int r = 0; r < b; r++) out.add(rows[r].output(tokenizer, lengths[r]));
    return out;
  }

  private void decodeTogether(Row[] rows, int[] lengths, List<KvCache> caches, Limits limits) throws OrtException {
    int[] active = activeRows(rows, null);
    if (active.length == 0) return;
    KvCache past = rows.length == 1 ? caches.remove(0) : sessions.leftPadded(caches);
    caches.forEach(KvCache::close);
    caches.clear();
    int longest = past.length;
    try {
      past = dropFinished(past, active, rows.length);
      for (int t = 0; ; t++) {
        int n = active.length;
        int width = longest + t + 1;
        long[] ids = new long[n];
        long[] positions = new long[n];
        long[] mask = new long[n * width];
        for (int k = 0; k < n; k++) {
          int r = active[k];
          ids[k] = rows[r].last();
          positions[k] = lengths[r] + t;
          Arrays.fill(mask, k * width + longest - lengths[r], (k + 1) * width, 1L);
        }
        MagmaSessions.Step step = sessions.decode(sessions.embed(ids, n, 1), n, 1, mask, positions, past);
        past.close();
        past = step.present();
        for (int k = 0; k < n; k++) rows[active[k]].accept(argmax(step.logits(), k), tokenizer, stopIds);
        int[] still = activeRows(rows, active);
        if (still.length == 0) return;
        if (still.length < n) {
          past = dropFinished(past, positionsIn(active, still), n);
          active = still;
        }
      }
    } finally {
      past.close();
    }
  }

  /** Rows still generating, among {@code among} (all rows if null), in order. */
  private static int[] activeRows(Row[] rows, int[] among) {
    int[] candidates = among != null ? among : java.util.stream.IntStream.range(0, rows.length).toArray();
    return Arrays.stream(candidates).filter(r -> !rows[r].done()).toArray();
  }

  private static int[] positionsIn(int[] active, int[] still) {
    int[] out = new int[still.length];
    for (int i = 0, k = 0; i < still.length; i++) {
      while (active[k] != still[i]) k++;
      out[i] = k;
    }
    return out;
  }

  /**
   * Keeps only the cache rows at {@code keep} (positions in the current batch) once other rows have finished, so
   * they are not decoded further; each remaining row's computation is unchanged.
   */
  private KvCache dropFinished(KvCache past, int[] keep, int batch) throws OrtException {
    if (keep.length == batch) return past;
    KvCache kept = sessions.selectRows(past, keep);
    past.close();
    return kept;
  }

  /** Mean token loss of {@code ids[contextLength:]} after {@code ids[:contextLength]}, and whether it is greedy. */
  double[] score(Prompt prompt, int contextLength) throws OrtException {
    long[] context = Arrays.copyOf(prompt.ids(), contextLength);
    long[] continuation = Arrays.copyOfRange(prompt.ids(), contextLength, prompt.ids().length);
    ByteBuffer embeds = embeddings(new Prompt(context, prompt.images()));
    int length = embeds.capacity() / rowBytes();
    MagmaSessions.Step step = prefill(embeds, length);
    double loss = 0;
    boolean greedy = true;
    try {
      for (int j = 0; j < continuation.length; j++) {
        long token = continuation[j];
        loss -= logSoftmax(step.logits(), 0, (int) token);
        greedy &= argmax(step.logits(), 0) == token;
        if (j + 1 < continuation.length) {
          long[] mask = new long[length + j + 1];
          Arrays.fill(mask, 1L);
          KvCache past = step.present();
          step = sessions.decode(sessions.embed(new long[] {token}, 1, 1), 1, 1, mask,
              new long[] {length + j}, past);
          past.close();
        }
      }
    } finally {
      step.present().close();
    }
    return new double[] {loss / continuation.length, greedy ? 1 : 0};
  }

  private ByteBuffer embeddings(Prompt p) throws OrtException {
    return PromptEmbeddings.build(sessions, p.ids(), p.images(), config.tokens().image(),
        config.image().featureSide(), config.hiddenSize());
  }

  private MagmaSessions.Step prefill(ByteBuffer embeds, int length) throws OrtException {
    long[] mask = new long[length];
    long[] positions = new long[length];
    Arrays.fill(mask, 1L);
    for (int i = 0; i < length; i++) positions[i] = i;
    try (KvCache empty = sessions.emptyCache(1)) {
      return sessions.decode(embeds, 1, length, mask, positions, empty);
    }
  }

  private int rowBytes() {
    return config.hiddenSize() * sessions.type.bytes;
  }

  /** The first index of the largest logit of row {@code r} (torch.argmax's tie rule). */
  private long argmax(float[] logits, int r) {
    int v = config.vocabSize();
    int best = 0;
    for (int i = 1; i < v; i++) {
      if (logits[r * v + i] > logits[r * v + best]) best = i;
    }
    return best;
  }

  private double logSoftmax(float[] logits, int r, int token) {
    int v = config.vocabSize();
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v; i++) max = Math.max(max, logits[r * v + i]);
    double sum = 0;
    for (int i = 0; i < v; i++) sum += Math.exp(logits[r * v + i] - max);
    return logits[r * v + token] - max - Math.log(sum);
  }

  /** One prompt's generated tokens and stop state. */
  private static final class Row {
    private final Limits limits;
    private long[] tokens = new long[16];
    private int n;
    private boolean done;

    Row(Limits limits) {
      this.limits = limits;
      this.done = limits.maxNewTokens() <= 0;
    }

    boolean done() {
      return done;
    }

    long last() {
      return tokens[n - 1];
    }

    void accept(long token, MagmaTokenizer tokenizer, Set<Long> stops) {
      if (n == tokens.length) tokens = Arrays.copyOf(tokens, n * 2);
      tokens[n++] = token;
      done = stops.contains(token) || n >= limits.maxNewTokens()
          || (!limits.until().isEmpty() && untilIndex(tokenizer.decode(Arrays.copyOf(tokens, n))) >= 0);
    }

    private int untilIndex(String text) {
      int first = -1;
      for (String u : limits.until()) {
        int i = u.isEmpty() ? -1 : text.indexOf(u);
        if (i >= 0 && (first < 0 || i < first)) first = i;
      }
      return first;
    }

    Output output(MagmaTokenizer tokenizer, int promptLength) {
      long[] ids = Arrays.copyOf(tokens, n);
      String text = tokenizer.decode(ids);
      int cut = untilIndex(text);
      if (cut >= 0) text = text.substring(0, cut);
      return new Output(ids, PyStrings.strip(text), promptLength);
    }
  }
}
