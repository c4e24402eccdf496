package dev.magmaeval.adapters.magma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code magma_config.json}, written by scripts/export_magma_onnx.py beside the graphs: sizes, image settings,
 * special token ids, chat settings and the graph files of each exported dtype. A missing or mistyped field is an
 * {@link IllegalArgumentException} naming the file and the field.
 */
public record MagmaConfig(
    Path file,
    Map<String, Graphs> dtypes,
    String defaultDtype,
    int hiddenSize,
    int numHiddenLayers,
    int numKeyValueHeads,
    int headDim,
    int vocabSize,
    int contextLength,
    Image image,
    Tokens tokens,
    String systemPrompt,
    boolean imageStartEnd,
    int maxNewTokens,
    boolean cleanUpTokenizationSpaces,
    byte[] sha256) {

  public static final String FILE = "magma_config.json";
  static final String FORMAT = "magma-onnx/1";

  /** The files of one exported dtype, relative to the model folder. */
  public record Graphs(String visionEncoder, String embedTokens, String decoder, String rowSeparator) {}

  public record Image(int baseSize, int numCrops, int featureStride, double[] mean, double[] std) {
    /** Feature map side per crop (512 / 32 = 16 for Magma-8B). */
    public int featureSide() {
      return baseSize / featureStride;
    }
  }

  /** Special token ids, and the strings the tokenizer must map to them. */
  public record Tokens(
      int bos, int eot, int startHeader, int endHeader, int pad, int image, int imageStart, int imageEnd,
      List<Integer> stopTokenIds, Map<String, String> strings) {}

  public static MagmaConfig load(Path dir) {
    Path file = dir.resolve(FILE);
    byte[] raw;
    JsonNode root;
    try {
      raw = Files.readAllBytes(file);
      root = new ObjectMapper().readTree(raw);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": missing (is pretrained= a folder made by scripts/export_magma_onnx.py?)");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": unreadable: " + e.getMessage());
    }
    Fields f = new Fields(file, root);
    if (!FORMAT.equals(f.text("format"))) {
      throw new IllegalArgumentException(file + ": format '" + f.text("format") + "', expected '" + FORMAT + "'");
    }
    Map<String, Graphs> dtypes = new LinkedHashMap<>();
    for (Iterator<String> it = f.node("dtypes").fieldNames(); it.hasNext(); ) {
      String d = it.next();
      String p = "dtypes." + d + ".";
      dtypes.put(d, new Graphs(f.text(p + "vision_encoder"), f.text(p + "embed_tokens"), f.text(p + "decoder"),
          f.text(p + "row_separator")));
    }
    String defaultDtype = f.text("default_dtype");
    if (!dtypes.containsKey(defaultDtype)) {
      throw new IllegalArgumentException(file + ": default_dtype '" + defaultDtype + "' is not under dtypes");
    }
    Image image = new Image(f.integer("image.base_img_size"), f.integer("image.num_crops"),
        f.integer("image.feature_stride"), f.doubles("image.image_mean"), f.doubles("image.image_std"));
    Map<String, String> strings = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = f.node("tokens.strings").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      strings.put(e.getKey(), e.getValue().asText());
    }
    List<Integer> stops = new ArrayList<>();
    f.node("tokens.stop_token_ids").forEach(n -> stops.add(n.asInt()));
    Tokens tokens = new Tokens(f.integer("tokens.bos_token_id"), f.integer("tokens.eot_token_id"),
        f.integer("tokens.start_header_token_id"), f.integer("tokens.end_header_token_id"),
        f.integer("tokens.pad_token_id"), f.integer("tokens.image_token_id"),
        f.integer("tokens.image_start_token_id"), f.integer("tokens.image_end_token_id"), List.copyOf(stops),
        Map.copyOf(strings));
    for (String key : List.of("bos", "eot", "start_header", "end_header", "image", "image_start", "image_end")) {
      if (!strings.containsKey(key)) {
        throw new IllegalArgumentException(file + ": missing field 'tokens.strings." + key + "'");
      }
    }
    return new MagmaConfig(file, Map.copyOf(dtypes), defaultDtype, f.integer("hidden_size"),
        f.integer("num_hidden_layers"), f.integer("num_key_value_heads"), f.integer("head_dim"),
        f.integer("vocab_size"), f.integer("context_length"), image, tokens, f.text("chat.system_prompt"),
        f.bool("chat.image_start_end"), f.integer("generation.max_new_tokens"),
        f.bool("clean_up_tokenization_spaces"), Hashes.sha256(raw));
  }

  /** Dotted-path field access with errors that name the file and field. */
  private record Fields(Path file, JsonNode root) {
    JsonNode node(String path) {
      JsonNode n = root;
      for (String part : path.split("\\.")) {
        n = n.path(part);
      }
      if (n.isMissingNode() || n.isNull()) {
        throw new IllegalArgumentException(file + ": missing field '" + path + "'");
      }
      return n;
    }

    String text(String path) {
      JsonNode n = node(path);
      if (!n.isTextual()) throw wrong(path, "a string", n);
      return n.asText();
    }

    int integer(String path) {
      JsonNode n = node(path);
      if (!n.canConvertToInt() || !n.isIntegralNumber()) throw wrong(path, "an integer", n);
      return n.asInt();
    }

    boolean bool(String path) {
      JsonNode n = node(path);
      if (!n.isBoolean()) throw wrong(path, "true or false", n);
      return n.asBoolean();
    }

    double[] doubles(String path) {
      JsonNode n = node(path);
      if (!n.isArray()) throw wrong(path, "a list of numbers", n);
      double[] out = new double[n.size()];
      for (int i = 0; i < out.length; i++) out[i] = n.get(i).asDouble();
      return out;
    }

    private IllegalArgumentException wrong(String path, String what, JsonNode n) {
      return new IllegalArgumentException(file + ": field '" + path + "' must be " + what + ", got " + n);
    }
  }
}
