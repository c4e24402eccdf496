package dev.magmaeval.harness.cli;

import dev.magmaeval.harness.config.TaskIndex;
import dev.magmaeval.harness.run.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ./eval tasks [list|groups|subtasks|tags]} and {@code --tasks list*}: the registered names. */
final class TasksListing {
  private final RunConfig.Surroundings env;
  private final Path home;

  TasksListing(RunConfig.Surroundings env, Path home) {
    this.env = env;
    this.home = home;
  }

  int run(String what, List<Path> includes) {
    List<Path> roots = new ArrayList<>();
    roots.add(home.resolve("configs").resolve("tasks"));
    roots.addAll(includes);
    TaskIndex index = TaskIndex.build(roots);
    switch (what) {
      case "list" -> {
        section("Groups", index, TaskIndex.Kind.GROUP);
        section("Tasks", index, TaskIndex.Kind.TASK);
        section("Tags", index, TaskIndex.Kind.TAG);
      }
      case "groups", "list_groups" -> section("Groups", index, TaskIndex.Kind.GROUP);
      case "subtasks", "list_subtasks" -> section("Tasks", index, TaskIndex.Kind.TASK);
      case "tags", "list_tags" -> section("Tags", index, TaskIndex.Kind.TAG);
      default -> {
        env.err().println("error: unknown listing '" + what + "' (use list, groups, subtasks or tags)");
        return Cli.BAD_INPUT;
      }
    }
    return Cli.OK;
  }

  private void section(String title, TaskIndex index, TaskIndex.Kind kind) {
    List<String> names = index.names(kind);
    env.out().println(title + " (" + names.size() + "):");
    for (String n : names) {
      TaskIndex.Entry e = index.get(n);
      String detail = switch (kind) {
        case TAG -> String.join(", ", e.tasks());
        default -> relative(e.yaml());
      };
      env.out().printf("  %-36s %s%n", n, detail);
    }
  }

  private String relative(Path yaml) {
    try {
      return home.toAbsolutePath().normalize().relativize(yaml.toAbsolutePath().normalize()).toString();
    } catch (IllegalArgumentException e) {
      return yaml.toString();
    }
  }
}
