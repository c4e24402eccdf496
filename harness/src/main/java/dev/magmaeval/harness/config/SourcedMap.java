package dev.magmaeval.harness.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping: an insertion-ordered dict (as PyYAML gives lmms-eval) that also remembers where each key was
 * written, so that errors can name the file and line.
 */
public final class SourcedMap extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;
  private final Map<String, Location> locations = new HashMap<>();
  private Location origin;

  public SourcedMap() {}

  public SourcedMap(Location origin) {
    this.origin = origin;
  }

  public void put(String key, Object value, Location at) {
    put(key, value);
    if (at != null) locations.put(key, at);
  }

  /** The location of a key, else of the mapping itself. */
  public Location locationOf(String key) {
    Location at = locations.get(key);
    return at != null ? at : origin;
  }

  public Location origin() {
    return origin;
  }

  /** Python's dict.update(other): existing keys keep their position; locations follow the values. */
  public void update(Map<String, Object> other) {
    for (Map.Entry<String, Object> e : other.entrySet()) {
      Location at = other instanceof SourcedMap s ? s.locations.get(e.getKey()) : null;
      put(e.getKey(), e.getValue());
      if (at != null) locations.put(e.getKey(), at);
      else locations.remove(e.getKey());
    }
  }

  public SourcedMap copy() {
    SourcedMap c = new SourcedMap(origin);
    c.update(this);
    return c;
  }
}
