package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.config.ConfigException;
import dev.magmaeval.harness.config.FunctionRef;
import dev.magmaeval.harness.config.SourcedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code filter_list} parsing; the default is one ensemble named {@code none} with {@code take_first}. */
final class Filters {
  private Filters() {}

  static List<FilterSpec> parse(Object list, SourcedMap raw, TaskBuilder.Binder bind) {
    if (list == null) {
      return List.of(new FilterSpec("none", List.of(BuiltinFilters.REGISTRY.get("take_first").create(Map.of()))));
    }
    if (!(list instanceof List<?> entries)) {
      throw new ConfigException(raw.locationOf("filter_list"), "filter_list must be a list of {name, filter}");
    }
    List<FilterSpec> out = new ArrayList<>();
    for (Object e : entries) {
      if (!(e instanceof Map<?, ?> m) || m.get("name") == null || !(m.get("filter") instanceof List<?> steps)) {
        throw new ConfigException(raw.locationOf("filter_list"), "each filter_list entry needs name and filter: [...]");
      }
      List<TaskFunction.Filter> built = new ArrayList<>();
      for (Object s : steps) {
        if (!(s instanceof Map<?, ?> step)) {
          throw new ConfigException(raw.locationOf("filter_list"), "each filter step needs 'function: ...'");
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        step.forEach((k, v) -> {
          if (!"function".equals(k)) kwargs.put(String.valueOf(k), v);
        });
        Object fn = step.get("function");
        TaskFunction.FilterFactory factory;
        if (fn instanceof FunctionRef ref) {
          factory = bind.function(ref, TaskFunction.FilterFactory.class, "filter");
        } else {
          factory = BuiltinFilters.REGISTRY.get(String.valueOf(fn));
          if (factory == null) {
            throw new ConfigException(raw.locationOf("filter_list"), "unknown filter '" + fn + "' (known: "
                + String.join(", ", BuiltinFilters.REGISTRY.keySet()) + ", or a !function)");
          }
        }
        built.add(factory.create(kwargs));
      }
      out.add(new FilterSpec(String.valueOf(m.get("name")), built));
    }
    return out;
  }
}
