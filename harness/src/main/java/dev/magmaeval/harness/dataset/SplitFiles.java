package dev.magmaeval.harness.dataset;

import dev.magmaeval.harness.config.SourcedMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Within one dataset folder, the files of (config, split): the card's {@code configs:} data_files first, then the
 * usual layouts of the {@code datasets} library and of the Hub's Parquet export.
 */
final class SplitFiles {
  private SplitFiles() {}

  static Optional<DatasetFiles> find(java.nio.file.Path root, String config, String split, String id) {
    List<String> patterns = new ArrayList<>(fromCard(root, config, split));
    if (patterns.isEmpty()) patterns.addAll(conventional(config, split));
    for (String pattern : patterns) {
      List<java.nio.file.Path> files = new ArrayList<>(DatasetLocator.glob(root, pattern));
      files.removeIf(f -> DatasetFiles.formatOf(f) == null);
      if (files.isEmpty()) continue;
      files.sort(Comparator.comparing(f -> f.getFileName().toString()));
      DatasetFiles.Format format = DatasetFiles.formatOf(files.get(0));
      files.removeIf(f -> DatasetFiles.formatOf(f) != format);
      return Optional.of(new DatasetFiles(root, files, format, id));
    }
    return Optional.empty();
  }

  private static List<String> fromCard(java.nio.file.Path root, String config, String split) {
    Optional<SourcedMap> card = DatasetLocator.card(root);
    if (card.isEmpty() || !(card.get().get("configs") instanceof List<?> configs)) return List.of();
    String wanted = config == null ? defaultConfig(configs) : config;
    List<String> out = new ArrayList<>();
    for (Object c : configs) {
      if (!(c instanceof Map<?, ?> m) || !wanted.equals(String.valueOf(m.get("config_name")))) continue;
      Object dataFiles = m.get("data_files");
      if (dataFiles instanceof List<?> list) {
        for (Object entry : list) {
          if (entry instanceof Map<?, ?> e && split.equals(String.valueOf(e.get("split")))) addPaths(out, e.get("path"));
        }
      } else if (dataFiles instanceof Map<?, ?> bySplit) {
        addPaths(out, bySplit.get(split));
      } else if (dataFiles instanceof String s && split.equals("train")) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The config the {@code datasets} library loads when none is named: the one marked {@code default: true}, else one
   * named {@code default}, else the only one.
   */
  private static String defaultConfig(List<?> configs) {
    String only = null;
    for (Object c : configs) {
      if (!(c instanceof Map<?, ?> m)) continue;
      if (Boolean.TRUE.equals(m.get("default"))) return String.valueOf(m.get("config_name"));
      if ("default".equals(String.valueOf(m.get("config_name")))) return "default";
      only = only == null ? String.valueOf(m.get("config_name")) : "";
    }
    return only == null || only.isEmpty() ? "default" : only;
  }

  private static void addPaths(List<String> out, Object paths) {
    if (paths instanceof List<?> l) l.forEach(p -> out.add(String.valueOf(p)));
    else if (paths != null) out.add(String.valueOf(paths));
  }

  /** Split names as the {@code datasets} library recognises them in file names. */
  static List<String> splitAliases(String split) {
    Set<String> names = new LinkedHashSet<>();
    names.add(split);
    switch (split) {
      case "validation" -> names.addAll(List.of("valid", "val", "dev"));
      case "test" -> names.addAll(List.of("testing", "eval", "evaluation"));
      case "train" -> names.add("training");
      default -> { }
    }
    return new ArrayList<>(names);
  }

  private static List<String> conventional(String config, String split) {
    List<String> out = new ArrayList<>();
    for (String s : splitAliases(split)) {
      if (config != null) {
        out.add(config + "/" + s + "-*");
        out.add(config + "/" + s + ".*");
        out.add(config + "/" + s + "/*");
        out.add(config + "/partial-" + s + "/*");
        out.add("data/" + config + "/" + s + "-*");
        out.add(config + "/data/" + s + "-*");
      }
      out.add("data/" + s + "-*");
      out.add("data/" + s + ".*");
      out.add("data/" + s + "/*");
      out.add(s + "-*");
      out.add(s + ".*");
      out.add(s + "/*");
      out.add("default/" + s + "/*");
      out.add("*_" + s + ".*");
    }
    return out;
  }
}
