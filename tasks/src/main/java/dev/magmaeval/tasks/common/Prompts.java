package dev.magmaeval.tasks.common;

import java.util.Map;

/** The {@code pre_prompt}/{@code post_prompt} convention of lmms_eval_specific_kwargs (missing keys are ""). */
public final class Prompts {
  private Prompts() {}

  public static String pre(Map<String, Object> kwargs) {
    return get(kwargs, "pre_prompt");
  }

  public static String post(Map<String, Object> kwargs) {
    return get(kwargs, "post_prompt");
  }

  public static String get(Map<String, Object> kwargs, String key) {
    if (kwargs == null || kwargs.get(key) == null) return "";
    return String.valueOf(kwargs.get(key));
  }
}
