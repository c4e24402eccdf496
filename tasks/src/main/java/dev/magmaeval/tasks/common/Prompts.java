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

  /** Python truthiness of {@code kwargs[key]} (a missing key is false): {@code if kwargs.get(key):}. */
  public static boolean flag(Map<String, Object> kwargs, String key) {
    Object v = kwargs == null ? null : kwargs.get(key);
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    if (v instanceof Number n) return n.doubleValue() != 0;
    if (v instanceof String s) return !s.isEmpty();
    if (v instanceof java.util.Collection<?> c) return !c.isEmpty();
    if (v instanceof Map<?, ?> m) return !m.isEmpty();
    return true;
  }

  /**
   * {@code kwargs[key]} where upstream indexes the dict directly: a missing key is the {@code KeyError} it raises,
   * named here with the function that needs it.
   */
  public static String require(Map<String, Object> kwargs, String key, String function) {
    if (kwargs == null || !kwargs.containsKey(key)) {
      throw new IllegalArgumentException(function + " needs lmms_eval_specific_kwargs." + key);
    }
    return dev.magmaeval.metrics.py.PyRepr.str(kwargs.get(key));
  }
}
