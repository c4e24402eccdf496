package dev.magmaeval.harness.dataset;

import dev.magmaeval.harness.config.SourcedMap;
import dev.magmaeval.harness.config.YamlLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the local files of a dataset split, never downloading: first {@code dataset_kwargs.data_dir} and {@code
 * --data_dir} (as a hub cache, an HF_HOME, or plain {@code org/name} folders), then the Hugging Face hub cache
 * ({@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}). lmms-eval's newer ids
 * ({@code lmms-lab-encoder/X}, {@code lmms-eval/X}) are aliases of {@code lmms-lab/X}.
 */
public final class DatasetLocator {

  private static final List<String> LMMS_FAMILY = List.of("lmms-lab", "lmms-lab-encoder", "lmms-eval");
  private static final List<String> LOCAL_BUILDERS = List.of("json", "csv", "parquet");

  private final Optional<Path> dataDir;
  private final Map<String, String> env;
  private final Path workingDirectory;

  public DatasetLocator(Optional<Path> dataDir, Map<String, String> env, Path workingDirectory) {
    this.dataDir = dataDir;
    this.env = env;
    this.workingDirectory = workingDirectory;
  }

  public DatasetFiles locate(DatasetRequest req) {
    List<String> looked = new ArrayList<>();
    if (req.path() == null) throw new DatasetNotFoundException("the task has no dataset_path", looked, null);
    if (LOCAL_BUILDERS.contains(req.path())) return fromDataFiles(req, looked);
    for (Path root : candidateRoots(req, looked)) {
      Optional<DatasetFiles> found = SplitFiles.find(root, req.name(), req.split(), req.path());
      if (found.isPresent()) return found.get();
      looked.add(root + " (no files for " + (req.name() == null ? "" : "config '" + req.name() + "' ")
          + "split '" + req.split() + "')");
    }
    throw new DatasetNotFoundException("dataset " + req.describe() + " is not available locally", looked,
        "fetch it with: " + downloadCommand(req));
  }

  /** The folder the dataset would be read from, if any (video tasks look for their media beside it). */
  public Optional<Path> root(DatasetRequest req) {
    List<Path> roots = candidateRoots(req, new ArrayList<>());
    return roots.isEmpty() ? Optional.empty() : Optional.of(roots.get(0));
  }

  public static String downloadCommand(DatasetRequest req) {
    return "huggingface-cli download " + req.path() + " --repo-type dataset"
        + (req.name() == null ? "" : " --include '" + req.name() + "/*'") + "  (then point --data_dir or HF_HOME at it)";
  }

  public Path hubCache() {
    String hub = env.get("HF_HUB_CACHE");
    if (hub != null && !hub.isBlank()) return expand(hub);
    String home = env.get("HF_HOME");
    if (home != null && !home.isBlank()) return expand(home).resolve("hub");
    return expand("~/.cache/huggingface/hub");
  }

  public Path hfHome() {
    String home = env.get("HF_HOME");
    return home != null && !home.isBlank() ? expand(home) : expand("~/.cache/huggingface");
  }

  private Path expand(String p) {
    if (p.startsWith("~")) p = env.getOrDefault("HOME", System.getProperty("user.home")) + p.substring(1);
    return workingDirectory.resolve(p).normalize();
  }

  List<Path> candidateRoots(DatasetRequest req, List<String> looked) {
    Set<Path> roots = new LinkedHashSet<>();
    List<String> ids = aliases(req.path());
    List<Path> localDirs = new ArrayList<>();
    Object kwDir = req.kwargs().get("data_dir");
    if (kwDir instanceof String s && !s.isBlank()) {
      Path p = Path.of(s);
      localDirs.add(p.isAbsolute() ? p : (req.configDir() != null && Files.isDirectory(req.configDir().resolve(p))
          ? req.configDir().resolve(p) : workingDirectory.resolve(p)));
    }
    dataDir.ifPresent(localDirs::add);
    String revision = req.kwargs().get("revision") instanceof String r ? r : "main";
    for (Path dir : localDirs) {
      if (!Files.isDirectory(dir)) {
        looked.add(dir + " (not a folder)");
        continue;
      }
      for (String id : ids) {
        addSnapshot(dir.resolve(cacheFolder(id)), revision, roots, looked);
        addSnapshot(dir.resolve("hub").resolve(cacheFolder(id)), revision, roots, looked);
        addPlain(dir.resolve(id), roots, looked);
        addPlain(dir.resolve(id.substring(id.indexOf('/') + 1)), roots, looked);
      }
    }
    Path asPath = workingDirectory.resolve(req.path());
    if (!req.path().contains("://") && Files.isDirectory(asPath)) roots.add(asPath.normalize());
    Path hub = hubCache();
    for (String id : ids) addSnapshot(hub.resolve(cacheFolder(id)), revision, roots, looked);
    return new ArrayList<>(roots);
  }

  static List<String> aliases(String id) {
    List<String> out = new ArrayList<>();
    out.add(id);
    int slash = id.indexOf('/');
    if (slash > 0 && LMMS_FAMILY.contains(id.substring(0, slash))) {
      String name = id.substring(slash + 1);
      for (String org : LMMS_FAMILY) {
        String alias = org + "/" + name;
        if (!out.contains(alias)) out.add(alias);
      }
    }
    return out;
  }

  static String cacheFolder(String id) {
    return "datasets--" + id.replace("/", "--");
  }

  private static void addPlain(Path dir, Set<Path> roots, List<String> looked) {
    if (Files.isDirectory(dir) && !dir.getFileName().toString().startsWith("datasets--")) roots.add(dir.normalize());
    else looked.add(dir.toString());
  }

  /** A hub-cache repository folder: refs/&lt;revision&gt; names the snapshot to read. */
  private static void addSnapshot(Path repo, String revision, Set<Path> roots, List<String> looked) {
    Path snapshots = repo.resolve("snapshots");
    if (!Files.isDirectory(snapshots)) {
      looked.add(repo.toString());
      return;
    }
    try {
      Path ref = repo.resolve("refs").resolve(revision);
      if (Files.isRegularFile(ref)) {
        String sha = Files.readString(ref, StandardCharsets.UTF_8).strip();
        Path snap = snapshots.resolve(sha);
        if (Files.isDirectory(snap)) {
          roots.add(snap);
          return;
        }
      }
      List<Path> all;
      try (Stream<Path> s = Files.list(snapshots)) {
        all = s.filter(Files::isDirectory).toList();
      }
      Optional<Path> bySha = all.stream().filter(p -> p.getFileName().toString().startsWith(revision)).findFirst();
      if (bySha.isPresent()) {
        roots.add(bySha.get());
        return;
      }
      all.stream()
          .max(Comparator.comparing(DatasetLocator::modified))
          .ifPresentOrElse(roots::add, () -> looked.add(snapshots + " (empty)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.nio.file.attribute.FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return java.nio.file.attribute.FileTime.fromMillis(0);
    }
  }

  /** {@code dataset_path: json|csv|parquet} with {@code dataset_kwargs.data_files}. */
  private DatasetFiles fromDataFiles(DatasetRequest req, List<String> looked) {
    Object dataFiles = req.kwargs().get("data_files");
    List<String> patterns = new ArrayList<>();
    if (dataFiles instanceof String s) patterns.add(s);
    else if (dataFiles instanceof List<?> l) l.forEach(o -> patterns.add(String.valueOf(o)));
    else if (dataFiles instanceof Map<?, ?> m) {
      Object forSplit = m.get(req.split());
      if (forSplit instanceof List<?> l) l.forEach(o -> patterns.add(String.valueOf(o)));
      else if (forSplit != null) patterns.add(String.valueOf(forSplit));
    }
    if (patterns.isEmpty()) {
      throw new DatasetNotFoundException("dataset_path '" + req.path() + "' needs dataset_kwargs.data_files for split '"
          + req.split() + "'", looked, null);
    }
    List<Path> bases = new ArrayList<>();
    dataDir.ifPresent(bases::add);
    if (req.configDir() != null) bases.add(req.configDir());
    bases.add(workingDirectory);
    for (Path base : bases) {
      List<Path> files = new ArrayList<>();
      for (String pattern : patterns) files.addAll(glob(base, pattern));
      if (!files.isEmpty()) {
        files.sort(Comparator.comparing(Path::toString));
        return new DatasetFiles(base, files, DatasetFiles.formatOf(files.get(0)), req.path());
      }
      looked.add(base.resolve(patterns.get(0)).toString());
    }
    throw new DatasetNotFoundException("data_files of dataset_path '" + req.path() + "' not found", looked, null);
  }

  static List<Path> glob(Path base, String pattern) {
    Path direct = base.resolve(pattern);
    if (!pattern.contains("*") && !pattern.contains("?") && !pattern.contains("[")) {
      return Files.isRegularFile(direct) ? List.of(direct.normalize()) : List.of();
    }
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    if (!Files.isDirectory(base)) return List.of();
    try (Stream<Path> walk = Files.walk(base, 6)) {
      return walk.filter(Files::isRegularFile).filter(p -> m.matches(base.relativize(p))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML front matter of a dataset card (README.md), if any. */
  static Optional<SourcedMap> card(Path root) {
    Path readme = root.resolve("README.md");
    if (!Files.isRegularFile(readme)) return Optional.empty();
    try {
      String text = Files.readString(readme, StandardCharsets.UTF_8);
      if (!text.startsWith("---")) return Optional.empty();
      int end = text.indexOf("\n---", 3);
      if (end < 0) return Optional.empty();
      Object yaml = YamlLoader.parse(text.substring(3, end), readme);
      return yaml instanceof SourcedMap m ? Optional.of(m) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
