package dev.magmaeval.metrics.screenspot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.magmaeval.metrics.oracle.Oracle;
import dev.magmaeval.metrics.py.PyInt;
import dev.magmaeval.metrics.py.PyRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ScreenSpot REC and v2/Pro click metrics against lmms-eval's utils_rec.py, screenspot_v2/utils.py and
 * screenspot_pro/utils.py under CPython 3.12 (oracle/screenspot_*.json).
 */
class ScreenSpotOracleTest {
    @Test
    @SuppressWarnings("unchecked")
    void recParsingScoresAndAggregatesMatchUpstream() {
        JsonNode root = Oracle.root("screenspot_rec.json");
        for (JsonNode d : root.get("docs")) {
            String text = d.get("text").asText();
            List<Object> gt = Oracle.list(d.get("bbox"));
            String id = PyRepr.repr(text) + " gt " + PyRepr.repr(gt);
            Oracle.assertOutcome(d.get("parsed"), () -> ScreenSpotRec.parse(text), "parse " + id);
            d.get("scores").fields().forEachRemaining(e -> Oracle.assertOutcome(e.getValue(), () -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("bbox", gt);
                r.put("pred", ScreenSpotRec.parse(text));
                return ScreenSpotRec.aggregate(e.getKey(), List.of(r));
            }, e.getKey() + " " + id));
        }
        for (JsonNode a : root.get("aggregates")) {
            List<Map<String, Object>> results = new ArrayList<>();
            List<String> texts = Oracle.strings(a.get("texts"));
            for (int i = 0; i < texts.size(); i++) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("bbox", Oracle.list(a.get("bboxes").get(i)));
                r.put("pred", ScreenSpotRec.parse(texts.get(i)));
                results.add(r);
            }
            a.get("metrics").fields().forEachRemaining(e -> Oracle.assertOutcome(e.getValue(),
                    () -> ScreenSpotRec.aggregate(e.getKey(), results), e.getKey() + " over " + texts.size()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickPointsMatchUpstream() {
        for (JsonNode c : Oracle.cases("screenspot_click.json")) {
            String text = c.get("text").asText();
            Map<String, Object> doc = (Map<String, Object>) Oracle.value(c.get("doc"));
            Map<String, Object> pro = (Map<String, Object>) Oracle.value(c.get("pro_doc"));
            String id = PyRepr.repr(text) + " doc " + PyRepr.repr(pro);
            Oracle.assertOutcome(c.get("point"), () -> {
                ScreenSpotClick.Point p = ScreenSpotClick.parsePoint(text);
                return p == null ? null : List.of(p.x(), p.y());
            }, "point " + id);
            Long w = doc.containsKey("image_width") ? PyInt.of(doc.get("image_width")).longValue() : null;
            Long h = doc.containsKey("image_height") ? PyInt.of(doc.get("image_height")).longValue() : null;
            Oracle.assertOutcome(c.get("v2"), () -> ScreenSpotClick.v2Correct(text, (List<Object>) doc.get("bbox"), w,
                    h), "v2 " + id);
            Oracle.assertOutcome(c.get("pro"), () -> {
                ProBox box = ProBox.of(pro.get("bbox"), pro.get("image_width"), pro.get("image_height"),
                        pro.get("img_size"));
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("correct", ScreenSpotClick.proCorrect(text, box));
                rec.put("ui_type", ScreenSpotClick.typeKey(pro.containsKey("ui_type") ? pro.get("ui_type")
                        : pro.getOrDefault("data_type", "")));
                return rec;
            }, "pro " + id);
        }
    }
}
