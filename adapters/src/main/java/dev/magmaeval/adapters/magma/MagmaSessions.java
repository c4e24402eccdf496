package dev.magmaeval.adapters.magma;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The three ONNX Runtime sessions of an exported Magma folder and the row separator: every call into ONNX Runtime
 * goes through here, so a device-resident variant (IO binding) can replace this one class. Embeddings and caches
 * cross as raw bytes of the export's {@link ElementType}. Not thread-safe; the backend calls it from one thread.
 */
final class MagmaSessions implements AutoCloseable {
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final MagmaConfig config;
  final ElementType type;
  private final OrtSession vision;
  private final OrtSession embed;
  private final OrtSession decoder;
  private final byte[] rowSeparator;

  private MagmaSessions(MagmaConfig config, ElementType type, OrtSession vision, OrtSession embed,
      OrtSession decoder, byte[] rowSeparator) {
    this.config = config;
    this.type = type;
    this.vision = vision;
    this.embed = embed;
    this.decoder = decoder;
    this.rowSeparator = rowSeparator;
  }

  static MagmaSessions open(Path dir, MagmaConfig config, String dtype, Execution execution,
      Map<String, String> environment) throws OrtException {
    MagmaConfig.Graphs g = config.dtypes().get(dtype);
    if (g == null) {
      throw new IllegalArgumentException("--model_args dtype=" + dtype + ": " + dir + " has no " + dtype
          + " export (exported: " + String.join(", ", config.dtypes().keySet()) + ")");
    }
    ElementType type = ElementType.of(dtype);
    int layers = config.numHiddenLayers();
    Set<String> decoderIn = new LinkedHashSet<>(List.of("inputs_embeds", "attention_mask", "position_ids"));
    Set<String> decoderOut = new LinkedHashSet<>(List.of("logits"));
    for (int i = 0; i < layers; i++) {
      decoderIn.addAll(List.of("past_key_values." + i + ".key", "past_key_values." + i + ".value"));
      decoderOut.addAll(List.of("present." + i + ".key", "present." + i + ".value"));
    }
    List<OrtSession> opened = new ArrayList<>();
    try (OrtSession.SessionOptions so = execution.options(environment)) {
      OrtSession v = track(opened, session(dir, g.visionEncoder(), so, Set.of("pixel_values"), Set.of("image_features")));
      OrtSession e = track(opened, session(dir, g.embedTokens(), so, Set.of("input_ids"), Set.of("inputs_embeds")));
      OrtSession d = track(opened, session(dir, g.decoder(), so, decoderIn, decoderOut));
      checkType(dir.resolve(g.decoder()), d, "inputs_embeds", type);
      byte[] sep = readSeparator(dir.resolve(g.rowSeparator()), config.hiddenSize(), type);
      return new MagmaSessions(config, type, v, e, d, sep);
    } catch (RuntimeException | OrtException ex) {
      for (OrtSession s : opened) s.close();
      throw ex;
    }
  }

  private static OrtSession track(List<OrtSession> opened, OrtSession s) {
    opened.add(s);
    return s;
  }

  private static OrtSession session(Path dir, String name, OrtSession.SessionOptions so, Set<String> inputs,
      Set<String> outputs) throws OrtException {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": missing graph (listed in " + MagmaConfig.FILE + ")");
    }
    OrtSession s;
    try {
      s = OrtEnvironment.getEnvironment().createSession(file.toString(), so);
    } catch (OrtException e) {
      throw new IllegalArgumentException(file + ": ONNX Runtime cannot load it: " + e.getMessage());
    }
    if (!s.getInputNames().equals(inputs) || !s.getOutputNames().containsAll(outputs)) {
      Set<String> missingIn = new LinkedHashSet<>(inputs);
      missingIn.removeAll(s.getInputNames());
      Set<String> extraIn = new LinkedHashSet<>(s.getInputNames());
      extraIn.removeAll(inputs);
      Set<String> missingOut = new LinkedHashSet<>(outputs);
      missingOut.removeAll(s.getOutputNames());
      s.close();
      throw new IllegalArgumentException(file + ": inputs/outputs do not match the Magma export layout (missing "
          + "inputs " + missingIn + ", unexpected inputs " + extraIn + ", missing outputs " + missingOut + ")");
    }
    return s;
  }

  private static void checkType(Path file, OrtSession s, String input, ElementType type) throws OrtException {
    NodeInfo info = s.getInputInfo().get(input);
    if (info.getInfo() instanceof TensorInfo t && t.type != type.onnx) {
      throw new IllegalArgumentException(file + ": input " + input + " is " + t.type + ", but " + MagmaConfig.FILE
          + " lists this graph as " + type.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static byte[] readSeparator(Path file, int hidden, ElementType type) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": missing or unreadable row separator (" + e.getMessage() + ")");
    }
    if (raw.length != hidden * type.bytes) {
      throw new IllegalArgumentException(file + ": " + raw.length + " bytes, expected " + hidden * type.bytes
          + " (hidden_size little-endian values of the graph's dtype)");
    }
    ByteBuffer le = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.allocate(raw.length).order(ByteOrder.nativeOrder());
    while (le.hasRemaining()) {
      if (type.bytes == 4) out.putInt(le.getInt()); else out.putShort(le.getShort());
    }
    return out.array();
  }

  /** The learned row separator (hidden_size values, native byte order). */
  byte[] rowSeparator() {
    return rowSeparator;
  }

  /** Projected features of {@code n} crops: [n, side, side, hidden] as raw bytes. */
  ByteBuffer imageFeatures(float[] pixels, int offset, int n, int size) throws OrtException {
    FloatBuffer in = ByteBuffer.allocateDirect(n * 3 * size * size * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    in.put(pixels, offset, n * 3 * size * size).rewind();
    try (OnnxTensor t = OnnxTensor.createTensor(env, in, new long[] {n, 3, size, size});
        OrtSession.Result r = vision.run(Map.of("pixel_values", t))) {
      return bytes(r.get(0));
    }
  }

  /** Token embeddings: [batch, seq, hidden] as raw bytes. */
  ByteBuffer embed(long[] ids, int batch, int seq) throws OrtException {
    try (OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {batch, seq});
        OrtSession.Result r = embed.run(Map.of("input_ids", t))) {
      return bytes(r.get(0));
    }
  }

  KvCache emptyCache(int batch) throws OrtException {
    return KvCache.empty(env, config.numHiddenLayers(), batch, config.numKeyValueHeads(), config.headDim(), type);
  }

  KvCache leftPadded(List<KvCache> rows) throws OrtException {
    return KvCache.leftPadded(env, rows, type);
  }

  KvCache selectRows(KvCache cache, int[] rows) throws OrtException {
    return KvCache.selectRows(env, cache, rows, type);
  }

  /** One decoder pass. The returned step owns its present cache; the caller closes {@code past} afterwards. */
  Step decode(ByteBuffer embeds, int batch, int seq, long[] mask, long[] positions, KvCache past)
      throws OrtException {
    int total = past.length + seq;
    Map<String, OnnxTensor> in = new HashMap<>();
    List<OnnxTensor> made = new ArrayList<>();
    try {
      made.add(OnnxTensor.createTensor(env, direct(embeds), new long[] {batch, seq, config.hiddenSize()}, type.onnx));
      in.put("inputs_embeds", made.get(0));
      made.add(OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {batch, total}));
      in.put("attention_mask", made.get(1));
      made.add(OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {batch, seq}));
      in.put("position_ids", made.get(2));
      for (int i = 0; i < past.keys.length; i++) {
        in.put("past_key_values." + i + ".key", past.keys[i]);
        in.put("past_key_values." + i + ".value", past.values[i]);
      }
      OrtSession.Result r = decoder.run(in);
      float[] logits = new float[batch * config.vocabSize()];
      ((OnnxTensor) r.get("logits").orElseThrow()).getFloatBuffer().get(logits);
      int layers = past.keys.length;
      OnnxTensor[] k = new OnnxTensor[layers];
      OnnxTensor[] v = new OnnxTensor[layers];
      for (int i = 0; i < layers; i++) {
        k[i] = (OnnxTensor) r.get("present." + i + ".key").orElseThrow();
        v[i] = (OnnxTensor) r.get("present." + i + ".value").orElseThrow();
      }
      return new Step(logits, new KvCache(k, v, batch, total, r));
    } finally {
      made.forEach(OnnxTensor::close);
    }
  }

  /** Logits of the last position, [batch][vocab] flattened, and the cache after this pass. */
  record Step(float[] logits, KvCache present) {}

  /** ONNX Runtime wraps only direct buffers (a heap ByteBuffer with a type is mis-cast in 1.29). */
  private static ByteBuffer direct(ByteBuffer b) {
    if (b.isDirect()) return b;
    ByteBuffer d = ByteBuffer.allocateDirect(b.remaining()).order(ByteOrder.nativeOrder());
    d.put(b.duplicate()).rewind();
    return d;
  }

  private static ByteBuffer bytes(OnnxValue v) {
    return ((OnnxTensor) v).getByteBuffer().order(ByteOrder.nativeOrder());
  }

  @Override
  public void close() throws OrtException {
    vision.close();
    embed.close();
    decoder.close();
  }
}
