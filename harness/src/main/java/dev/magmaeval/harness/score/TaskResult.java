package dev.magmaeval.harness.score;

import java.util.Map;

/**
 * A leaf task's row of the results file before aliasing: {@code "<metric>,<filter>"} and its stderr keys in
 * lmms-eval's order, plus the sample count the group aggregation weighs by.
 */
public record TaskResult(String task, Map<String, Object> values, int samples, int errors) {}
