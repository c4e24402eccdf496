package dev.magmaeval.adapters.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where saved samples are: one file (which serves any task, unless its name says {@code _samples_<task>.jsonl} for
 * another), or a folder searched for {@code *_samples_<task>.jsonl} (the newest run's file per task, by the date in
 * its name).
 */
record SampleFiles(Path path, boolean folder, Map<String, Path> byTask) {
  private static final Pattern NAME = Pattern.compile("(.*)_samples_(.+)\\.jsonl");

  static SampleFiles at(Path path) {
    if (!Files.isDirectory(path)) return new SampleFiles(path, false, Map.of());
    Map<String, Path> byTask = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(path, 2)) {
      List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
      files.sort(null);
      for (Path f : files) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        if (m.matches()) byTask.put(m.group(2), f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SampleFiles(path, true, byTask);
  }

  /** The file for a task, or why there is none. */
  Optional<Path> forTask(String task) {
    if (folder) return Optional.ofNullable(byTask.get(task));
    Matcher m = NAME.matcher(path.getFileName().toString());
    if (m.matches() && !m.group(2).equals(task)) return Optional.empty();
    return Optional.of(path);
  }

  String missing(String task) {
    if (folder) {
      return "no *_samples_" + task + ".jsonl under " + path + (byTask.isEmpty() ? "" : " (tasks there: "
          + String.join(", ", byTask.keySet()) + ")");
    }
    return path + " holds samples of another task, not of '" + task + "'";
  }
}
