package dev.magmaeval.harness.run;

import dev.magmaeval.harness.api.ModelProvider;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The model backends on the classpath, by {@code --model} name. Two providers with one name are refused. */
public final class Backends {
  private final Map<String, ModelProvider> byName;

  private Backends(Map<String, ModelProvider> byName) {
    this.byName = byName;
  }

  public static Backends load(ClassLoader loader) {
    Map<String, ModelProvider> byName = new TreeMap<>();
    for (ModelProvider p : ServiceLoader.load(ModelProvider.class, loader)) {
      ModelProvider previous = byName.putIfAbsent(p.name(), p);
      if (previous != null) {
        throw new IllegalStateException("two model backends are named '" + p.name() + "': "
            + previous.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new Backends(byName);
  }

  public ModelProvider get(String name) {
    ModelProvider p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown model '" + name + "' (available: "
          + (byName.isEmpty() ? "none on the classpath" : String.join(", ", byName.keySet())) + ")");
    }
    return p;
  }

  public List<ModelProvider> all() {
    return List.copyOf(byName.values());
  }
}
