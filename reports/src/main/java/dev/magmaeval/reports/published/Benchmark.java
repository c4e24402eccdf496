package dev.magmaeval.reports.published;

import dev.magmaeval.reports.results.MetricKey;
import java.math.BigDecimal;

/**
 * A paper column mapped to a results key: task row and {@code <metric>,<filter>}. A results value equals the paper's
 * number times {@code scale} (0.01 where the paper prints a percent and lmms-eval stores 0-1).
 *
 * @param ours true for keys that lmms-eval v0.7.2 does not write (this harness's own tasks and breakdowns)
 */
public record Benchmark(String id, String task, MetricKey metric, BigDecimal scale, boolean ours, String note) {}
