package dev.magmaeval.harness.run;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Messages for the user on stderr, filtered by {@code --verbosity} (DEBUG, INFO, WARNING, ERROR). */
public final class Log {
  public enum Level { DEBUG, INFO, WARNING, ERROR }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private final PrintStream err;
  private final Level threshold;

  public Log(PrintStream err, Level threshold) {
    this.err = err;
    this.threshold = threshold;
  }

  public static Level parseLevel(String s) {
    String v = s == null ? "INFO" : s.toUpperCase(Locale.ROOT);
    if (v.equals("WARN")) v = "WARNING";
    if (v.equals("CRITICAL")) v = "ERROR";
    try {
      return Level.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--verbosity must be DEBUG, INFO, WARNING or ERROR, got '" + s + "'");
    }
  }

  public boolean enabled(Level level) {
    return level.ordinal() >= threshold.ordinal();
  }

  public void debug(String msg) {
    log(Level.DEBUG, msg);
  }

  public void info(String msg) {
    log(Level.INFO, msg);
  }

  public void warn(String msg) {
    log(Level.WARNING, msg);
  }

  public void error(String msg) {
    log(Level.ERROR, msg);
  }

  public synchronized void log(Level level, String msg) {
    if (!enabled(level)) return;
    err.println(LocalTime.now().format(TIME) + " " + level + " " + msg);
    err.flush();
  }

  public PrintStream stream() {
    return err;
  }
}
