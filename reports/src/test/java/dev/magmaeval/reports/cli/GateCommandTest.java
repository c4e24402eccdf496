package dev.magmaeval.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.reports.testing.Fixtures;
import dev.magmaeval.reports.testing.LmmsEvalRun;
import dev.magmaeval.reports.testing.LmmsEvalRun.Doc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ./eval gate} end to end on 500-doc runs in lmms-eval's format, under configs/gates/default.yaml (1% relative
 * drop, α = 0.05): pope with 0/1 scores (McNemar) and vqav2_val with VQA-accuracy scores (paired bootstrap).
 */
class GateCommandTest {

  private static final int DOCS = 500;

  @TempDir Path dir;
  private List<Doc> pope;
  private List<Doc> vqa;

  @BeforeEach
  void baseline() {
    Random random = new Random(42);
    pope = new ArrayList<>();
    vqa = new ArrayList<>();
    double[] vqaScores = {0.0, 0.3, 0.6, 0.9, 1.0, 1.0, 1.0};
    for (int i = 0; i < DOCS; i++) {
      boolean right = i % 10 < 7; // 350 of 500 right
      pope.add(new Doc(i % 2 == 0 ? "yes" : "no", right == (i % 2 == 0) ? "yes" : "no", right ? 1 : 0));
      double s = vqaScores[random.nextInt(vqaScores.length)];
      vqa.add(new Doc("red", s > 0 ? "red" : "blue", s));
    }
  }

  private Path write(String name, List<Doc> popeDocs, List<Doc> vqaDocs) throws IOException {
    LmmsEvalRun run = new LmmsEvalRun("model-" + name, "20260101_000000");
    if (popeDocs != null) {
      run.task("pope", "pope_accuracy", popeDocs);
    }
    if (vqaDocs != null) {
      run.task("vqav2_val", "exact_match", vqaDocs);
    }
    return run.write(dir.resolve(name));
  }

  /** Turns {@code count} right answers (score 1) into wrong ones, every {@code step}-th right doc from {@code from}. */
  private static List<Doc> spoil(List<Doc> docs, int count, int from) {
    List<Doc> out = new ArrayList<>(docs);
    int done = 0;
    for (int i = from; i < out.size() && done < count; i++) {
      if (out.get(i).score() == 1) {
        out.set(i, new Doc(out.get(i).target(), "wrong", 0));
        done++;
      }
    }
    return out;
  }

  /** Turns {@code count} wrong answers into right ones. */
  private static List<Doc> mend(List<Doc> docs, int count) {
    List<Doc> out = new ArrayList<>(docs);
    int done = 0;
    for (int i = 0; i < out.size() && done < count; i++) {
      if (out.get(i).score() == 0) {
        out.set(i, new Doc(out.get(i).target(), out.get(i).target(), 1));
        done++;
      }
    }
    return out;
  }

  private int gate(Fixtures.Console console, String... extra) {
    List<String> args = new ArrayList<>(List.of(extra));
    args.addAll(List.of("--out", dir.resolve("gate-out").toString()));
    return new GateCommand().run(args.toArray(String[]::new), console.environment());
  }

  private Document junit() throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("gate-out/junit.xml").toFile());
  }

  @Test
  void identicalRunsPass() throws Exception {
    Path base = write("base", pope, vqa);
    Path same = write("same", pope, vqa);
    Fixtures.Console console = new Fixtures.Console(dir);

    int code = gate(console, "--run", same.toString(), "--baseline", base.toString());

    assertThat(code).as(console.err()).isZero();
    assertThat(console.out()).contains("## eval gate: PASSED (2 checks, 0 failed, 0 skipped)");
    Document xml = junit();
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(2);
    assertThat(((Element) cases.item(0)).getAttribute("classname")).isEqualTo("gate.pope");
    assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("pope_accuracy,none");
    assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
    assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
  }

  @Test
  void tenPercentOfRightAnswersTurnedWrongIsARegression() throws Exception {
    Path base = write("base", pope, vqa);
    Path worse = write("worse", spoil(pope, 35, 0), vqa);
    Fixtures.Console console = new Fixtures.Console(dir);

    int code = gate(console, "--run", worse.toString(), "--baseline", base.toString());

    assertThat(code).isEqualTo(1);
    assertThat(console.out()).contains("## eval gate: FAILED (2 checks, 1 failed, 0 skipped)")
        .contains("| **FAIL** | pope | `pope_accuracy,none` | 0.7 | 0.63 | -0.07 | 0.007 |")
        .contains("McNemar \u03c7\u00b2 (b=35 right\u2192wrong, c=0 wrong\u2192right");
    Document xml = junit();
    NodeList failures = xml.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element failure = (Element) failures.item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("classname")).isEqualTo("gate.pope");
    assertThat(failure.getAttribute("type")).isEqualTo("regression");
    assertThat(failure.getAttribute("message")).startsWith("regression: drop 0.07 > allowed 0.007, p=");
    String diff = Files.readString(dir.resolve("gate-out/sample-diff.md"));
    assertThat(diff).contains("### right \u2192 wrong (35)").contains("doc_id: 0, 1, 2, 3, 4, 5, 6, 10,")
        .contains("### wrong \u2192 right (0)");
  }

  @Test
  void aDropBeyondTheMarginThatIsWithinNoisePasses() throws Exception {
    Path base = write("base", pope, vqa);
    // 15 right→wrong and 10 wrong→right: accuracy 0.70 → 0.69, beyond 1% of 0.7, but McNemar p = 0.42
    Path noisy = write("noisy", mend(spoil(pope, 15, 100), 10), vqa);
    Fixtures.Console console = new Fixtures.Console(dir);

    int code = gate(console, "--run", noisy.toString(), "--baseline", base.toString());

    assertThat(code).as(console.out()).isZero();
    assertThat(console.out()).contains("within noise: drop 0.01 > allowed 0.007 but p=0.4237");
  }

  @Test
  void nonBinaryScoresAreComparedWithAPairedBootstrap() throws Exception {
    Path base = write("base", pope, vqa);
    List<Doc> lower = new ArrayList<>();
    for (int i = 0; i < DOCS; i++) {
      Doc d = vqa.get(i);
      lower.add(i % 5 == 0 && d.score() > 0 ? new Doc(d.target(), "blue", Math.max(0, d.score() - 0.6)) : d);
    }
    Path worse = write("worse", pope, lower);
    Fixtures.Console console = new Fixtures.Console(dir);

    int code = gate(console, "--run", worse.toString(), "--baseline", base.toString());

    assertThat(code).isEqualTo(1);
    assertThat(console.out()).contains("paired bootstrap (n=500, 10000 resamples, seed 20250218)")
        .contains("| **FAIL** | vqav2_val | `exact_match,none` |");
    assertThat(Files.readString(dir.resolve("gate-out/sample-diff.md"))).contains("### worse (");
  }

  @Test
  void withoutSamplesTheStderrsDecide() throws Exception {
    Path base = new LmmsEvalRun("base", "20260101_000000").task("pope", "pope_accuracy", pope).withoutSamples()
        .write(dir.resolve("base"));
    Path worse = new LmmsEvalRun("worse", "20260101_000000").task("pope", "pope_accuracy", spoil(pope, 50, 0))
        .withoutSamples().write(dir.resolve("worse"));
    Fixtures.Console console = new Fixtures.Console(dir);

    int code = gate(console, "--run", worse.toString(), "--baseline", base.toString());

    assertThat(code).isEqualTo(1);
    assertThat(console.out()).contains("z-test on stderr (no samples file in the baseline; 2 stderr(s), z=");
  }

  @Test
  void aMissingTaskFailsUnlessThePolicyMakesItOptional() throws Exception {
    Path base = write("base", pope, vqa);
    Path partial = write("partial", pope, null);
    Fixtures.Console console = new Fixtures.Console(dir);

    assertThat(gate(console, "--run", partial.toString(), "--baseline", base.toString())).isEqualTo(1);
    assertThat(console.out()).contains("| **FAIL** | vqav2_val | `exact_match,none` | ").contains("task missing from the run");
    Element failure = (Element) junit().getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("missing");

    Path policy = dir.resolve("optional.yaml");
    Files.writeString(policy, "schema: magma-eval/gate-policy/v1\nrules:\n  - {task: \"vqav2*\", required: false}\n");
    Fixtures.Console second = new Fixtures.Console(dir);
    assertThat(gate(second, "--run", partial.toString(), "--baseline", base.toString(), "--policy", policy.toString()))
        .isZero();
    assertThat(junit().getElementsByTagName("skipped").getLength()).isEqualTo(1);
  }

  @Test
  void badInputExitsTwoWithOneLineNamingFileAndField() throws Exception {
    Path base = write("base", pope, vqa);
    Path policy = dir.resolve("typo.yaml");
    Files.writeString(policy, "schema: magma-eval/gate-policy/v1\ndefaults:\n  max_drop: {relativ: 0.01}\n");
    Fixtures.Console console = new Fixtures.Console(dir);

    assertThat(gate(console, "--run", base.toString(), "--baseline", base.toString(), "--policy", policy.toString()))
        .isEqualTo(2);
    assertThat(console.err()).isEqualTo("eval gate: " + policy + ": defaults.max_drop.relativ: unknown key (known: "
        + "absolute, relative)" + System.lineSeparator());

    Fixtures.Console missing = new Fixtures.Console(dir);
    assertThat(gate(missing, "--run", "nowhere", "--baseline", base.toString())).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("eval gate: " + dir.resolve("nowhere") + ": no such file or folder"
        + System.lineSeparator());

    Fixtures.Console usage = new Fixtures.Console(dir);
    assertThat(gate(usage, "--baseline", base.toString())).isEqualTo(2);
    assertThat(usage.err()).startsWith("eval gate: Missing required option: '--run=NEW'");
  }

  @Test
  void publishedNumbersCanBeTheBaseline() throws Exception {
    Fixtures.Console console = new Fixtures.Console(dir);

    int code = gate(console, "--run", Fixtures.runA().toString(), "--baseline", Fixtures.publishedPaperFile().toString(),
        "--policy", Fixtures.repositoryRoot().resolve("configs/gates/paper.yaml").toString());

    assertThat(console.err()).isEmpty();
    assertThat(console.out()).contains("(Magma-8B)")
        .contains("| pass | vqav2_val | `exact_match,none` | 0.8 | 0.7125000000000001 | -0.0875 | 0.024 |")
        .contains("z-test on stderr (baseline is published numbers; 1 stderr(s)")
        .contains("| skip | vsr | `accuracy,none` | 0.651 | \u2014 |")
        // the fixture's ScreenSpot splits have 6 docs and no stderr: a large drop cannot be tested, so it fails
        .contains("| **FAIL** | screenspot_rec_test | `screenspot_Center_ACC-web_icon,none` | 0.52 | 0.3333333333333333 |")
        .contains("no significance test possible (baseline is published numbers; no stderr)");
    // the released model's own cells only: Mind2Web numbers come from a fine-tuned variant and are not gated
    assertThat(console.out()).doesNotContain("mind2web");
    assertThat(code).isEqualTo(1);
  }
}
