package dev.magmaeval.adapters.magma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.magmaeval.harness.api.ModelArgs;
import dev.magmaeval.harness.api.RequestId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad model folder or bad model args give one-line errors that name the file or argument. */
class MagmaModelFolderTest {
  @TempDir Path tmp;

  private Path copyOfTwin() throws IOException {
    Path dir = tmp.resolve("model");
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(TinyMagma.dir())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    return dir;
  }

  private void editConfig(Path dir, Consumer<ObjectNode> edit) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(dir.resolve(MagmaConfig.FILE).toFile());
    edit.accept(root);
    json.writeValue(dir.resolve(MagmaConfig.FILE).toFile(), root);
  }

  private static void open(Path dir, Map<String, Object> extra) throws Exception {
    Map<String, Object> args = new LinkedHashMap<>(Map.of("pretrained", dir.toString()));
    args.putAll(extra);
    new MagmaProvider().open(new ModelArgs("", args), MagmaBackendTest.context()).close();
  }

  private static void assertOneLine(Throwable e, String... parts) {
    assertThat(e).isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class);
    assertThat(e.getMessage()).doesNotContain("\n").contains(parts);
  }

  @Test
  void missingGraph() throws Exception {
    Path dir = copyOfTwin();
    Files.delete(dir.resolve("decoder_model_merged.onnx"));
    assertThatThrownBy(() -> open(dir, Map.of()))
        .satisfies(e -> assertOneLine(e, "decoder_model_merged.onnx", "missing graph"));
  }

  @Test
  void graphWithTheWrongInputs() throws Exception {
    Path dir = copyOfTwin();
    editConfig(dir, c -> ((ObjectNode) c.path("dtypes").path("fp32")).put("decoder", "embed_tokens.onnx"));
    assertThatThrownBy(() -> open(dir, Map.of()))
        .satisfies(e -> assertOneLine(e, "embed_tokens.onnx", "do not match", "past_key_values.0.key"));
  }

  @Test
  void tokenizerThatDoesNotMatchTheConfig() throws Exception {
    Path dir = copyOfTwin();
    editConfig(dir, c -> ((ObjectNode) c.path("tokens")).put("image_token_id", 7));
    assertThatThrownBy(() -> open(dir, Map.of()))
        .satisfies(e -> assertOneLine(e, "tokenizer.json does not match magma_config.json", "'<image>'"));
  }

  @Test
  void missingTokenizer() throws Exception {
    Path dir = copyOfTwin();
    Files.delete(dir.resolve("tokenizer.json"));
    assertThatThrownBy(() -> open(dir, Map.of())).satisfies(e -> assertOneLine(e, "tokenizer.json", "missing"));
  }

  @Test
  void missingOrIncompleteConfig() throws Exception {
    Path dir = copyOfTwin();
    editConfig(dir, c -> c.remove("hidden_size"));
    assertThatThrownBy(() -> open(dir, Map.of()))
        .satisfies(e -> assertOneLine(e, "magma_config.json", "missing field 'hidden_size'"));
    Files.delete(dir.resolve(MagmaConfig.FILE));
    assertThatThrownBy(() -> open(dir, Map.of())).satisfies(e -> assertOneLine(e, "magma_config.json", "missing"));
  }

  @Test
  void rowSeparatorOfTheWrongSize() throws Exception {
    Path dir = copyOfTwin();
    Files.write(dir.resolve("row_separator.bin"), new byte[12]);
    assertThatThrownBy(() -> open(dir, Map.of()))
        .satisfies(e -> assertOneLine(e, "row_separator.bin", "12 bytes, expected 256"));
  }

  @Test
  void badModelArgs() throws Exception {
    Path dir = copyOfTwin();
    assertThatThrownBy(() -> open(dir, Map.of("temperature", 0L)))
        .satisfies(e -> assertOneLine(e, "does not take temperature", "pretrained"));
    assertThatThrownBy(() -> open(tmp.resolve("nowhere"), Map.of()))
        .satisfies(e -> assertOneLine(e, "pretrained=", "no such folder"));
    assertThatThrownBy(() -> open(dir, Map.of("dtype", "bf16"))).satisfies(e -> assertOneLine(e, "dtype=bf16"));
    assertThatThrownBy(() -> open(dir, Map.of("device", "tpu"))).satisfies(e -> assertOneLine(e, "device='tpu'"));
    assertThatThrownBy(() -> open(dir, Map.of("num_crops", 0L))).satisfies(e -> assertOneLine(e, "num_crops=0"));
  }

  @Test
  void dtypeThatWasNotExported() throws Exception {
    Path dir = copyOfTwin();
    editConfig(dir, c -> ((ObjectNode) c.path("dtypes")).remove("fp16"));
    assertThatThrownBy(() -> open(dir, Map.of("dtype", "fp16")))
        .satisfies(e -> assertOneLine(e, "dtype=fp16", "no fp16 export", "fp32"));
  }

  @Test
  void cudaOnTheCpuBuildFailsInsteadOfFallingBack() throws Exception {
    Path dir = copyOfTwin();
    assertThatThrownBy(() -> open(dir, Map.of("device", "cuda:0")))
        .satisfies(e -> assertOneLine(e, "device=cuda:0"))
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("-Pgpu", "libcu"));
  }

  @Test
  void missingCudaLibrariesAreNamed() {
    assertThat(Execution.missingLibraries(Map.of("LD_LIBRARY_PATH", tmp.toString())))
        .contains("libcublasLt.so.12", "libcudnn.so.9");
  }

  @Test
  void warnsWhenThePromptAndItsBudgetExceedTheContext() {
    MagmaConfig config = MagmaConfig.load(TinyMagma.dir());
    RequestId id = new RequestId("vqav2_val", 3, 0, "validation");
    assertThat(MagmaBackend.contextWarning(id, 8000, 1024, config)).contains("vqav2_val#3", "8192", "1024");
    assertThat(MagmaBackend.contextWarning(id, 7000, 1024, config)).isNull();
  }
}
