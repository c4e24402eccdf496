package dev.magmaeval.harness.output;

import java.util.List;
import java.util.regex.Pattern;

/** lmms-eval's {@code GeneralConfigTracker._get_model_name} and {@code utils.sanitize_model_name}. */
public final class ModelNames {
  private static final List<String> PREFIXES = List.of("peft=", "delta=", "pretrained=", "model=", "model_version=",
      "model_name=", "model_id=", "path=", "engine=");
  private static final Pattern UNSAFE = Pattern.compile("[\"<>:/\\|\\\\?*\\[\\]]+");

  private ModelNames() {}

  /** The value after the first matching prefix (a substring test, as upstream), up to the next comma. */
  public static String modelName(String modelArgs) {
    if (modelArgs == null) return "";
    for (String prefix : PREFIXES) {
      int at = modelArgs.indexOf(prefix);
      if (at >= 0) {
        String after = modelArgs.substring(at + prefix.length());
        int comma = after.indexOf(',');
        return comma < 0 ? after : after.substring(0, comma);
      }
    }
    return "";
  }

  /** The last two path parts, unsafe characters replaced by {@code __}. */
  public static String sanitize(String modelName) {
    String[] parts = modelName.split("/", -1);
    String lastTwo = parts.length > 1 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : parts[parts.length - 1];
    return UNSAFE.matcher(lastTwo).replaceAll("__");
  }
}
