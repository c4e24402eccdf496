package dev.magmaeval.harness.config;

import java.nio.file.Path;

/** Where a YAML key was written, for error messages. */
public record Location(Path file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
