package dev.magmaeval.harness.cli;

import dev.magmaeval.harness.run.RunConfig;
import java.nio.file.Path;
import java.time.Clock;

/** The {@code ./eval} entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String homeProp = System.getProperty("magmaeval.home");
    Path cwd = Path.of("").toAbsolutePath();
    Path home = homeProp == null ? cwd : Path.of(homeProp).toAbsolutePath().normalize();
    boolean terminal = System.console() != null && System.getenv("CI") == null;
    int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    RunConfig.Surroundings env = new RunConfig.Surroundings(System.getenv(), cwd, home, Clock.systemUTC(), System.out,
        System.err, terminal, workers);
    int code = new Cli(env, Main.class.getClassLoader()).run(args);
    System.out.flush();
    System.exit(code);
  }
}
