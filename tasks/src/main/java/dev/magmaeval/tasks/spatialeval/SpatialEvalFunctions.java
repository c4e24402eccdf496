package dev.magmaeval.tasks.spatialeval;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.TaskFunctions;
import dev.magmaeval.tasks.common.Prompts;
import dev.magmaeval.tasks.common.Visuals;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * configs/tasks/spatialeval: SpatialEval (MilaWang/SpatialEval, config {@code vqa}) under the protocol of the Magma
 * paper's Table 6, which lmms-eval does not have. One task per synthetic subset (rows whose {@code id} starts with
 * {@code spatialmap.}, {@code mazenav.} or {@code spatialgrid.}), scored by option matching ({@link OptionMatch}).
 */
public final class SpatialEvalFunctions implements TaskFunctions {

  @Override
  public String folder() {
    return "spatialeval";
  }

  @Override
  public void register(Registrar r) {
    for (String subset : new String[] {"spatialmap", "mazenav", "spatialgrid"}) {
      r.processDocs("utils.spatialeval_" + subset + "_docs", subsetFilter(subset));
    }
    r.docToVisual("utils.spatialeval_doc_to_visual", (doc, kwargs) -> Visuals.single(doc, "image"));
    r.docToText("utils.spatialeval_doc_to_text",
        (doc, kwargs) -> Prompts.pre(kwargs) + doc.str("text") + Prompts.post(kwargs));
    r.processResults("utils.spatialeval_process_results",
        (doc, results) -> processResults(doc, (String) results.get(0)));
  }

  /** The task of a row: the first dot-separated part of {@code id} ({@code spatialmap.vqa.2000.0}). */
  static String subset(Doc doc) {
    String id = doc.str("id");
    int dot = id.indexOf('.');
    return dot < 0 ? id : id.substring(0, dot);
  }

  /** {@code spatialeval_acc}: 1.0 when the option the response picks is the row's {@code oracle_option}. */
  static Map<String, Object> processResults(Doc doc, String response) {
    OptionMatch options = OptionMatch.parse(doc.str("text"), doc.str("oracle_option"), doc.str("oracle_answer"));
    String picked = options.pick(response);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("spatialeval_acc", doc.str("oracle_option").equals(picked) ? 1.0 : 0.0);
    return out;
  }

  /** {@code process_docs}: the rows of one subset, in dataset order. */
  static TaskFunction.ProcessDocs subsetFilter(String subset) {
    return docs -> docs.filter(d -> subset.equals(subset(d)));
  }
}
