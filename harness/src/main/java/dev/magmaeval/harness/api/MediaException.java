package dev.magmaeval.harness.api;

/** An image or video could not be read. It fails the one sample that needs it, never the whole run. */
public final class MediaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MediaException(String message) {
    super(message);
  }

  public MediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
