package dev.magmaeval.tasks.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.dataset.DatasetFiles;
import dev.magmaeval.harness.dataset.DatasetLocator;
import dev.magmaeval.harness.dataset.DatasetRequest;
import dev.magmaeval.harness.dataset.DocReader;
import dev.magmaeval.harness.output.PyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of the parity oracle (scripts/oracle/oracle_imageqa.py), one file per task under
 * scripts/oracle/cases/: the fixture split's rows without media, as process_results sees them, and the recorded
 * outputs of the task's replay file, in doc order.
 */
final class OracleCases {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A task, the fixture split it reads, and its replay file under scripts/fixtures/replay. */
  record Case(String task, String path, String name, String split, String replay) {
    Case(String task, String path, String name, String split) {
      this(task, path, name, split, "fixture_samples_" + task + ".jsonl");
    }
  }

  static final List<Case> CASES = cases();

  private OracleCases() {}

  private static List<Case> cases() {
    List<Case> c = new ArrayList<>();
    c.add(new Case("vqav2_val", "lmms-lab/VQAv2", null, "validation", "vqav2_val.jsonl"));
    c.add(new Case("vqav2_test", "lmms-lab/VQAv2", null, "test"));
    c.add(new Case("textvqa_val", "lmms-lab/textvqa", null, "validation"));
    c.add(new Case("textvqa_test", "lmms-lab/textvqa", null, "test"));
    c.add(new Case("docvqa_val", "lmms-lab/DocVQA", "DocVQA", "validation"));
    c.add(new Case("docvqa_test", "lmms-lab/DocVQA", "DocVQA", "test"));
    c.add(new Case("chartqa", "lmms-lab/ChartQA", null, "test"));
    c.add(new Case("gqa", "lmms-lab/GQA", "testdev_balanced_instructions", "testdev"));
    c.add(new Case("pope", "lmms-lab/POPE", null, "test"));
    c.add(new Case("pope_adv", "lmms-lab/POPE", "Full", "adversarial"));
    c.add(new Case("pope_pop", "lmms-lab/POPE", "Full", "popular"));
    c.add(new Case("pope_random", "lmms-lab/POPE", "Full", "random"));
    c.add(new Case("mme", "lmms-lab/MME", null, "test"));
    c.add(new Case("ai2d", "lmms-lab/ai2d", null, "test"));
    for (String config : List.of("Art_Style", "Counting", "Forensic_Detection", "Functional_Correspondence",
        "IQ_Test", "Jigsaw", "Multi-view_Reasoning", "Object_Localization", "Relative_Depth", "Relative_Reflectance",
        "Semantic_Correspondence", "Spatial_Relation", "Visual_Correspondence", "Visual_Similarity")) {
      c.add(new Case("blink_" + config.toLowerCase().replace('-', '_'), "BLINK-Benchmark/BLINK", config, "val"));
    }
    c.add(new Case("cv_bench", "nyu-visionx/CV-Bench", "default", "test"));
    c.add(new Case("cv_bench_2d", "nyu-visionx/CV-Bench", "2D", "test"));
    c.add(new Case("cv_bench_3d", "nyu-visionx/CV-Bench", "3D", "test"));
    c.add(new Case("embspatial", "FlagEval/EmbSpatial-Bench", null, "test"));
    c.add(new Case("vsr", "cambridgeltl/vsr_zeroshot", null, "test"));
    for (String subset : List.of("spatialmap", "mazenav", "spatialgrid")) {
      c.add(new Case("spatialeval_" + subset, "MilaWang/SpatialEval", "vqa", "test"));
    }
    return c;
  }

  /** Writes {@code <out>/<task>.json} for every case. */
  static void generate(Path fixtures, Path out) {
    DatasetLocator locator = new DatasetLocator(Optional.of(fixtures.resolve("hub")), Map.of(), fixtures);
    for (Case c : CASES) {
      DatasetFiles files = locator.locate(new DatasetRequest(c.path(), c.name(), c.split(), Map.of(), null));
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("task", c.task());
      Map<String, Object> dataset = new LinkedHashMap<>();
      dataset.put("path", c.path());
      dataset.put("name", c.name());
      dataset.put("split", c.split());
      file.put("dataset", dataset);
      file.put("replay", c.replay());
      file.put("docs", docs(files));
      file.put("responses", responses(fixtures.resolve("replay").resolve(c.replay())));
      write(out.resolve(c.task() + ".json"), PyJson.indented(file, 1) + "\n");
    }
  }

  private static List<Object> docs(DatasetFiles files) {
    List<Object> out = new ArrayList<>();
    try (DocReader reader = new DocReader(files)) {
      List<String> media = reader.mediaColumns();
      reader.rows(0, reader.count(), false).forEachRemaining(row -> {
        Map<String, Object> doc = new LinkedHashMap<>(row);
        doc.keySet().removeAll(media);
        doc.values().removeIf(v -> v instanceof ImageData);
        out.add(doc);
      });
    }
    return out;
  }

  private static List<Object> responses(Path replay) {
    List<Object> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(replay, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        JsonNode node = JSON.readTree(line);
        if (node.get("doc_id").asInt() != out.size()) throw new IllegalStateException(replay + ": doc ids not in order");
        out.add(node.get("filtered_resps").asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
