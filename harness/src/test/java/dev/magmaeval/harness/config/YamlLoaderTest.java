package dev.magmaeval.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task YAMLs read as lmms-eval's PyYAML full_load reads them. */
class YamlLoaderTest {
  private static final Path FILE = Path.of("configs/tasks/demo/demo.yaml");

  private SourcedMap load(String yaml) {
    return (SourcedMap) YamlLoader.parse(yaml, FILE);
  }

  @Test
  void plainScalarsFollowYaml11AsPyYamlResolvesThem() {
    SourcedMap m = load("""
        a: yes
        b: Off
        c: 1e3
        d: 1.0e+3
        e: 010
        f: 0x1F
        g: -1
        h: ~
        i: 1_000
        j: .inf
        k: "yes"
        l: 3.
        m: 1:30
        """);
    assertThat(m.get("a")).isEqualTo(true);
    assertThat(m.get("b")).isEqualTo(false);
    assertThat(m.get("c")).isEqualTo("1e3");
    assertThat(m.get("d")).isEqualTo(1000.0);
    assertThat(m.get("e")).isEqualTo(8L);
    assertThat(m.get("f")).isEqualTo(31L);
    assertThat(m.get("g")).isEqualTo(-1L);
    assertThat(m.get("h")).isNull();
    assertThat(m.get("i")).isEqualTo(1000L);
    assertThat(m.get("j")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(m.get("k")).isEqualTo("yes");
    assertThat(m.get("l")).isEqualTo(3.0);
    assertThat(m.get("m")).isEqualTo(90L);
  }

  @Test
  void functionTagsKeepTheirFileAndLine() {
    SourcedMap m = load("task: x\n\ndoc_to_text: !function utils.my_fn\nmetric_list:\n  - aggregation: !function m.agg\n");
    FunctionRef ref = (FunctionRef) m.get("doc_to_text");
    assertThat(ref.name()).isEqualTo("utils.my_fn");
    assertThat(ref.module()).isEqualTo("utils");
    assertThat(ref.function()).isEqualTo("my_fn");
    assertThat(ref.line()).isEqualTo(3);
    assertThat(ref.file()).isEqualTo(FILE);
    Map<?, ?> metric = (Map<?, ?>) ((List<?>) m.get("metric_list")).get(0);
    assertThat(((FunctionRef) metric.get("aggregation")).line()).isEqualTo(5);
    assertThat(m.locationOf("metric_list")).isEqualTo(new Location(FILE, 4));
  }

  @Test
  void mappingsKeepInsertionOrderAndQuotedEscapes() {
    SourcedMap m = load("z: 1\na: \"\\nAnswer.\"\nm: 'it''s'\n");
    assertThat(m.keySet()).containsExactly("z", "a", "m");
    assertThat(m.get("a")).isEqualTo("\nAnswer.");
    assertThat(m.get("m")).isEqualTo("it's");
  }

  @Test
  void malformedYamlNamesFileAndLine() {
    assertThatThrownBy(() -> load("task: x\n  bad: [1, 2\nother: 3\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(FILE + ":")
        .hasMessageContaining("malformed YAML");
  }

  @Test
  void unknownTagsAreRefused() {
    assertThatThrownBy(() -> load("task: !python/name os.system\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(FILE + ":1")
        .hasMessageContaining("unknown YAML tag");
  }
}
