package dev.magmaeval.harness.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * lmms-eval's {@code utils.load_yaml_config}: {@code include} (a path or a list, relative to the including file)
 * is loaded recursively and merged shallowly, the last include first, so the first listed include wins over later
 * ones and the file's own keys win over all.
 */
final class Includes {
  private static final int MAX_DEPTH = 16;

  private Includes() {}

  static SourcedMap load(Path yaml) {
    return load(yaml, 0);
  }

  private static SourcedMap load(Path yaml, int depth) {
    if (depth > MAX_DEPTH) throw new ConfigException(yaml, 0, "include chain too deep (a cycle?)");
    SourcedMap config = YamlLoader.loadMapping(yaml);
    return withIncludes(config, yaml.getParent(), depth);
  }

  /** Resolves the {@code include} key of an already-loaded config (inline group entries carry one too). */
  static SourcedMap withIncludes(SourcedMap config, Path dir, int depth) {
    if (!config.containsKey("include")) return config;
    Object include = config.get("include");
    Location at = config.locationOf("include");
    List<Object> paths = include instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(include));
    Collections.reverse(paths);
    SourcedMap merged = new SourcedMap(config.origin());
    for (Object p : paths) {
      if (!(p instanceof String s)) throw new ConfigException(at, "include must be a file name, got " + p);
      Path path = Path.of(s);
      if (!Files.isRegularFile(path)) path = dir.resolve(s);
      if (!Files.isRegularFile(path)) {
        throw new ConfigException(at, "included file '" + s + "' not found (looked in " + dir + ")");
      }
      merged.update(load(path.normalize(), depth + 1));
    }
    SourcedMap own = config.copy();
    own.remove("include");
    merged.update(own);
    return merged;
  }
}
