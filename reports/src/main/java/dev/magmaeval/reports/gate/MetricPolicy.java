package dev.magmaeval.reports.gate;

/**
 * What the policy says about one task metric.
 *
 * @param rule where it came from ({@code rules[2]} or {@code defaults})
 */
public record MetricPolicy(Margin maxDrop, double alpha, boolean required, boolean ignore, String rule) {}
