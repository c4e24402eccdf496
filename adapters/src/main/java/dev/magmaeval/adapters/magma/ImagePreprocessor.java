package dev.magmaeval.adapters.magma;

/**
 * Magma's image processor in float32, in upstream's order: ToTensor ({@code v / 255}), Normalize
 * ({@code (x - mean) / std}) <em>before</em> resizing, the best crop grid, a bilinear stretch to the grid's size with
 * {@code torch.nn.functional.interpolate} semantics (align_corners=False, no antialias), then crops in row-major
 * order. The arithmetic follows the CPU kernel of torch 1.13 (UpSampleKernel.cpp, AVX2 build) operation by
 * operation, so results match the reference bit for bit. Immutable and thread-safe.
 */
public final class ImagePreprocessor {
  private final float[] mean;
  private final float[] std;
  private final int base;

  public ImagePreprocessor(double[] mean, double[] std, int base) {
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException("image_mean and image_std need 3 values each");
    }
    this.mean = new float[] {(float) mean[0], (float) mean[1], (float) mean[2]};
    this.std = new float[] {(float) std[0], (float) std[1], (float) std[2]};
    this.base = base;
  }

  public PixelValues process(RgbImage image, int maxCrops) {
    int[] grid = AnyResGrid.select(image.width(), image.height(), maxCrops, base);
    return resizeIntoCrops(normalize(image), image.width(), image.height(), grid[0], grid[1]);
  }

  /** ToTensor then Normalize: CHW floats. */
  float[] normalize(RgbImage image) {
    int plane = image.width() * image.height();
    float[] out = new float[3 * plane];
    byte[] px = image.pixels();
    for (int c = 0; c < 3; c++) {
      float m = mean[c];
      float s = std[c];
      for (int i = 0; i < plane; i++) {
        float v = (float) (px[i * 3 + c] & 0xFF) / 255f;
        out[c * plane + i] = (v - m) / s;
      }
    }
    return out;
  }

  private PixelValues resizeIntoCrops(float[] src, int w, int h, int rows, int cols) {
    int outH = rows * base;
    int outW = cols * base;
    Axis ys = Axis.of(h, outH);
    Axis xs = Axis.of(w, outW);
    int cropPlane = base * base;
    float[] out = new float[rows * cols * 3 * cropPlane];
    for (int c = 0; c < 3; c++) {
      int plane = c * w * h;
      for (int y = 0; y < outH; y++) {
        int row0 = plane + ys.i0[y] * w;
        int row1 = plane + ys.i1[y] * w;
        float h0 = ys.l0[y];
        float h1 = ys.l1[y];
        int cropRowBase = (y / base) * cols;
        int inCrop = c * cropPlane + (y % base) * base;
        for (int x = 0; x < outW; x++) {
          int x0 = xs.i0[x];
          int x1 = xs.i1[x];
          float w0 = xs.l0[x];
          float w1 = xs.l1[x];
          // t0 * w0 + t1 * w1 as GCC contracts it in PyTorch's AVX2 kernel: the first product fused.
          float t0 = Math.fma(src[row0 + x0], w0, src[row0 + x1] * w1);
          float t1 = Math.fma(src[row1 + x0], w0, src[row1 + x1] * w1);
          int crop = cropRowBase + x / base;
          out[crop * 3 * cropPlane + inCrop + x % base] = Math.fma(t0, h0, t1 * h1);
        }
      }
    }
    return new PixelValues(out, rows, cols, base);
  }

  /**
   * Source indices and weights along one axis: compute_source_index_and_lambda, whose source index is computed in
   * the CPU accumulation type (double) from a float scale; the weights are then stored as float.
   */
  private record Axis(int[] i0, int[] i1, float[] l0, float[] l1) {
    static Axis of(int in, int out) {
      int[] i0 = new int[out];
      int[] i1 = new int[out];
      float[] l0 = new float[out];
      float[] l1 = new float[out];
      float scale = (float) in / (float) out;
      for (int d = 0; d < out; d++) {
        if (in == out) {
          i0[d] = d;
          i1[d] = d;
          l0[d] = 1f;
          l1[d] = 0f;
          continue;
        }
        double real = (double) scale * (d + 0.5) - 0.5;
        if (real < 0) real = 0;
        int idx = (int) real;
        i0[d] = idx;
        i1[d] = idx + (idx < in - 1 ? 1 : 0);
        float lambda1 = (float) Math.min(Math.max(real - idx, 0.0), 1.0);
        l1[d] = lambda1;
        l0[d] = 1f - lambda1;
      }
      return new Axis(i0, i1, l0, l1);
    }
  }
}
