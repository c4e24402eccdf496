package dev.magmaeval.harness.run;

import dev.magmaeval.harness.api.PythonRandom;
import dev.magmaeval.metrics.py.PyRandom;
import java.util.List;

/**
 * Python's global {@code random}, seeded like lmms-eval's {@code simple_evaluate} does with the first {@code --seed}
 * value (unseeded, as in Python, when that value is None).
 */
final class GlobalRandom implements PythonRandom {
  private final PyRandom random;

  GlobalRandom(Integer seed) {
    this.random = new PyRandom(seed == null ? System.nanoTime() ^ System.currentTimeMillis() : seed);
  }

  @Override
  public synchronized double random() {
    return random.random();
  }

  @Override
  public synchronized <T> T choice(List<T> items) {
    return random.choice(items);
  }
}
