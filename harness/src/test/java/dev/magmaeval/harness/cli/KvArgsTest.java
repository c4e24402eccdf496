package dev.magmaeval.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --model_args / --gen_kwargs parsing as lmms-eval's simple_parse_args_string. */
class KvArgsTest {
  @Test
  void splitsOutsideQuotesAndBracketsAndKeepsQuotes() {
    Map<String, Object> m = KvArgs.parse("a=1,b='x,y',c={\"k\":1,\"j\":2},d=[1,2],e=str", "--model_args");
    assertThat(m).containsExactly(Map.entry("a", 1L), Map.entry("b", "'x,y'"),
        Map.entry("c", "{\"k\":1,\"j\":2}"), Map.entry("d", "[1,2]"), Map.entry("e", "str"));
  }

  @Test
  void typesValuesLikeHandleArgString() {
    Map<String, Object> m = KvArgs.parse("t=TRUE,f=false,i=42,neg=-1,x=0.5,n=None,inf=inf,eq=a=b", "--gen_kwargs");
    assertThat(m.get("t")).isEqualTo(true);
    assertThat(m.get("f")).isEqualTo(false);
    assertThat(m.get("i")).isEqualTo(42L);
    assertThat(m.get("neg")).isEqualTo(-1.0);
    assertThat(m.get("x")).isEqualTo(0.5);
    assertThat(m.get("n")).isEqualTo("None");
    assertThat(m.get("inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.get("eq")).isEqualTo("a=b");
  }

  @Test
  void emptyIsEmptyAndAPieceWithoutEqualsIsAnError() {
    assertThat(KvArgs.parse("  ", "--model_args")).isEmpty();
    assertThatThrownBy(() -> KvArgs.parse("a=1,oops", "--model_args"))
        .hasMessageContaining("--model_args: 'oops' is not key=value");
  }

  @Test
  void seedsTakeOneThreeOrFourValues() {
    assertThat(Seeds.parse("7")).containsExactly(7, 7, 7, 7);
    assertThat(Seeds.parse("1,None,3")).containsExactly(1, null, 3, 1234);
    assertThat(Seeds.parse("0,1234,1234,1234")).containsExactly(0, 1234, 1234, 1234);
    assertThatThrownBy(() -> Seeds.parse("1,2")).hasMessageContaining("--seed needs 1, 3 or 4");
    assertThatThrownBy(() -> Seeds.parse("x")).hasMessageContaining("not an integer");
    assertThat(List.of(1)).hasSize(1);
  }
}
