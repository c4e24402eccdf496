package dev.magmaeval.tasks.oracle;

import dev.magmaeval.harness.testkit.CliRun;
import dev.magmaeval.harness.testkit.FixtureCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed oracle inputs (scripts/oracle/cases/) are the fixtures' docs and replay outputs; {@code
 * -Dfixtures.write=true} rewrites them (then rerun scripts/oracle/imageqa.sh for the expected values).
 */
class OracleCasesTest {
  private static final Path ROOT = CliRun.repoRoot();

  @Test
  void committedCasesAreTheFixtures(@TempDir Path tmp) {
    OracleCases.generate(ROOT.resolve("scripts/fixtures"), tmp);
    FixtureCheck.assertSameFiles(ROOT.resolve("scripts/oracle/cases"), tmp);
  }

  @Test
  @EnabledIfSystemProperty(named = "fixtures.write", matches = "true")
  void regenerate() {
    OracleCases.generate(ROOT.resolve("scripts/fixtures"), ROOT.resolve("scripts/oracle/cases"));
  }
}
