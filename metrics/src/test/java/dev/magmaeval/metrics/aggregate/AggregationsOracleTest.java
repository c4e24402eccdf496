package dev.magmaeval.metrics.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Aggregations and Stderr against lmms-eval's mean, median, mean_stderr, clustered_stderr, bootstrap_stderr,
 * aggregate_subtask_metrics and pooled_sample_stderr run under CPython 3.12 (oracle/lmms_*.json).
 */
class AggregationsOracleTest {
    @Test
    void meanMedianAndStderrsMatchLmmsEval() {
        for (JsonNode c : Oracle.cases("lmms_aggregate.json")) {
            List<Object> items = Oracle.list(c.get("items"));
            List<Object> ids = new ArrayList<>(Oracle.strings(c.get("cluster_ids")));
            String id = "n=" + items.size() + " " + Oracle.show(items.subList(0, Math.min(6, items.size())));
            Oracle.assertOutcome(c.get("mean"), () -> Aggregations.mean(items), "mean " + id);
            Oracle.assertOutcome(c.get("median"), () -> Aggregations.median(items), "median " + id);
            boolean powExact = c.get("pow_exact").asBoolean();
            Oracle.assertStderr(c.get("mean_stderr"), () -> Stderr.meanStderr(items), powExact, "mean_stderr " + id);
            Oracle.assertStderr(c.get("clustered"), () -> Stderr.clustered(items, ids), powExact, "clustered " + id);
        }
    }

    @Test
    void subtaskAggregationMatchesLmmsEval() {
        for (JsonNode c : Oracle.cases("lmms_subtasks.json")) {
            List<Object> metrics = Oracle.list(c.get("metrics"));
            List<Integer> sizes = new ArrayList<>();
            c.get("sizes").forEach(x -> sizes.add(x.asInt()));
            List<Double> stderrs = new ArrayList<>();
            Oracle.list(c.get("stderrs")).forEach(x -> stderrs.add((Double) x));
            String id = Oracle.show(metrics) + " " + sizes;
            Oracle.assertOutcome(c.get("weighted"), () -> Aggregations.subtaskMeanPy(metrics, sizes, true),
                    "weighted " + id);
            Oracle.assertOutcome(c.get("unweighted"), () -> Aggregations.subtaskMeanPy(metrics, sizes, false),
                    "unweighted " + id);
            Oracle.assertStderr(c.get("pooled"), () -> Stderr.pooledSample(stderrs, sizes),
                    c.get("pow_exact").asBoolean(), "pooled " + id);
        }
    }

    @Test
    void bootstrapMatchesLmmsEval() {
        for (JsonNode c : Oracle.cases("lmms_bootstrap.json")) {
            List<Object> items = Oracle.list(c.get("items"));
            int iters = c.get("iters").asInt();
            String id = "iters=" + iters + " " + Oracle.show(items);
            Oracle.assertOutcome(c.get("median_stderr"), () -> Stderr.bootstrap(Aggregations::median, items, iters),
                    "bootstrap median " + id);
            Oracle.assertOutcome(c.get("mean_stderr"), () -> Stderr.bootstrap(Aggregations::mean, items, iters),
                    "bootstrap mean " + id);
        }
    }
}
