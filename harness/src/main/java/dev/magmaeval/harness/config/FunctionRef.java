package dev.magmaeval.harness.config;

import java.nio.file.Path;

/**
 * A {@code !function module.name} value in a task YAML. {@code file} is the YAML that holds the tag: like lmms-eval,
 * the module resolves relative to that file's folder, not the including file's.
 */
public record FunctionRef(String name, Path file, int line) {

  /** The part before the last dot ({@code utils}), possibly dotted itself. */
  public String module() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  /** The part after the last dot. */
  public String function() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  public String where() {
    return file + ":" + line;
  }

  /** How lmms-eval's dumped configs show a callable. */
  @Override
  public String toString() {
    return "<function " + function() + ">";
  }
}
