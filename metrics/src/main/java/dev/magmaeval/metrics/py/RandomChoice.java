package dev.magmaeval.metrics.py;

import java.util.List;

/**
 * Where a parser's {@code random.choice} fallback draws from: a {@link PyRandom}, or a run's shared global random
 * state (pass its {@code choice} as a method reference, e.g. {@code context.random()::choice}). Implementations need
 * not be thread-safe unless their callers share them across threads.
 */
@FunctionalInterface
public interface RandomChoice {

    /** {@code random.choice(items)}. */
    <T> T choice(List<T> items);
}
