package dev.magmaeval.harness.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Step two of task loading: turns {@code --tasks} into the task tree, as lmms-eval's {@code
 * TaskManager.load_task_or_group} does. Names may be fnmatch wildcards, tasks, groups, tags or YAML file paths.
 * Groups push their non-group keys down onto every subtask; tags expand into independent tasks.
 */
public final class TaskTreeLoader {

  /** The keys that belong to a group itself ({@code GroupConfig}); any other key is a subtask override. */
  static final Set<String> GROUP_KEYS = Set.of("group", "group_alias", "task", "aggregate_metric_list", "metadata");

  private final TaskIndex index;
  private final Map<String, List<String>> childrenSeen = new HashMap<>();

  public TaskTreeLoader(TaskIndex index) {
    this.index = index;
  }

  /**
   * Loads the tasks named on the command line. Top-level order follows lmms-eval: the matched names sorted, then
   * merged through a ChainMap, which reverses them.
   */
  public List<TaskNode> load(String tasksArgument) {
    List<String> items = new ArrayList<>();
    for (String s : tasksArgument.split(",")) {
      if (!s.isBlank()) items.add(s.strip());
    }
    if (items.isEmpty()) throw new ConfigException("--tasks is empty");
    Set<String> matched = new TreeSet<>();
    List<SourcedMap> fileConfigs = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String item : items) {
      List<String> hits = match(item);
      matched.addAll(hits);
      if (!hits.isEmpty() || item.contains("*") || item.contains("?") || item.contains("[")) continue;
      Path asFile = Path.of(item);
      if (item.endsWith(".yaml") && Files.isRegularFile(asFile)) {
        fileConfigs.add(Includes.load(asFile));
      } else {
        missing.add(item);
      }
    }
    if (!missing.isEmpty()) throw unknown(missing);
    List<List<TaskNode>> perName = new ArrayList<>();
    for (String name : matched) perName.add(loadName(name, null, null));
    for (SourcedMap config : fileConfigs) perName.add(loadDict(config, null, null));
    List<TaskNode> top = chainMap(perName);
    checkDuplicates(top);
    return top;
  }

  private List<String> match(String pattern) {
    Pattern regex = Glob.toRegex(pattern);
    return index.names().stream().filter(n -> regex.matcher(n).matches()).toList();
  }

  private ConfigException unknown(List<String> missing) {
    StringBuilder sb = new StringBuilder("unknown task");
    if (missing.size() > 1) sb.append('s');
    sb.append(": ");
    List<String> parts = new ArrayList<>();
    for (String m : missing) {
      List<String> close = Suggest.closest(m, index.names(), 5);
      parts.add("'" + m + "'" + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)"));
    }
    sb.append(String.join("; ", parts));
    sb.append(" -- run './eval --tasks list' to see all tasks, groups and tags");
    return new ConfigException(sb.toString());
  }

  /** lmms-eval merges sibling task dicts with {@code dict(ChainMap(*maps))}: the last map's keys come first. */
  private static List<TaskNode> chainMap(List<List<TaskNode>> maps) {
    List<TaskNode> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = maps.size() - 1; i >= 0; i--) {
      for (TaskNode node : maps.get(i)) {
        if (seen.add(node.name())) out.add(node);
      }
    }
    // a key present in several maps takes the value of the first map that has it
    List<TaskNode> resolved = new ArrayList<>();
    for (TaskNode node : out) {
      for (List<TaskNode> map : maps) {
        TaskNode hit = map.stream().filter(n -> n.name().equals(node.name())).findFirst().orElse(null);
        if (hit != null) {
          resolved.add(hit);
          break;
        }
      }
    }
    return resolved;
  }

  private List<TaskNode> loadName(String name, String parent, SourcedMap update) {
    if (update != null) {
      SourcedMap dict = new SourcedMap(update.origin());
      dict.put("task", name);
      dict.update(update);
      return loadDict(dict, parent, null);
    }
    TaskIndex.Entry entry = index.get(name);
    if (entry == null) throw unknown(List.of(name));
    switch (entry.kind()) {
      case TASK:
        return List.of(new TaskNode.Leaf(name, Includes.load(entry.yaml())));
      case GROUP: {
        SourcedMap config = Includes.load(entry.yaml());
        return List.of(group(config, null));
      }
      default: {
        List<List<TaskNode>> maps = new ArrayList<>();
        List<String> tasks = entry.tasks();
        for (int i = tasks.size() - 1; i >= 0; i--) maps.add(loadName(tasks.get(i), null, null));
        return chainMap(maps);
      }
    }
  }

  private List<TaskNode> loadDict(SourcedMap dict, String parent, SourcedMap update) {
    Object task = dict.get("task");
    if (task instanceof String name) {
      SourcedMap own = dict.copy();
      own.remove("task");
      if (update != null) own.update(update);
      TaskIndex.Entry entry = index.get(name);
      if (entry != null && entry.kind() == TaskIndex.Kind.GROUP) {
        return List.of(group(Includes.load(entry.yaml()), own));
      }
      if (entry != null && entry.kind() == TaskIndex.Kind.TAG) {
        List<List<TaskNode>> maps = new ArrayList<>();
        for (int i = entry.tasks().size() - 1; i >= 0; i--) maps.add(loadName(entry.tasks().get(i), null, own));
        return chainMap(maps);
      }
      SourcedMap config;
      String leafName = name;
      if (entry != null) {
        if (parent != null) {
          List<String> siblings = childrenSeen.computeIfAbsent(parent, k -> new ArrayList<>());
          long dup = siblings.stream().filter(name::equals).count();
          if (dup > 0) leafName = name + "-" + dup;
          siblings.add(name);
        }
        config = Includes.load(entry.yaml());
        config.update(own);
      } else {
        config = Includes.withIncludes(own, dict.origin() == null ? Path.of(".") : dict.origin().file().getParent(), 0);
      }
      config.put("task", leafName, dict.locationOf("task"));
      return List.of(new TaskNode.Leaf(leafName, config));
    }
    if (task instanceof List<?>) {
      return List.of(group(dict, update));
    }
    throw new ConfigException(dict.locationOf("task"), "a task entry needs 'task: <name>' or 'task: [list]'");
  }

  private TaskNode.Group group(SourcedMap raw, SourcedMap update) {
    SourcedMap config = raw.copy();
    if (update != null) config.update(update);
    SourcedMap groupOnly = new SourcedMap(config.origin());
    SourcedMap pushDown = new SourcedMap(config.origin());
    for (String key : config.keySet()) {
      (GROUP_KEYS.contains(key) ? groupOnly : pushDown).put(key, config.get(key), config.locationOf(key));
    }
    Object groupName = groupOnly.get("group");
    if (!(groupName instanceof String name)) {
      throw new ConfigException(config.locationOf("task"), "a group needs 'group: <name>'");
    }
    Object tasks = groupOnly.get("task");
    List<?> list = tasks instanceof List<?> l ? l : List.of(tasks);
    List<Object> expanded = new ArrayList<>();
    for (Object t : list) {
      if (t instanceof String s && index.get(s) != null && index.get(s).kind() == TaskIndex.Kind.TAG) {
        expanded.addAll(index.get(s).tasks());
      } else {
        expanded.add(t);
      }
    }
    SourcedMap overrides = pushDown.isEmpty() ? null : pushDown;
    List<List<TaskNode>> maps = new ArrayList<>();
    for (int i = expanded.size() - 1; i >= 0; i--) {
      Object child = expanded.get(i);
      if (child instanceof String s) {
        if (overrides == null && index.get(s) == null) {
          throw new ConfigException(groupOnly.locationOf("task"),
              "group '" + name + "' lists unknown task '" + s + "'" + suggestion(s));
        }
        maps.add(loadName(s, name, overrides));
      } else if (child instanceof SourcedMap m) {
        maps.add(loadDict(m, name, overrides));
      } else {
        throw new ConfigException(groupOnly.locationOf("task"), "group '" + name + "' has an invalid entry " + child);
      }
    }
    return new TaskNode.Group(name, groupOnly, chainMap(maps));
  }

  private String suggestion(String name) {
    List<String> close = Suggest.closest(name, index.names(), 3);
    return close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
  }

  /** lmms-eval's {@code _check_duplicates}: a leaf task may belong to one requested group only. */
  private static void checkDuplicates(List<TaskNode> top) {
    Map<String, List<String>> groupsOf = new HashMap<>();
    collect(top, null, groupsOf);
    for (Map.Entry<String, List<String>> e : groupsOf.entrySet()) {
      if (new LinkedHashSet<>(e.getValue()).size() > 1) {
        List<String> groups = new ArrayList<>(new TreeSet<>(e.getValue()));
        throw new ConfigException("task '" + e.getKey() + "' is in several requested groups ("
            + String.join(", ", groups) + "); request only one of them");
      }
    }
  }

  private static void collect(List<TaskNode> nodes, String group, Map<String, List<String>> groupsOf) {
    for (TaskNode n : nodes) {
      if (n instanceof TaskNode.Group g) {
        collect(g.children(), g.name(), groupsOf);
      } else if (group != null) {
        groupsOf.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(group);
      }
    }
  }

  static Comparator<String> byName() {
    return Comparator.naturalOrder();
  }
}
