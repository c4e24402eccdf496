package dev.magmaeval.metrics.py;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PyStr and PyRepr against CPython 3.12's str methods on hard strings (oracle/py_strings.json). */
class PyStrOracleTest {
    @Test
    void everyStringMethodMatchesCpython() {
        List<JsonNode> cases = Oracle.cases("py_strings.json");
        assertEquals(600, cases.size());
        for (JsonNode c : cases) {
            String s = c.get("s").asText();
            String id = PyRepr.repr(s);
            assertEquals(c.get("strip").asText(), PyStr.strip(s), "strip " + id);
            assertEquals(c.get("lstrip").asText(), PyStr.lstrip(s), "lstrip " + id);
            assertEquals(c.get("rstrip").asText(), PyStr.rstrip(s), "rstrip " + id);
            assertEquals(c.get("strip_chars").asText(), PyStr.strip(s, " .a!Σ"), "strip(chars) " + id);
            assertEquals(Oracle.strings(c.get("split")), PyStr.split(s), "split " + id);
            assertEquals(c.get("lower").asText(), PyStr.lower(s), "lower " + id);
            assertEquals(c.get("upper").asText(), PyStr.upper(s), "upper " + id);
            assertEquals(c.get("capitalize").asText(), PyStr.capitalize(s), "capitalize " + id);
            assertEquals(c.get("isnumeric").asBoolean(), PyStr.isNumeric(s), "isnumeric " + id);
            assertEquals(c.get("isdigit").asBoolean(), PyStr.isDigit(s), "isdigit " + id);
            assertEquals(c.get("isdecimal").asBoolean(), PyStr.isDecimal(s), "isdecimal " + id);
            assertEquals(c.get("isalpha").asBoolean(), PyStr.isAlpha(s), "isalpha " + id);
            assertEquals(c.get("isspace").asBoolean(), PyStr.isSpace(s), "isspace " + id);
            assertEquals(c.get("len").asInt(), PyStr.len(s), "len " + id);
            assertEquals(c.get("repr").asText(), PyRepr.repr(s), "repr " + id);
            String prefix = s.substring(0, s.offsetByCodePoints(0, Math.min(3, PyStr.len(s))));
            assertEquals(c.get("repr_list").asText(), PyRepr.repr(List.of(s, prefix)), "repr list " + id);
        }
    }
}
