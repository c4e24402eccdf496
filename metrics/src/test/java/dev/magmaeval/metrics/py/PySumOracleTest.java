package dev.magmaeval.metrics.py;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PySum.sum and PyStatistics.mean against CPython 3.12's sum() and statistics.mean (oracle/py_sum_mean.json). */
class PySumOracleTest {
    @Test
    void sumAndMeanMatchCpython312() {
        for (JsonNode c : Oracle.cases("py_sum_mean.json")) {
            List<Object> items = Oracle.list(c.get("items"));
            String id = Oracle.show(items);
            Oracle.assertOutcome(c.get("sum"), () -> PySum.sum(items), "sum " + id);
            Oracle.assertOutcome(c.get("mean"), () -> PyStatistics.mean(items), "mean " + id);
        }
    }
}
