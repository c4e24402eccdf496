package dev.magmaeval.adapters.magma;

/**
 * One image after Magma's preprocessing: {@code gridRows * gridCols} crops of 3 x size x size floats, crop-major
 * (row-major over the grid), each crop CHW. This is the image's slice of the processor's {@code pixel_values}, and
 * {@code (gridRows, gridCols)} is its {@code image_sizes} row.
 */
public record PixelValues(float[] data, int gridRows, int gridCols, int size) {

  public PixelValues {
    if (data.length != (long) gridRows * gridCols * 3 * size * size) {
      throw new IllegalArgumentException("pixel data of " + data.length + " floats for grid " + gridRows + "x"
          + gridCols + " of " + size + "px crops");
    }
  }

  public int crops() {
    return gridRows * gridCols;
  }
}
