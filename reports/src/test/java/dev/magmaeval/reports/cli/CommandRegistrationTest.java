package dev.magmaeval.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.harness.api.CliCommand;
import dev.magmaeval.reports.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The dispatcher finds {@code report} and {@code gate} with ServiceLoader; each prints picocli help. */
class CommandRegistrationTest {

  @Test
  void bothCommandsAreRegisteredServices() {
    List<String> names = new ArrayList<>();
    ServiceLoader.load(CliCommand.class).forEach(c -> names.add(c.name()));
    assertThat(names).contains("report", "gate");
  }

  @Test
  void helpDescribesOptionsAndExitCodes() {
    Fixtures.Console report = new Fixtures.Console(Fixtures.repositoryRoot());
    assertThat(new ReportCommand().run(new String[] {"--help"}, report.environment())).isZero();
    assertThat(report.out()).contains("Usage: report", "RUN_OR_DIR", "--published=FILE", "--out=DIR", "Exit codes:");

    Fixtures.Console gate = new Fixtures.Console(Fixtures.repositoryRoot());
    assertThat(new GateCommand().run(new String[] {"--help"}, gate.environment())).isZero();
    assertThat(gate.out()).contains("Usage: gate", "--run=NEW", "--baseline=REF", "--policy=FILE", "1   regression")
        .contains("1% relative");
    assertThat(gate.err()).isEmpty();
  }
}
