package dev.magmaeval.harness.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Step one of task loading: walk the task roots, read every {@code *.yaml} in simple mode (includes merged,
 * functions left as names) and index the names it defines: tasks, groups and tags (lmms-eval's {@code
 * TaskManager._get_task_and_group}). Template files without the {@code .yaml} suffix are only read when included.
 * Roots are given in priority order: the built-in {@code configs/tasks} first, so that it wins on a name clash,
 * as lmms-eval's built-ins do over {@code --include_path}.
 */
public final class TaskIndex {

  public enum Kind { TASK, GROUP, TAG }

  /** One indexed name. For a tag, {@code tasks} lists its tasks; {@code yaml} is null. */
  public record Entry(String name, Kind kind, Path yaml, List<String> tasks) {}

  private final Map<String, Entry> entries;
  private final List<Path> roots;
  private final List<String> warnings;

  private TaskIndex(Map<String, Entry> entries, List<Path> roots, List<String> warnings) {
    this.entries = entries;
    this.roots = roots;
    this.warnings = warnings;
  }

  public static TaskIndex build(List<Path> roots) {
    Map<String, Entry> index = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new ConfigException("task folder " + root + " does not exist (check --include_path)");
      }
      Map<String, Entry> fromRoot = new LinkedHashMap<>();
      for (Path yaml : yamlFiles(root)) indexFile(yaml, fromRoot, warnings);
      for (Map.Entry<String, Entry> e : fromRoot.entrySet()) {
        Entry existing = index.get(e.getKey());
        if (existing == null) {
          index.put(e.getKey(), e.getValue());
        } else if (existing.kind() == Kind.TAG && e.getValue().kind() == Kind.TAG) {
          List<String> merged = new ArrayList<>(existing.tasks());
          merged.addAll(e.getValue().tasks());
          index.put(e.getKey(), new Entry(e.getKey(), Kind.TAG, null, merged));
        } else {
          warnings.add("'" + e.getKey() + "' from " + describe(e.getValue()) + " is ignored: "
              + describe(existing) + " defines it first");
        }
      }
    }
    return new TaskIndex(Collections.unmodifiableMap(index), List.copyOf(roots), List.copyOf(warnings));
  }

  private static List<Path> yamlFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void indexFile(Path yaml, Map<String, Entry> index, List<String> warnings) {
    SourcedMap config = Includes.load(yaml);
    Object task = config.get("task");
    if (task instanceof List<?>) {
      Object group = config.get("group");
      if (!(group instanceof String name) || name.isEmpty()) {
        throw new ConfigException(config.locationOf("task"), "a group YAML (task: [list]) needs 'group: <name>'");
      }
      putUnique(index, new Entry(name, Kind.GROUP, yaml, List.of()), warnings);
    } else if (task instanceof String name) {
      putUnique(index, new Entry(name, Kind.TASK, yaml, List.of()), warnings);
      for (String attr : List.of("tag", "group")) {
        Object tags = config.get(attr);
        if (tags == null) continue;
        List<?> names = tags instanceof List<?> l ? l : List.of(tags);
        for (Object tag : names) {
          String t = String.valueOf(tag);
          Entry existing = index.get(t);
          if (existing == null) {
            index.put(t, new Entry(t, Kind.TAG, null, new ArrayList<>(List.of(name))));
          } else if (existing.kind() == Kind.TAG) {
            existing.tasks().add(name);
          } else {
            warnings.add("tag '" + t + "' of task '" + name + "' (" + yaml + ") is already a " + existing.kind()
                + " name; the tag is not registered");
          }
        }
      }
    } else if (task != null) {
      throw new ConfigException(config.locationOf("task"), "'task' must be a name or a list of names");
    }
  }

  private static void putUnique(Map<String, Entry> index, Entry entry, List<String> warnings) {
    Entry existing = index.get(entry.name());
    if (existing != null && existing.kind() != Kind.TAG) {
      warnings.add("'" + entry.name() + "' is defined twice: " + existing.yaml() + " and " + entry.yaml()
          + "; the second wins, as in lmms-eval");
    }
    index.put(entry.name(), entry);
  }

  private static String describe(Entry e) {
    return e.kind() == Kind.TAG ? "a tag" : e.yaml().toString();
  }

  public Entry get(String name) {
    return entries.get(name);
  }

  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** All names, sorted. */
  public List<String> names() {
    return List.copyOf(new TreeMap<>(entries).keySet());
  }

  public List<String> names(Kind kind) {
    return names().stream().filter(n -> entries.get(n).kind() == kind).toList();
  }

  public List<Path> roots() {
    return roots;
  }

  public List<String> warnings() {
    return warnings;
  }
}
