package dev.magmaeval.adapters.magma;

import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The decoder input for one prompt: text embeddings with each {@code <image>} token replaced by that image's tokens
 * (MagmaForCausalLM, "crop" strategy). Each crop's side x side feature map is tiled back into a
 * (side * rows) x (side * cols) map, the row separator follows every map row, and the result is read row-major:
 * {@code (side * rows) * (side * cols + 1)} tokens per image.
 */
final class PromptEmbeddings {
  /** Crops per vision run; bounds activation memory for many-frame videos without changing any crop's result. */
  static final int VISION_CHUNK = 8;

  private PromptEmbeddings() {}

  /** Number of decoder positions the prompt occupies after the merge. */
  static int mergedLength(long[] ids, List<PixelValues> images, int imageToken, int side) {
    int length = ids.length;
    for (PixelValues p : images) length += tokensPerImage(p, side) - 1;
    return length;
  }

  static int tokensPerImage(PixelValues p, int side) {
    return side * p.gridRows() * (side * p.gridCols() + 1);
  }

  static ByteBuffer build(MagmaSessions sessions, long[] ids, List<PixelValues> images, int imageToken, int side,
      int hidden) throws OrtException {
    int count = 0;
    long[] textIds = ids.clone();
    for (int i = 0; i < textIds.length; i++) {
      if (textIds[i] == imageToken) {
        textIds[i] = 0; // upstream embeds id 0 there and overwrites the row
        count++;
      }
    }
    if (count != images.size()) {
      throw new IllegalArgumentException("the prompt has " + count + " <image> tokens for " + images.size()
          + " images (does the question text itself contain '<image>'?)");
    }
    int row = hidden * sessions.type.bytes;
    ByteBuffer text = sessions.embed(textIds, 1, ids.length);
    ByteBuffer out = ByteBuffer.allocateDirect(mergedLength(ids, images, imageToken, side) * row)
        .order(ByteOrder.nativeOrder());
    int k = 0;
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == imageToken) {
        writeImage(sessions, images.get(k++), side, row, out);
      } else {
        out.put(text.slice(i * row, row));
      }
    }
    return out.rewind();
  }

  private static void writeImage(MagmaSessions sessions, PixelValues p, int side, int row, ByteBuffer out)
      throws OrtException {
    int crops = p.crops();
    int cropFloats = 3 * p.size() * p.size();
    ByteBuffer features = ByteBuffer.allocate(crops * side * side * row).order(ByteOrder.nativeOrder());
    for (int first = 0; first < crops; first += VISION_CHUNK) {
      int n = Math.min(VISION_CHUNK, crops - first);
      features.put(sessions.imageFeatures(p.data(), first * cropFloats, n, p.size()));
    }
    requireFinite(features, sessions.type);
    ByteBuffer separator = ByteBuffer.wrap(sessions.rowSeparator());
    int mapCols = side * p.gridCols();
    for (int y = 0; y < side * p.gridRows(); y++) {
      for (int x = 0; x < mapCols; x++) {
        int crop = (y / side) * p.gridCols() + x / side;
        int index = (crop * side + y % side) * side + x % side;
        out.put(features.slice(index * row, row));
      }
      out.put(separator.duplicate());
    }
  }

  /** Garbage in the features would pass silently into the answer; an fp16 overflow in the tower must not. */
  static void requireFinite(ByteBuffer features, ElementType type) {
    int n = features.capacity() / type.bytes;
    for (int i = 0; i < n; i++) {
      boolean finite = type == ElementType.FP32
          ? Float.isFinite(features.getFloat(i * 4))
          : ((features.getShort(i * 2) >> 10) & 0x1f) != 0x1f;
      if (!finite) {
        throw new IllegalStateException("the vision encoder produced NaN or infinite image features (an fp16 "
            + "overflow? re-export with scripts/export_magma_onnx.py --vision-fp32)");
      }
    }
  }
}
