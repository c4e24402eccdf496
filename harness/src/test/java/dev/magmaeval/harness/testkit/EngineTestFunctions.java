package dev.magmaeval.harness.testkit;

import dev.magmaeval.harness.api.TaskFunctions;
import java.nio.file.Path;

/** Functions of the engine's test tasks (src/test/resources/engine-tasks/engine). */
public final class EngineTestFunctions implements TaskFunctions {
  @Override
  public String folder() {
    return "engine";
  }

  @Override
  public void register(Registrar r) {
    r.processDocs("utils.keep_even_rows", docs -> docs.filter(d -> ((Long) d.get("row")) % 2 == 0));
    r.aggregation("utils.samples_dir", (items, context) -> context.samplesDir().map(Path::toString).orElse("none"));
  }
}
