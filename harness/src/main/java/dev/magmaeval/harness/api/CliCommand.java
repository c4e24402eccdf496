package dev.magmaeval.harness.api;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Service interface for subcommands of {@code ./eval} beyond evaluation itself ({@code report}, {@code gate}).
 * Register implementations in {@code META-INF/services/dev.magmaeval.harness.api.CliCommand}.
 */
public interface CliCommand {

  /** The subcommand word, e.g. {@code report}. */
  String name();

  /** One line for {@code ./eval --help}. */
  String description();

  /**
   * Runs the subcommand and returns the process exit code (0 success; 1 a negative verdict such as a regression;
   * 2 bad input). Messages go to {@code out}/{@code err}; never call {@code System.exit}.
   */
  int run(String[] args, Environment environment);

  /** The process's surroundings, injected for tests. */
  record Environment(
      Path workingDirectory, Path home, Map<String, String> variables, PrintStream out, PrintStream err) {}
}
