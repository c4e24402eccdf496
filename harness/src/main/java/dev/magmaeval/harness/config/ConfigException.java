package dev.magmaeval.harness.config;

import java.nio.file.Path;

/** A task or group YAML is malformed or names something unknown. The message names the file, line and fix. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(Path file, int line, String message) {
    super(location(file, line) + ": " + message);
  }

  public ConfigException(Location at, String message) {
    this(at == null ? null : at.file(), at == null ? 0 : at.line(), message);
  }

  private static String location(Path file, int line) {
    if (file == null) return "<config>";
    return line > 0 ? file + ":" + line : file.toString();
  }
}
