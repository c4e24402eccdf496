package dev.magmaeval.harness.api;

import java.util.List;

/**
 * The state of Python's global {@code random} module during a run: lmms-eval seeds it once with {@code --seed}'s
 * first value, and parsers with a random fallback (MMMU, NExT-QA, EgoSchema) draw from it in scoring order (task by
 * task, doc by doc). Draw from {@link TaskContext#random()} to reproduce lmms-eval's picks exactly.
 */
public interface PythonRandom {

  /** {@code random.random()}. */
  double random();

  /** {@code random.choice(items)}. */
  <T> T choice(List<T> items);
}
