package dev.magmaeval.adapters.magma;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoder's per-layer keys and values, [batch, kv_heads, length, head_dim] each, in host memory (the Java API
 * has no IO binding). A cache is either a run's {@code present.*} outputs, fed back as the next {@code past_*}
 * without copying, or tensors built here (empty, or rows left-padded into one batch). Close it once the run that
 * consumed it has returned.
 */
final class KvCache implements AutoCloseable {
  final OnnxTensor[] keys;
  final OnnxTensor[] values;
  final int batch;
  final int length;
  private final AutoCloseable owner;

  KvCache(OnnxTensor[] keys, OnnxTensor[] values, int batch, int length, AutoCloseable owner) {
    this.keys = keys;
    this.values = values;
    this.batch = batch;
    this.length = length;
    this.owner = owner;
  }

  static KvCache empty(OrtEnvironment env, int layers, int batch, int kvHeads, int headDim, ElementType type)
      throws OrtException {
    List<OnnxTensor> made = new ArrayList<>();
    OnnxTensor[] k = new OnnxTensor[layers];
    OnnxTensor[] v = new OnnxTensor[layers];
    long[] shape = {batch, kvHeads, 0, headDim};
    for (int i = 0; i < layers; i++) {
      k[i] = track(made, OnnxTensor.createTensor(env, ByteBuffer.allocateDirect(0), shape, type.onnx));
      v[i] = track(made, OnnxTensor.createTensor(env, ByteBuffer.allocateDirect(0), shape, type.onnx));
    }
    return new KvCache(k, v, batch, 0, () -> made.forEach(OnnxTensor::close));
  }

  /**
   * Batch-1 caches of different lengths as one left-padded batch: row r's entries end at position {@code longest}
   * and the {@code longest - length_r} slots before them are zeros (masked out by the attention mask).
   */
  static KvCache leftPadded(OrtEnvironment env, List<KvCache> rows, ElementType type) throws OrtException {
    int longest = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int layers = rows.get(0).keys.length;
    long[] shape = rows.get(0).keys[0].getInfo().getShape();
    int heads = (int) shape[1];
    int headDim = (int) shape[3];
    List<OnnxTensor> made = new ArrayList<>();
    OnnxTensor[] k = new OnnxTensor[layers];
    OnnxTensor[] v = new OnnxTensor[layers];
    for (int i = 0; i < layers; i++) {
      final int layer = i;
      k[i] = track(made, pad(env, rows, r -> r.keys[layer], longest, heads, headDim, type));
      v[i] = track(made, pad(env, rows, r -> r.values[layer], longest, heads, headDim, type));
    }
    return new KvCache(k, v, rows.size(), longest, () -> made.forEach(OnnxTensor::close));
  }

  /** The given batch rows of a cache, in that order (rows whose generation ended are dropped from the batch). */
  static KvCache selectRows(OrtEnvironment env, KvCache cache, int[] rows, ElementType type) throws OrtException {
    long[] shape = cache.keys[0].getInfo().getShape();
    int rowBytes = (int) (shape[1] * shape[2] * shape[3]) * type.bytes;
    long[] outShape = {rows.length, shape[1], shape[2], shape[3]};
    List<OnnxTensor> made = new ArrayList<>();
    OnnxTensor[] k = new OnnxTensor[cache.keys.length];
    OnnxTensor[] v = new OnnxTensor[cache.keys.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = track(made, select(env, cache.keys[i], rows, rowBytes, outShape, type));
      v[i] = track(made, select(env, cache.values[i], rows, rowBytes, outShape, type));
    }
    return new KvCache(k, v, rows.length, cache.length, () -> made.forEach(OnnxTensor::close));
  }

  private static OnnxTensor select(OrtEnvironment env, OnnxTensor t, int[] rows, int rowBytes, long[] shape,
      ElementType type) throws OrtException {
    ByteBuffer src = t.getByteBuffer();
    ByteBuffer out = ByteBuffer.allocateDirect(rows.length * rowBytes).order(ByteOrder.nativeOrder());
    for (int i = 0; i < rows.length; i++) out.put(i * rowBytes, src, rows[i] * rowBytes, rowBytes);
    return OnnxTensor.createTensor(env, out, shape, type.onnx);
  }

  private static OnnxTensor pad(OrtEnvironment env, List<KvCache> rows, java.util.function.Function<KvCache,
      OnnxTensor> pick, int longest, int heads, int headDim, ElementType type) throws OrtException {
    int rowBytes = headDim * type.bytes;
    ByteBuffer out = ByteBuffer.allocateDirect(rows.size() * heads * longest * rowBytes).order(ByteOrder.nativeOrder());
    for (int r = 0; r < rows.size(); r++) {
      KvCache row = rows.get(r);
      ByteBuffer src = pick.apply(row).getByteBuffer();
      int pad = longest - row.length;
      for (int h = 0; h < heads; h++) {
        int from = h * row.length * rowBytes;
        int to = ((r * heads + h) * longest + pad) * rowBytes;
        out.put(to, src, from, row.length * rowBytes);
      }
    }
    return OnnxTensor.createTensor(env, out, new long[] {rows.size(), heads, longest, headDim}, type.onnx);
  }

  private static OnnxTensor track(List<OnnxTensor> made, OnnxTensor t) {
    made.add(t);
    return t;
  }

  @Override
  public void close() {
    try {
      owner.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing KV cache: " + e.getMessage(), e);
    }
  }
}
