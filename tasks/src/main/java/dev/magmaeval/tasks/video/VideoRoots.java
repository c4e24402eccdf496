package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.api.TaskContext;
import dev.magmaeval.harness.api.Visual;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a video task's videos are. lmms-eval unpacks a video dataset's archives into {@code $HF_HOME/<cache_dir>}
 * ({@code dataset_kwargs.cache_dir}; {@code create_link} links the snapshot there instead) and its task functions
 * read {@code $HF_HOME/<cache_dir>/<sub>/<file>}. The same relative path is looked up, in order, under
 * {@code <--data_dir>/<cache_dir>}, {@code $HF_HOME/<cache_dir>} and the folder the dataset was read from. Nothing is
 * downloaded or unpacked: when no root exists but the dataset folder holds archives, a warning gives the command that
 * unpacks them.
 */
final class VideoRoots {
  private final List<Path> roots;

  private VideoRoots(List<Path> roots) {
    this.roots = roots;
  }

  /**
   * The roots of the task's {@code cache_dir}. {@code extraHfHomes} are further HF_HOME defaults a task's upstream
   * code uses when HF_HOME is unset (EgoSchema's is {@code ~/.cache/huggingface/hub}).
   */
  static VideoRoots of(TaskContext context, String... extraHfHomes) {
    Map<String, String> env = context.environment();
    String cacheDir = cacheDir(context);
    Set<Path> roots = new LinkedHashSet<>();
    context.dataDir().ifPresent(d -> roots.add(d.resolve(cacheDir)));
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    if (env.containsKey("HF_HOME")) {
      roots.add(expand(env.get("HF_HOME"), home).resolve(cacheDir));
    } else {
      roots.add(expand("~/.cache/huggingface", home).resolve(cacheDir));
      for (String h : extraHfHomes) roots.add(expand(h, home).resolve(cacheDir));
    }
    context.datasetRoot().ifPresent(roots::add);
    VideoRoots out = new VideoRoots(List.copyOf(roots));
    out.warnIfUnpacked(context, cacheDir);
    return out;
  }

  private static String cacheDir(TaskContext context) {
    if (context.config().get("dataset_kwargs") instanceof Map<?, ?> kw && kw.get("cache_dir") != null) {
      return String.valueOf(kw.get("cache_dir"));
    }
    return context.taskName();
  }

  private static Path expand(String p, String home) {
    return Path.of(p.startsWith("~") ? home + p.substring(1) : p);
  }

  /**
   * The first existing {@code <root>/<sub>/<name>} over roots and then names (upstream's fallbacks such as {@code .MP4}),
   * as a video visual; none is a {@link MediaException} that names the first candidate and the other places looked.
   */
  Visual find(String sub, String... names) {
    List<Path> tried = new ArrayList<>();
    for (Path root : roots) {
      Path dir = sub.isEmpty() ? root : root.resolve(sub);
      for (String name : names) {
        Path p = dir.resolve(name);
        if (Files.isRegularFile(p)) return Visual.video(p);
        tried.add(p);
      }
    }
    // Name first the place under a root that exists: where the video should have been.
    int primary = 0;
    for (int i = 0; i < tried.size(); i++) {
      if (Files.isDirectory(roots.get(i / names.length))) {
        primary = i;
        break;
      }
    }
    List<Path> others = new ArrayList<>(tried);
    Path first = others.remove(primary);
    StringBuilder msg = new StringBuilder("video not found: ").append(first);
    if (!others.isEmpty()) msg.append(" (also looked for ").append(others).append(')');
    throw new MediaException(msg.toString());
  }

  List<Path> roots() {
    return roots;
  }

  private void warnIfUnpacked(TaskContext context, String cacheDir) {
    if (roots.stream().anyMatch(r -> !r.equals(context.datasetRoot().orElse(null)) && Files.isDirectory(r))) return;
    Path target = roots.get(context.dataDir().isPresent() ? 1 : 0); // $HF_HOME/<cache_dir>
    List<Path> archives = context.datasetRoot().map(VideoRoots::archives).orElse(List.of());
    if (archives.isEmpty()) {
      if (context.datasetRoot().isEmpty() || !Files.isDirectory(context.datasetRoot().get())) {
        context.warn(context.taskName() + ": no video folder found (looked in " + roots + "); lmms-eval keeps these "
            + "videos in $HF_HOME/" + cacheDir + ", unpacked from the dataset's archives");
      }
      return;
    }
    String snapshot = context.datasetRoot().get().toString();
    StringBuilder cmd = new StringBuilder("mkdir -p '" + target + "'");
    if (archives.stream().anyMatch(a -> a.getFileName().toString().endsWith(".zip"))) {
      cmd.append(" && find -L '").append(snapshot).append("' -name '*.zip' -exec unzip -n -q {} -d '").append(target)
          .append("' \\;");
    }
    // Split tar parts (<base>_01.tar.gz, <base>_02.tar.gz, ...) are concatenated in name order, then extracted.
    Map<String, List<Path>> tarGroups = new java.util.TreeMap<>();
    for (Path a : archives) {
      String n = a.toString();
      int tar = n.indexOf(".tar", n.lastIndexOf('/') + 1);
      if (tar < 0) continue;
      tarGroups.computeIfAbsent(n.substring(0, tar).replaceAll("_\\d+$", ""), k -> new ArrayList<>()).add(a);
    }
    tarGroups.values().forEach(parts -> cmd.append(" && cat ").append(parts.stream().map(p -> "'" + p + "'")
        .reduce((x, y) -> x + " " + y).orElse("")).append(" | tar -x -C '").append(target).append("'"));
    context.warn(context.taskName() + ": the videos are still in " + archives.size() + " archive(s) under " + snapshot
        + "; unpack them as lmms-eval does with: " + cmd);
  }

  private static List<Path> archives(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> walk = Files.walk(dir, 4)) {
      return walk.filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".zip") || n.matches(".*\\.tar(\\..*)?");
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
