package dev.magmaeval.harness.task;

import java.util.List;
import java.util.Map;

/**
 * The run-wide settings that change how a task is configured: {@code --model} (for {@code
 * lmms_eval_specific_kwargs}), {@code --gen_kwargs}, {@code --num_fewshot}, {@code --predict_only} and {@code
 * --reasoning_tags} (null when disabled).
 */
public record TaskOptions(
    String modelName,
    Map<String, Object> genKwargs,
    Integer numFewshot,
    boolean predictOnly,
    List<List<String>> reasoningTags) {}
