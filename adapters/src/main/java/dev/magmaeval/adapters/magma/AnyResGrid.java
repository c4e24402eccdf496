package dev.magmaeval.adapters.magma;

/**
 * Magma's crop grid choice (magma/image_processing_magma.py {@code process_anyres_image} with LLaVA-NeXT's
 * {@code select_best_resolution}): candidates {@code (w, h) = (i*base, j*base)} for i = 1..n, j = 1..n/i, scanned in
 * that order; the largest effective area wins, then the least waste, and a later candidate only on a strict
 * improvement.
 */
public final class AnyResGrid {
  private AnyResGrid() {}

  /** Returns {rows, cols} for an image of the given size. */
  public static int[] select(int width, int height, int maxCrops, int base) {
    int bestW = 0;
    int bestH = 0;
    long bestEffective = 0;
    double bestWaste = Double.POSITIVE_INFINITY;
    for (int i = 1; i <= maxCrops; i++) {
      for (int j = 1; j <= maxCrops / i; j++) {
        int w = i * base;
        int h = j * base;
        double scale = Math.min((double) w / width, (double) h / height);
        long effective = Math.min((long) (int) (width * scale) * (int) (height * scale), (long) width * height);
        long waste = (long) w * h - effective;
        if (effective > bestEffective || (effective == bestEffective && waste < bestWaste)) {
          bestEffective = effective;
          bestWaste = waste;
          bestW = w;
          bestH = h;
        }
      }
    }
    return new int[] {bestH / base, bestW / base};
  }
}
