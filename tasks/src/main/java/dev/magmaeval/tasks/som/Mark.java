package dev.magmaeval.tasks.som;

/** A numbered Set-of-Mark box, in pixels of the image it is drawn on. */
public record Mark(int number, Box box) {
  public Mark {
    if (number < 0) throw new IllegalArgumentException("mark numbers are not negative: " + number);
  }
}
