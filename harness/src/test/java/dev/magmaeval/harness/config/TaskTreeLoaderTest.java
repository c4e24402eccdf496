package dev.magmaeval.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task index and tree: includes, groups, tags and names, as lmms-eval's TaskManager resolves them. */
class TaskTreeLoaderTest {
  @TempDir Path root;

  private void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @BeforeEach
  void tasks() throws IOException {
    write("fam/_base_yaml", "dataset_path: org/base\noutput_type: generate_until\ntag: fam_tag\nrepeats: 1\n");
    write("fam/_other_yaml", "dataset_path: org/other\ndescription: from-other\n");
    write("fam/a.yaml", "task: fam_a\ninclude: [_base_yaml, _other_yaml]\ntest_split: test\n");
    write("fam/b.yaml", "task: fam_b\ninclude: _base_yaml\ndataset_path: org/own\ntest_split: test\n");
    write("fam/group.yaml", "group: fam\ntask: [fam_b, fam_a]\ndescription: pushed\naggregate_metric_list:\n"
        + "  - metric: acc\n");
    write("zeta/z.yaml", "task: zeta\ndataset_path: org/z\ntest_split: test\n");
  }

  private List<TaskNode> load(String tasks) {
    return new TaskTreeLoader(TaskIndex.build(List.of(root))).load(tasks);
  }

  @Test
  void firstIncludeWinsAndOwnKeysWinOverAll() {
    TaskNode.Leaf a = (TaskNode.Leaf) load("fam_a").get(0);
    assertThat(a.config().get("dataset_path")).isEqualTo("org/base");
    assertThat(a.config().get("description")).isEqualTo("from-other");
    TaskNode.Leaf b = (TaskNode.Leaf) load("fam_b").get(0);
    assertThat(b.config().get("dataset_path")).isEqualTo("org/own");
  }

  @Test
  void groupsPushTheirOtherKeysDownAndKeepChildOrder() {
    TaskNode.Group g = (TaskNode.Group) load("fam").get(0);
    assertThat(g.children()).extracting(TaskNode::name).containsExactly("fam_b", "fam_a");
    assertThat(((TaskNode.Leaf) g.children().get(0)).config().get("description")).isEqualTo("pushed");
    assertThat(g.config()).containsOnlyKeys("group", "task", "aggregate_metric_list");
  }

  @Test
  void tagsExpandIntoIndependentTasks() {
    List<TaskNode> nodes = load("fam_tag");
    assertThat(nodes).allMatch(n -> n instanceof TaskNode.Leaf);
    assertThat(nodes).extracting(TaskNode::name).containsExactlyInAnyOrder("fam_a", "fam_b");
  }

  @Test
  void topLevelOrderIsTheReversedSortedNamesLikeAChainMap() {
    assertThat(load("fam_a,zeta,fam_b")).extracting(TaskNode::name).containsExactly("zeta", "fam_b", "fam_a");
    assertThat(load("fam_*")).extracting(TaskNode::name).containsExactly("fam_b", "fam_a");
  }

  @Test
  void unknownTasksNameTheClosestOnes() {
    assertThatThrownBy(() -> load("fam_c,zeta"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown task: 'fam_c'")
        .hasMessageContaining("did you mean")
        .hasMessageContaining("fam_a")
        .hasMessageContaining("--tasks list");
  }

  @Test
  void aTaskInTwoRequestedGroupsIsRefused() throws IOException {
    write("fam/group2.yaml", "group: fam2\ntask: [fam_a]\n");
    assertThatThrownBy(() -> load("fam,fam2")).hasMessageContaining("'fam_a' is in several requested groups");
  }

  @Test
  void missingIncludeNamesTheFileAndLine() throws IOException {
    write("bad/bad.yaml", "task: bad\n\ninclude: _nope_yaml\n");
    assertThatThrownBy(() -> TaskIndex.build(List.of(root)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad.yaml:3")
        .hasMessageContaining("'_nope_yaml' not found");
  }

  @Test
  void builtInRootsWinOverIncludePaths(@TempDir Path extra) throws IOException {
    Files.writeString(extra.resolve("z.yaml"), "task: zeta\ndataset_path: org/shadow\ntest_split: test\n");
    TaskIndex index = TaskIndex.build(List.of(root, extra));
    assertThat(index.get("zeta").yaml()).isEqualTo(root.resolve("zeta/z.yaml"));
    assertThat(index.warnings()).anyMatch(w -> w.contains("zeta"));
  }
}
