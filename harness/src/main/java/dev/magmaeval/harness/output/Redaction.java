package dev.magmaeval.harness.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of results files: values of secret-looking keys, {@code key=value} secrets inside strings
 * (model args), and Hugging Face tokens become {@code [REDACTED]}.
 */
public final class Redaction {
  public static final String REDACTED = "[REDACTED]";
  private static final Set<String> KEYS = Set.of("api_key", "apikey", "token", "hf_token", "access_token", "secret",
      "password", "auth", "authorization");
  private static final Pattern INLINE = Pattern.compile(
      "(?i)\\b([A-Za-z0-9_]*(?:api_key|apikey|token|secret|password))=([^,\\s]+)");
  private static final Pattern HF_TOKEN = Pattern.compile("\\bhf_[A-Za-z0-9]{20,}\\b");

  private Redaction() {}

  public static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return KEYS.contains(k) || k.endsWith("api_key") || k.endsWith("_token") || k.endsWith("_secret")
        || k.endsWith("password");
  }

  @SuppressWarnings("unchecked")
  public static Object redact(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        out.put(e.getKey(), isSecretKey(e.getKey()) && e.getValue() != null ? REDACTED : redact(e.getValue()));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) out.add(redact(o));
      return out;
    }
    if (v instanceof String s) return redactString(s);
    return v;
  }

  public static String redactString(String s) {
    Matcher m = INLINE.matcher(s);
    String out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "=" + REDACTED));
    return HF_TOKEN.matcher(out).replaceAll(REDACTED);
  }
}
