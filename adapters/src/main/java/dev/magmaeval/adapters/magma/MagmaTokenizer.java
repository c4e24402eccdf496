package dev.magmaeval.adapters.magma;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The model folder's {@code tokenizer.json} through DJL (the Rust tokenizers library), checked against
 * {@code magma_config.json}: every special token string must encode to the one id the config names. Encoding adds
 * the tokenizer's own special tokens (Llama-3 prepends {@code <|begin_of_text|>}); decoding skips special tokens and
 * applies transformers' {@code clean_up_tokenization} when the config asks for it. Thread-safe.
 */
public final class MagmaTokenizer implements AutoCloseable {
  public static final String FILE = "tokenizer.json";

  private final HuggingFaceTokenizer tokenizer;
  private final boolean cleanUp;

  private MagmaTokenizer(HuggingFaceTokenizer tokenizer, boolean cleanUp) {
    this.tokenizer = tokenizer;
    this.cleanUp = cleanUp;
  }

  public static MagmaTokenizer load(Path dir, MagmaConfig config) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": missing (the model folder needs the tokenizer beside the graphs)");
    }
    HuggingFaceTokenizer t;
    try {
      t = HuggingFaceTokenizer.builder().optTokenizerPath(file).optAddSpecialTokens(true).optTruncation(false)
          .optPadding(false).build();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": cannot load: " + e.getMessage());
    }
    MagmaTokenizer tokenizer = new MagmaTokenizer(t, config.cleanUpTokenizationSpaces());
    try {
      tokenizer.check(file, config);
    } catch (RuntimeException e) {
      t.close();
      throw e;
    }
    return tokenizer;
  }

  private void check(Path file, MagmaConfig config) {
    MagmaConfig.Tokens k = config.tokens();
    Map<String, Integer> ids = Map.of("bos", k.bos(), "eot", k.eot(), "start_header", k.startHeader(),
        "end_header", k.endHeader(), "image", k.image(), "image_start", k.imageStart(), "image_end", k.imageEnd());
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      String text = k.strings().get(e.getKey());
      long[] got = tokenizer.encode(text, false, false).getIds();
      if (got.length != 1 || got[0] != e.getValue()) {
        throw new IllegalArgumentException(file + " does not match " + config.file().getFileName() + ": '" + text
            + "' encodes to " + Arrays.toString(got) + ", the config says " + e.getValue());
      }
      if (got[0] >= config.vocabSize() && e.getValue() != k.image()) {
        throw new IllegalArgumentException(file + ": '" + text + "' has id " + got[0] + ", beyond the model's "
            + config.vocabSize() + " embedding rows");
      }
    }
  }

  /** Token ids of a rendered prompt, with the tokenizer's special tokens added (the processor's default). */
  public long[] encode(String text) {
    Encoding e = tokenizer.encode(text, true, false);
    return e.getIds();
  }

  /** Text of generated ids: special tokens skipped, then clean_up_tokenization if configured. */
  public String decode(long[] ids) {
    String text = tokenizer.decode(ids, true);
    return cleanUp ? cleanUpTokenization(text) : text;
  }

  /** transformers' {@code PreTrainedTokenizerBase.clean_up_tokenization}. */
  static String cleanUpTokenization(String s) {
    return s.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",").replace(" ' ", "'")
        .replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s").replace(" 've", "'ve")
        .replace(" 're", "'re");
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
