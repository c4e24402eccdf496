package dev.magmaeval.harness.run;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of one task's docs: a progress bar with ETA and docs/s on a terminal, plain periodic lines otherwise
 * (CI logs, redirected output).
 */
public interface Progress extends AutoCloseable {

  void step(long n);

  @Override
  void close();

  static Progress create(String task, long total, boolean terminal, PrintStream err, Duration interval) {
    if (total <= 0) return new Lines(task, total, err, interval);
    return terminal ? new Bar(task, total, err) : new Lines(task, total, err, interval);
  }

  /** No output (tests, --verbosity ERROR). */
  static Progress silent() {
    return new Progress() {
      @Override
      public void step(long n) {}

      @Override
      public void close() {}
    };
  }

  final class Bar implements Progress {
    private final ProgressBar bar;

    Bar(String task, long total, PrintStream err) {
      bar = new ProgressBarBuilder()
          .setTaskName(task)
          .setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII)
          .setUnit(" docs", 1)
          .showSpeed()
          .setConsumer(new ConsoleProgressBarConsumer(err))
          .build();
    }

    @Override
    public void step(long n) {
      bar.stepBy(n);
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  final class Lines implements Progress {
    private final String task;
    private final long total;
    private final PrintStream err;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long done;
    private long lastPrint = System.nanoTime();

    Lines(String task, long total, PrintStream err, Duration interval) {
      this.task = task;
      this.total = total;
      this.err = err;
      this.intervalNanos = interval.toNanos();
    }

    @Override
    public synchronized void step(long n) {
      done += n;
      long now = System.nanoTime();
      if (now - lastPrint >= intervalNanos) {
        lastPrint = now;
        print(now);
      }
    }

    private void print(long now) {
      double secs = (now - start) / 1e9;
      double rate = secs > 0 ? done / secs : 0;
      String eta = rate > 0 && total > done ? formatSeconds((total - done) / rate) : "-";
      err.printf("%s: %d/%d docs (%.1f%%), %.2f docs/s, ETA %s%n", task, done, total,
          total > 0 ? 100.0 * done / total : 100.0, rate, eta);
      err.flush();
    }

    @Override
    public synchronized void close() {
      print(System.nanoTime());
    }

    private static String formatSeconds(double s) {
      long t = Math.round(s);
      return String.format("%d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
    }
  }
}
