package dev.magmaeval.harness.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The git commit and branch of this checkout, for the results file (lmms-eval records its own). */
record BuildInfo(String gitHash, String gitBranch) {

  static BuildInfo detect(Path home, Map<String, String> env) {
    String hash = git(home, "describe", "--always");
    if (hash == null) {
      for (String k : new String[] {"LMMS_EVAL_GIT_COMMIT", "GIT_COMMIT", "GITHUB_SHA"}) {
        if (env.get(k) != null && !env.get(k).isBlank()) {
          hash = env.get(k);
          break;
        }
      }
    }
    String branch = git(home, "rev-parse", "--abbrev-ref", "HEAD");
    return new BuildInfo(hash, branch);
  }

  String version() {
    String sha = gitHash == null ? "unknown" : gitHash.substring(0, Math.min(8, gitHash.length()));
    return (gitBranch == null ? "unknown" : gitBranch) + "@" + sha;
  }

  private static String git(Path home, String... args) {
    if (home == null || !Files.isDirectory(home.resolve(".git"))) return null;
    String[] cmd = new String[args.length + 3];
    cmd[0] = "git";
    cmd[1] = "-C";
    cmd[2] = home.toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.exitValue() == 0 && !out.isEmpty() ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
