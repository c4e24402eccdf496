package dev.magmaeval.adapters.magma;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token ids through DJL against the golden ids of scripts/magma/tokenizer.py (an independent BPE in Python). */
class MagmaTokenizerTest {
  private static MagmaConfig config;
  private static MagmaTokenizer tokenizer;
  private static final JsonNode REF = TinyMagma.reference();

  @BeforeAll
  static void load() {
    config = MagmaConfig.load(TinyMagma.dir());
    tokenizer = MagmaTokenizer.load(TinyMagma.dir(), config);
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  private static long[] ids(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) out[i] = array.get(i).asLong();
    return out;
  }

  @Test
  void plainTextEncodesToTheGoldenIdsWithOneBos() {
    JsonNode t = REF.path("tokenizer");
    long[] got = tokenizer.encode(t.path("text").asText());
    assertThat(got).containsExactly(ids(t.path("ids_with_bos")));
    assertThat(got[0]).isEqualTo(config.tokens().bos());
  }

  @Test
  void everyFixturePromptRendersAndEncodesToTheGoldenIds() {
    ChatPrompt chat = new ChatPrompt(config.tokens(), config.systemPrompt(), config.imageStartEnd());
    for (Map.Entry<String, JsonNode> e : fields(REF.path("generation"))) {
      JsonNode c = e.getValue();
      String prompt = chat.generation(c.path("question").asText(), c.path("images").size());
      assertThat(prompt).as(e.getKey()).isEqualTo(c.path("prompt").asText());
      assertThat(tokenizer.encode(prompt)).as(e.getKey()).containsExactly(ids(c.path("input_ids")));
    }
  }

  @Test
  void promptsStartWithTwoBosTokensAndOpenTheUserTurnWithTheWrappedImages() {
    MagmaConfig.Tokens k = config.tokens();
    List<Long> ids = new ArrayList<>();
    for (long id : ids(REF.path("generation").path("two_images").path("input_ids"))) ids.add(id);
    assertThat(ids.subList(0, 3)).containsExactly((long) k.bos(), (long) k.bos(), (long) k.startHeader());
    int systemEnd = ids.indexOf((long) k.eot());
    int userHeaderEnd = ids.subList(systemEnd, ids.size()).indexOf((long) k.endHeader()) + systemEnd;
    List<Long> blank = new ArrayList<>();
    for (long id : tokenizer.encode("\n\n")) blank.add(id);
    blank.remove(0); // the tokenizer's own <|begin_of_text|>
    int n = blank.size();
    assertThat(ids.subList(userHeaderEnd + 1, userHeaderEnd + 1 + n)).isEqualTo(blank);
    assertThat(ids.subList(userHeaderEnd + 1 + n, userHeaderEnd + 4 + n))
        .containsExactly((long) k.imageStart(), (long) k.image(), (long) k.imageEnd());
    assertThat(ids.stream().filter(i -> i == k.image()).count()).isEqualTo(2);
    assertThat(ids.get(ids.size() - 1 - n)).isEqualTo((long) k.endHeader());
    assertThat(ids.subList(ids.size() - n, ids.size())).isEqualTo(blank);
  }

  @Test
  void decodingSkipsSpecialTokensLikeTheReference() {
    for (Map.Entry<String, JsonNode> e : fields(REF.path("generation"))) {
      JsonNode c = e.getValue();
      assertThat(PyStrings.strip(tokenizer.decode(ids(c.path("tokens"))))).as(e.getKey())
          .isEqualTo(c.path("text").asText());
    }
    JsonNode t = REF.path("tokenizer");
    long[] noBos = ids(t.path("ids_with_bos"));
    noBos = java.util.Arrays.copyOfRange(noBos, 1, noBos.length);
    assertThat(MagmaTokenizer.cleanUpTokenization(t.path("decoded").asText()))
        .isEqualTo(tokenizer.decode(noBos));
  }

  @Test
  void cleanUpFollowsTransformers() {
    assertThat(MagmaTokenizer.cleanUpTokenization("Yes . It is n't , I 'm sure it 's ok ?"))
        .isEqualTo("Yes. It isn't, I'm sure it's ok?");
  }

  @Test
  void pythonStripTreatsUnitSeparatorsAsSpaceButNotZeroWidthSpace() {
    assertThat(PyStrings.strip("\u001f\u0085 a b\u00a0\u3000")).isEqualTo("a b");
    assertThat(PyStrings.strip("\u200ba\u200b")).isEqualTo("\u200ba\u200b");
  }

  static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    node.fields().forEachRemaining(out::add);
    return out;
  }
}
