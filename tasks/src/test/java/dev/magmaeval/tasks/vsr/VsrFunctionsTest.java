package dev.magmaeval.tasks.vsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.testkit.TestTaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VSR's protocol: the caption as a question, the label as yes/no, and where its COCO images are found. */
class VsrFunctionsTest {
  @TempDir Path tmp;

  private static Doc doc(String image, String folder) {
    return new Doc(0, Map.of("image", image, "image_link", "http://images.cocodataset.org/" + folder + "/" + image,
        "caption", "The cat is behind the laptop.", "label", 1L), "test.jsonl");
  }

  @Test
  void theCaptionBecomesAYesNoQuestion() {
    assertThat(VsrFunctions.question("The cat is behind the laptop.")).isEqualTo(
        "Is it true that the cat is behind the laptop?");
    assertThat(VsrFunctions.question(" The suitcase contains the cat ")).isEqualTo(
        "Is it true that the suitcase contains the cat?");
  }

  @Test
  void theLabelIsTheAnswerAndResponsesAreReadAsYesOrNo() {
    Doc d = doc("1.jpg", "train2017");
    assertThat(VsrFunctions.answer(d)).isEqualTo("yes");
    assertThat(VsrFunctions.processResults(d, "Yes, it is.")).containsEntry("vsr_acc", 1.0);
    assertThat(VsrFunctions.processResults(d, "true")).containsEntry("vsr_acc", 0.0);
    assertThat(VsrFunctions.processResults(d.with(Map.of("label", 0L)), "No.")).containsEntry("vsr_acc", 1.0);
    assertThatThrownBy(() -> VsrFunctions.answer(d.with(Map.of("label", 2L)))).hasMessageContaining("label");
  }

  @Test
  void imagesAreFoundUnderDataDirCocoFoldersImageDirOrTheDatasetFolder() throws IOException {
    Path data = tmp.resolve("data");
    Path coco = Files.createDirectories(data.resolve("coco/val2017"));
    Files.write(coco.resolve("000000000139.jpg"), new byte[] {7});
    CocoImages images = CocoImages.of(fake(Map.of(), data, null, Map.of("HF_HOME", tmp.toString())));
    assertThat(images.find(doc("000000000139.jpg", "val2017")).bytes()).containsExactly(7);

    Path own = Files.createDirectories(tmp.resolve("mine"));
    Files.write(own.resolve("000000000285.jpg"), new byte[] {8});
    CocoImages byKwargs = CocoImages.of(fake(Map.of("dataset_kwargs", Map.of("image_dir",
        own.toString())), null, null, Map.of("HF_HOME", tmp.toString())));
    assertThat(byKwargs.find(doc("000000000285.jpg", "train2017")).bytes()).containsExactly(8);

    Path snapshot = Files.createDirectories(tmp.resolve("snap/images"));
    Files.write(snapshot.resolve("000000000632.jpg"), new byte[] {9});
    CocoImages byDataset = CocoImages.of(fake(Map.of(), null, tmp.resolve("snap"),
        Map.of("HF_HOME", tmp.toString())));
    assertThat(byDataset.find(doc("000000000632.jpg", "train2017")).bytes()).containsExactly(9);
  }

  @Test
  void aMissingImageFailsItsSampleNamingThePath() {
    CocoImages images = CocoImages.of(fake(Map.of(), tmp.resolve("data"), null,
        Map.of("HF_HOME", tmp.resolve("hf").toString())));
    assertThatThrownBy(() -> images.find(doc("000000000724.jpg", "train2017")))
        .isInstanceOf(MediaException.class)
        .hasMessageContaining(tmp.resolve("data/vsr/images/000000000724.jpg").toString());
  }

  private static TestTaskContext fake(Map<String, Object> config, Path dataDir, Path datasetRoot, Map<String, String> env) {
    return new TestTaskContext().config(config).dataDir(dataDir).datasetRoot(datasetRoot).env(env);
  }
}
