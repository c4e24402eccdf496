package dev.magmaeval.harness.score;

import java.util.Map;

/** One samples-file line (lmms-eval's {@code example} dict, already in its final key order). */
public record SampleRecord(int docId, Map<String, Object> fields) {}
