package dev.magmaeval.reports;

import java.nio.file.Path;

/**
 * Bad input to {@code report} or {@code gate}: a missing or malformed file or field. The message is one line that
 * names the file and the field ({@code runs/a/x_results.json: results.vqav2_val: expected an object}); the commands
 * print it and exit with code 2.
 */
public final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code file: field: problem}. */
  public static BadInputException field(Path file, String field, String problem) {
    return new BadInputException(file + ": " + field + ": " + problem);
  }
}
