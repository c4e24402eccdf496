package dev.magmaeval.metrics.py;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import org.junit.jupiter.api.Test;

/** PyLiteral.eval against CPython 3.12's ast.literal_eval (oracle/py_literal.json). */
class PyLiteralOracleTest {
    @Test
    void literalEvalMatchesCpython() {
        for (JsonNode c : Oracle.cases("py_literal.json")) {
            String s = c.get("s").asText();
            Oracle.assertOutcome(c.get("eval"), () -> PyLiteral.eval(s), "literal_eval(" + PyRepr.repr(s) + ")");
        }
    }
}
