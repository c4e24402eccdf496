package dev.magmaeval.metrics.py;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PyRandom against CPython's random.Random (oracle/py_random.json). */
class PyRandomOracleTest {
    @Test
    void streamsMatchCpython() {
        for (JsonNode c : Oracle.cases("py_random.json")) {
            BigInteger seed = new BigInteger(c.get("seed").asText());
            PyRandom r = new PyRandom(seed);
            for (JsonNode x : c.get("random")) {
                Oracle.assertSame(Oracle.value(x), r.random(), "random() seed " + seed);
            }
            r = new PyRandom(seed);
            List<Integer> pop = List.of(1, 2, 3, 4, 5, 6, 7);
            List<Object> got = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                got.add(r.choice(pop));
            }
            for (int i = 0; i < 5; i++) {
                got.add(r.choice(List.of("A")));
            }
            for (int i = 0; i < 300; i++) {
                got.add(r.choice(List.of("A", "B", "C", "D", "E")));
            }
            List<Object> want = new ArrayList<>();
            c.get("choice").forEach(x -> want.add(x.isInt() ? (Object) x.asInt() : x.asText()));
            assertEquals(want, got, "choice seed " + seed);
            r = new PyRandom(seed);
            List<Integer> range = new ArrayList<>();
            for (int i = 0; i < 37; i++) {
                range.add(i);
            }
            List<Integer> wantChoices = new ArrayList<>();
            c.get("choices").forEach(x -> wantChoices.add(x.asInt()));
            assertEquals(wantChoices, r.choices(range, wantChoices.size()), "choices seed " + seed);
            int[] ks = {1, 5, 31, 32};
            for (int i = 0; i < ks.length; i++) {
                assertEquals(c.get("getrandbits").get(i).asLong(), new PyRandom(seed).getrandbits(ks[i]),
                        "getrandbits(" + ks[i] + ") seed " + seed);
            }
        }
    }
}
