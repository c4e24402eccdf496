package dev.magmaeval.metrics.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.NpFloat64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stderr.clt against numpy's np.std(items, ddof=1) / np.sqrt(n) (oracle/numpy_clt.json). */
class CltOracleTest {
    @Test
    void cltMatchesNumpy() {
        for (JsonNode c : Oracle.cases("numpy_clt.json")) {
            List<Object> items = Oracle.list(c.get("items"));
            // upstream's value is a numpy.float64; Stderr.clt returns its double
            Oracle.assertOutcome(c.get("clt"), () -> new NpFloat64(Stderr.clt(items)),
                    "clt n=" + items.size() + " " + Oracle.show(items.subList(0, Math.min(5, items.size()))));
        }
    }
}
