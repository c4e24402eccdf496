package dev.magmaeval.harness.output;

import dev.magmaeval.harness.score.SampleRecord;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files of one run under {@code <output_path>/<model_name_sanitized>/}, in lmms-eval's layout: {@code
 * <date>_results.json} and {@code <date>_samples_<task>.jsonl}. Everything is written under a temporary name and
 * renamed into place at the end (samples first, the results file last), so a crash never leaves a half-written
 * file under a final name.
 */
public final class RunFiles implements Closeable {
  private final Path dir;
  private final String date;
  private final List<Path[]> pending = new ArrayList<>();
  private BufferedWriter samples;

  public RunFiles(Path dir, String date) {
    this.dir = dir;
    this.date = date;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create output folder " + dir + ": " + e.getMessage(), e);
    }
  }

  public Path dir() {
    return dir;
  }

  public Path resultsFile() {
    return dir.resolve(date + "_results.json");
  }

  public Path samplesFile(String task) {
    return dir.resolve(date + "_samples_" + task + ".jsonl");
  }

  /** Starts the samples file of a task (closing the previous one). */
  public void startSamples(String task) {
    closeSamples();
    Path finalPath = samplesFile(task);
    Path tmp = tmp(finalPath);
    try {
      samples = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + tmp + ": " + e.getMessage(), e);
    }
    pending.add(new Path[] {tmp, finalPath});
  }

  public void writeSample(SampleRecord record) {
    try {
      samples.write(PyJson.compact(record.fields()));
      samples.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write samples: " + e.getMessage(), e);
    }
  }

  /** Writes the results file (indent 2, as lmms-eval) and renames every file of the run into place. */
  public Path commit(Map<String, Object> results) {
    closeSamples();
    Path finalPath = resultsFile();
    Path tmp = tmp(finalPath);
    try {
      Files.writeString(tmp, PyJson.indented(results, 2), StandardCharsets.UTF_8);
      for (Path[] p : pending) move(p[0], p[1]);
      move(tmp, finalPath);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + finalPath + ": " + e.getMessage(), e);
    }
    pending.clear();
    return finalPath;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path tmp(Path finalPath) {
    return finalPath.resolveSibling(finalPath.getFileName() + ".partial");
  }

  private void closeSamples() {
    if (samples == null) return;
    try {
      samples.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    samples = null;
  }

  @Override
  public void close() {
    closeSamples();
  }
}
