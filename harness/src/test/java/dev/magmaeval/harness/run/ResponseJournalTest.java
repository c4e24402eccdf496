package dev.magmaeval.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.magmaeval.harness.api.GenerationKwargs;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.RequestId;
import dev.magmaeval.harness.api.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The append-only journal that makes --resume possible. */
class ResponseJournalTest {
  @TempDir Path tmp;

  private static Request.Generation gen(int doc, String ctx, Map<String, Object> kw) {
    return new Request.Generation(new RequestId("t", doc, 0, "test"), ctx, List.of(), GenerationKwargs.of(kw));
  }

  @Test
  void answersSurviveReopeningAndATornLastLineIsIgnored() throws Exception {
    Path file = tmp.resolve("j.jsonl");
    Request.Generation a = gen(0, "ctx a", Map.of("max_new_tokens", 16L));
    Request.Loglikelihood b = new Request.Loglikelihood(new RequestId("t", 1, 2, "test"), "ctx", " B", List.of());
    String ka = ResponseJournal.key(a, "m", "cfg");
    String kb = ResponseJournal.key(b, "m", "cfg");
    try (ResponseJournal j = ResponseJournal.open(file, false)) {
      j.append(List.of(new AbstractMap.SimpleEntry<>(ka, new Response.Text("yes", new Response.TokenCounts(5, 1, null))),
          new AbstractMap.SimpleEntry<>(kb, new Response.Loglikelihood(0.1 + 0.2, true)),
          new AbstractMap.SimpleEntry<>("failed", new Response.Failure("boom"))), Map.of(ka, a, kb, b));
    }
    Files.writeString(file, "{\"key\": \"torn", StandardOpenOption.APPEND);
    try (ResponseJournal j = ResponseJournal.open(file, true)) {
      assertThat(j.size()).isEqualTo(2);
      assertThat(j.ignoredLines()).isEqualTo(1);
      assertThat(j.lookup(ka)).isEqualTo(new Response.Text("yes", new Response.TokenCounts(5, 1, null)));
      assertThat(j.lookup(kb)).isEqualTo(new Response.Loglikelihood(0.30000000000000004, true));
      assertThat(j.lookup("failed")).isNull();
    }
    try (ResponseJournal j = ResponseJournal.open(file, false)) {
      assertThat(j.size()).isZero();
    }
  }

  @Test
  void keysChangeWithWhatChangesTheAnswer() {
    Request.Generation a = gen(0, "ctx", Map.of("max_new_tokens", 16L));
    String k = ResponseJournal.key(a, "m", "cfg");
    assertThat(ResponseJournal.key(gen(0, "ctx", Map.of("max_new_tokens", 16L)), "m", "cfg")).isEqualTo(k);
    assertThat(ResponseJournal.key(gen(0, "ctx", Map.of("max_new_tokens", 32L)), "m", "cfg")).isNotEqualTo(k);
    assertThat(ResponseJournal.key(gen(0, "other", Map.of("max_new_tokens", 16L)), "m", "cfg")).isNotEqualTo(k);
    assertThat(ResponseJournal.key(gen(1, "ctx", Map.of("max_new_tokens", 16L)), "m", "cfg")).isNotEqualTo(k);
    assertThat(ResponseJournal.key(a, "other-model", "cfg")).isNotEqualTo(k);
    assertThat(ResponseJournal.key(a, "m", "other-config")).isNotEqualTo(k);
  }
}
