package dev.magmaeval.metrics.py;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import org.junit.jupiter.api.Test;

/** PyFloat.repr, PyRound.round and PyFloat.parse against CPython 3.12 (oracle/py_float_*.json). */
class PyFloatOracleTest {
    @Test
    void reprAndRoundMatchCpython() {
        for (JsonNode c : Oracle.cases("py_float_repr.json")) {
            double x = (Double) Oracle.value(c.get("x"));
            assertEquals(c.get("repr").asText(), PyFloat.repr(x), "repr of bits " + Long.toHexString(
                    Double.doubleToRawLongBits(x)));
            c.get("round").fields().forEachRemaining(e -> Oracle.assertOutcome(e.getValue(),
                    () -> PyRound.round(x, Integer.parseInt(e.getKey())), "round(" + c.get("repr").asText() + ", "
                            + e.getKey() + ")"));
        }
    }

    @Test
    void parseMatchesPythonFloatConstructor() {
        for (JsonNode c : Oracle.cases("py_float_parse.json")) {
            String s = c.get("s").asText();
            Oracle.assertOutcome(c.get("float"), () -> PyFloat.parse(s), "float(" + PyRepr.repr(s) + ")");
        }
    }
}
