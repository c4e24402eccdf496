package dev.magmaeval.reports.cli;

import dev.magmaeval.harness.api.CliCommand;
import dev.magmaeval.reports.published.PublishedModel;
import dev.magmaeval.reports.published.PublishedNumbers;
import dev.magmaeval.reports.BadInputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/** What {@code report} and {@code gate} share: picocli set-up, path resolution and the published-model choice. */
final class Commands {

  private Commands() {}

  /**
   * Parses {@code args} into {@code options}. Returns null when parsing succeeded and the command should run, else
   * the exit code (0 after --help, 2 after a usage error, which is printed with the usage).
   */
  static Integer parse(Object options, String[] args, CliCommand.Environment env) {
    CommandLine cl = new CommandLine(options);
    cl.setOut(new PrintWriter(env.out(), true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(env.err(), true, StandardCharsets.UTF_8));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    try {
      cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      env.err().println("eval " + cl.getCommandName() + ": " + e.getMessage());
      cl.usage(cl.getErr());
      return 2;
    }
    if (cl.isUsageHelpRequested()) {
      cl.usage(cl.getOut());
      return 0;
    }
    return null;
  }

  static Path resolve(CliCommand.Environment env, Path path) {
    return env.workingDirectory().resolve(path).normalize();
  }

  /** The published model named by {@code --compare-to}, or null to match each run by name. */
  static PublishedModel compareTo(PublishedNumbers published, String id) {
    if (id == null) {
      return null;
    }
    if (published == null) {
      throw new BadInputException("--compare-to: needs published numbers (--published FILE)");
    }
    return published.model(id).orElseThrow(() -> new BadInputException(published.file() + ": models: no model '" + id
        + "' (--compare-to); known: " + String.join(", ", published.models().keySet())));
  }

  static boolean isPublishedFile(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
