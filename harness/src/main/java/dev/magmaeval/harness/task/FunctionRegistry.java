package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.harness.config.ConfigException;
import dev.magmaeval.harness.config.FunctionRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Java functions behind {@code !function} tags, found with {@link ServiceLoader}. A tag in a YAML under
 * {@code <root>/<folder>/} resolves to the function its folder's {@link TaskFunctions} provider registered under
 * that name; a YAML in a subfolder also sees its parent folders. A dotted module path ({@code
 * lmms_eval.tasks._task_utils.file_utils.f}) resolves by the folder it names, like lmms-eval's import fallback.
 */
public final class FunctionRegistry {

  private final Map<String, Map<String, TaskFunction>> byFolder;

  private FunctionRegistry(Map<String, Map<String, TaskFunction>> byFolder) {
    this.byFolder = byFolder;
  }

  public static FunctionRegistry load(ClassLoader loader) {
    Map<String, Map<String, TaskFunction>> byFolder = new TreeMap<>();
    Map<String, String> providerOf = new HashMap<>();
    for (TaskFunctions provider : ServiceLoader.load(TaskFunctions.class, loader)) {
      String folder = normalize(provider.folder());
      Map<String, TaskFunction> functions = byFolder.computeIfAbsent(folder, f -> new TreeMap<>());
      provider.register((name, fn) -> {
        String key = folder + ":" + name;
        String previous = providerOf.putIfAbsent(key, provider.getClass().getName());
        if (previous != null) {
          throw new IllegalStateException("task function '" + name + "' of folder '" + folder
              + "' is registered twice: by " + previous + " and " + provider.getClass().getName());
        }
        functions.put(name, fn);
      });
    }
    return new FunctionRegistry(byFolder);
  }

  public static FunctionRegistry of(Map<String, Map<String, TaskFunction>> byFolder) {
    Map<String, Map<String, TaskFunction>> copy = new TreeMap<>();
    byFolder.forEach((k, v) -> copy.put(normalize(k), new TreeMap<>(v)));
    return new FunctionRegistry(copy);
  }

  /** Resolves a tag to a function of the expected kind, or fails naming the file, line and fix. */
  public <F extends TaskFunction> F resolve(FunctionRef ref, Path taskRoot, Class<F> kind, String key) {
    TaskFunction fn = lookup(ref, taskRoot);
    if (fn == null) {
      List<String> known = new ArrayList<>();
      for (String folder : foldersFor(ref, taskRoot)) {
        Map<String, TaskFunction> m = byFolder.get(folder);
        if (m != null) known.addAll(m.keySet());
      }
      String folder = folderOf(ref, taskRoot);
      throw new ConfigException(ref.file(), ref.line(), key + ": unknown function '" + ref.name() + "' for task folder '"
          + folder + "'" + (known.isEmpty() ? " (no Java functions are registered for this folder)"
              : " (known: " + String.join(", ", new TreeSet<>(known)) + ")")
          + " -- register it in a TaskFunctions provider whose folder() is \"" + folder + "\"");
    }
    if (!kind.isInstance(fn)) {
      throw new ConfigException(ref.file(), ref.line(), key + ": function '" + ref.name() + "' is a "
          + kindName(fn.getClass()) + ", but " + key + " needs a " + kind.getSimpleName());
    }
    return kind.cast(fn);
  }

  /** The raw registered function (a Factory is returned as is). */
  public TaskFunction lookup(FunctionRef ref, Path taskRoot) {
    String name = ref.name();
    for (String folder : foldersFor(ref, taskRoot)) {
      Map<String, TaskFunction> m = byFolder.get(folder);
      if (m != null && m.containsKey(name)) return m.get(name);
    }
    // lmms_eval.tasks.<folder...>.<module>.<function>
    String dotted = name.startsWith("lmms_eval.tasks.") ? name.substring("lmms_eval.tasks.".length()) : null;
    if (dotted != null) {
      String[] parts = dotted.split("\\.");
      if (parts.length >= 3) {
        String folder = String.join("/", java.util.Arrays.copyOf(parts, parts.length - 2));
        String local = parts[parts.length - 2] + "." + parts[parts.length - 1];
        Map<String, TaskFunction> m = byFolder.get(folder);
        if (m != null && m.containsKey(local)) return m.get(local);
      }
    }
    return null;
  }

  private static List<String> foldersFor(FunctionRef ref, Path taskRoot) {
    List<String> out = new ArrayList<>();
    String folder = folderOf(ref, taskRoot);
    while (true) {
      out.add(folder);
      int slash = folder.lastIndexOf('/');
      if (folder.isEmpty()) break;
      folder = slash < 0 ? "" : folder.substring(0, slash);
    }
    return out;
  }

  static String folderOf(FunctionRef ref, Path taskRoot) {
    Path dir = ref.file().toAbsolutePath().normalize().getParent();
    Path root = taskRoot == null ? null : taskRoot.toAbsolutePath().normalize();
    if (root == null || !dir.startsWith(root)) return dir.getFileName() == null ? "" : dir.getFileName().toString();
    return normalize(root.relativize(dir).toString());
  }

  private static String normalize(String folder) {
    String f = folder.replace('\\', '/');
    while (f.startsWith("/")) f = f.substring(1);
    while (f.endsWith("/")) f = f.substring(0, f.length() - 1);
    return f;
  }

  private static String kindName(Class<?> c) {
    for (Class<?> i : c.getInterfaces()) {
      if (TaskFunction.class.isAssignableFrom(i)) return i.getSimpleName();
    }
    return c.getSimpleName();
  }

  public Map<String, Map<String, TaskFunction>> all() {
    return byFolder;
  }
}
