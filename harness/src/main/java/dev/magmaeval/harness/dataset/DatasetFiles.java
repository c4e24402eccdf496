package dev.magmaeval.harness.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of one split, in read order (shards sorted by name), all of one format and one revision. {@code root}
 * is the dataset folder (a hub-cache snapshot or a local copy).
 */
public record DatasetFiles(Path root, List<Path> files, Format format, String id) {

  public enum Format { PARQUET, JSONL, JSON, CSV }

  public DatasetFiles {
    files = List.copyOf(files);
  }

  public String describe() {
    if (files.size() == 1) return files.get(0).toString();
    return root + " (" + files.size() + " files)";
  }

  static Format formatOf(Path file) {
    String n = file.getFileName().toString().toLowerCase();
    if (n.endsWith(".parquet")) return Format.PARQUET;
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) return Format.JSONL;
    if (n.endsWith(".json")) return Format.JSON;
    if (n.endsWith(".csv")) return Format.CSV;
    return null;
  }
}
