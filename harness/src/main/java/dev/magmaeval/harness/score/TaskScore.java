package dev.magmaeval.harness.score;

import java.util.List;
import java.util.Map;

/**
 * The scoring stage's result for one task: per-doc metric values per (metric, filter), in the order lmms-eval
 * collects them, the number of docs whose model call failed, and how many samples-file lines were written.
 */
public record TaskScore(Map<MetricKey, List<Object>> sampleMetrics, int errors, int sampleLines) {}
