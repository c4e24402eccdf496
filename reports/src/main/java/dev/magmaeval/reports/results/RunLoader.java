package dev.magmaeval.reports.results;

import dev.magmaeval.reports.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds runs: each argument is a results file or a folder searched for {@code *_results.json}; files are grouped into
 * one {@link Run} per folder.
 */
public final class RunLoader {

  private static final int MAX_DEPTH = 8;

  private RunLoader() {}

  /** All runs under {@code paths}, in argument order; an argument without any results file is bad input. */
  public static List<Run> load(List<Path> paths) {
    Map<Path, List<ResultsFile>> byFolder = new LinkedHashMap<>();
    for (Path path : paths) {
      List<Path> files = resultsFiles(path);
      if (files.isEmpty()) {
        throw new BadInputException(path + ": no *" + ResultsFileReader.RESULTS_SUFFIX + " file found");
      }
      for (Path file : files) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        List<ResultsFile> list = byFolder.computeIfAbsent(folder, f -> new ArrayList<>());
        if (list.stream().noneMatch(r -> r.path().equals(file))) {
          list.add(ResultsFileReader.read(file));
        }
      }
    }
    List<Path> folders = new ArrayList<>(byFolder.keySet());
    List<Run> runs = new ArrayList<>();
    for (Path folder : folders) {
      runs.add(Run.of(label(folder, folders), folder, byFolder.get(folder)));
    }
    return runs;
  }

  /** Exactly one run at {@code path}; several folders of results under it are bad input. */
  public static Run loadOne(Path path, String option) {
    List<Run> runs = load(List.of(path));
    if (runs.size() != 1) {
      throw new BadInputException(path + ": " + option + ": expected one run, found results in " + runs.size()
          + " folders (" + runs.stream().map(r -> r.directory().toString()).collect(Collectors.joining(", ")) + ")");
    }
    return runs.get(0);
  }

  static List<Path> resultsFiles(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new BadInputException(path + ": no such file or folder");
    }
    try (Stream<Path> walk = Files.walk(path, MAX_DEPTH)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(ResultsFileReader.RESULTS_SUFFIX))
          .filter(Files::isRegularFile)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder relative to the folder common to all runs; a lone run is named by its folder. */
  static String label(Path folder, List<Path> all) {
    if (all.size() == 1) {
      return String.valueOf(folder.getFileName());
    }
    Path common = all.get(0);
    for (Path p : all) {
      while (common != null && !p.startsWith(common)) {
        common = common.getParent();
      }
    }
    if (common == null || common.equals(folder)) {
      return String.valueOf(folder.getFileName());
    }
    return common.relativize(folder).toString();
  }
}
