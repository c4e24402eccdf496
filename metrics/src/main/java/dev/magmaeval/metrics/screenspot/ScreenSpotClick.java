package dev.magmaeval.metrics.screenspot;

import dev.magmaeval.metrics.py.PyFloat;
import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyRegex;
import dev.magmaeval.metrics.py.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ScreenSpot-v2 and ScreenSpot-Pro click accuracy, as {@code tasks/screenspot_v2/utils.py} and
 * {@code tasks/screenspot_pro/utils.py} in lmms-eval: a point parsed from the response must fall inside the
 * normalized ground-truth box, bounds inclusive.
 */
public final class ScreenSpotClick {
    private static final String NUM = "-?\\d+(?:\\.\\d+)?%?";
    private static final Pattern NUM_TOKEN = PyRegex.compile(NUM);
    private static final Pattern BBOX_TAG = PyRegex.compile("<\\s*[bB][bB][oO][xX][^>]*>(.*?)<\\s*/\\s*[bB][bB][oO][xX]\\s*>",
            Pattern.DOTALL);
    private static final Pattern POINT = PyRegex.compile("[\\[\\(]\\s*(" + NUM + ")\\s*(?:,|\\s)\\s*(" + NUM
            + ")\\s*[\\]\\)]");
    private static final Pattern XY = PyRegex.compile("['\"]?[xX]['\"]?\\s*[:=]\\s*(" + NUM
            + ").*?['\"]?[yY]['\"]?\\s*[:=]\\s*(" + NUM + ")", Pattern.DOTALL);
    private static final List<String> BOX_WORDS = List.of("bbox", "box", "rect", "rectangle");

    private ScreenSpotClick() {}

    /** A click point in the prediction's units. */
    public record Point(double x, double y) {}

    // _token_to_float: strip; "x%" -> float(x) / 100.0
    static double tokenToFloat(String token) {
        String t = PyStr.strip(token);
        return t.endsWith("%") ? PyFloat.parse(t.substring(0, t.length() - 1)) / 100.0 : PyFloat.parse(t);
    }

    private static List<String> numbers(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = NUM_TOKEN.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Point centre(List<String> tokens) {
        double x1 = tokenToFloat(tokens.get(0));
        double y1 = tokenToFloat(tokens.get(1));
        double x2 = tokenToFloat(tokens.get(2));
        double y2 = tokenToFloat(tokens.get(3));
        return new Point((x1 + x2) / 2.0, (y1 + y2) / 2.0);
    }

    /**
     * {@code _parse_point}: a {@code <bbox>} tag's centre; else {@code [x, y]} / {@code (x y)}; else
     * {@code x=..., y=...}; else four or more numbers with "box"/"rect" in the text → their box centre; else the first
     * two numbers; else null. {@code %} values are divided by 100.
     */
    public static Point parsePoint(String prediction) {
        Matcher tag = BBOX_TAG.matcher(prediction);
        if (tag.find()) {
            List<String> tokens = numbers(tag.group(1));
            if (tokens.size() >= 4) {
                return centre(tokens);
            }
        }
        Matcher p = POINT.matcher(prediction);
        if (p.find()) {
            return new Point(tokenToFloat(p.group(1)), tokenToFloat(p.group(2)));
        }
        Matcher xy = XY.matcher(prediction);
        if (xy.find()) {
            return new Point(tokenToFloat(xy.group(1)), tokenToFloat(xy.group(2)));
        }
        List<String> nums = numbers(prediction);
        if (nums.size() >= 4) {
            String lower = PyStr.lower(prediction);
            if (BOX_WORDS.stream().anyMatch(lower::contains)) {
                return centre(nums);
            }
        }
        if (nums.size() >= 2) {
            return new Point(tokenToFloat(nums.get(0)), tokenToFloat(nums.get(1)));
        }
        return null;
    }

    /** {@code _normalize_bbox_to_xyxy} (v2): normalized xyxy as is, else pixel xyxy, else pixel xywh. */
    public static double[] normalizeV2(List<?> bbox, long width, long height) {
        if (bbox.size() != 4) {
            return new double[4];
        }
        double x1 = toFloat(bbox.get(0));
        double y1 = toFloat(bbox.get(1));
        double x2 = toFloat(bbox.get(2));
        double y2 = toFloat(bbox.get(3));
        if (0 <= x1 && x1 <= 1 && 0 <= y1 && y1 <= 1 && 0 <= x2 && x2 <= 1 && 0 <= y2 && y2 <= 1 && x2 >= x1
                && y2 >= y1) {
            return new double[] {x1, y1, x2, y2};
        }
        if (x2 > x1 && y2 > y1) {
            return new double[] {x1 / width, y1 / height, x2 / width, y2 / height};
        }
        return new double[] {x1 / width, y1 / height, (x1 + x2) / width, (y1 + y2) / height};
    }

    // float(v) for a bbox entry: a number or a numeric string
    static double toFloat(Object v) {
        return v instanceof String s ? PyFloat.parse(s) : PyOps.toDouble(v);
    }

    /**
     * {@code screenspot_v2_process_results}'s {@code correct}: the point (divided by the image size when x or y
     * exceeds 1) inside the v2-normalized box. {@code imageWidth}/{@code imageHeight} are null when the doc lacks
     * them (then both are 1).
     */
    public static boolean v2Correct(String prediction, List<?> bbox, Long imageWidth, Long imageHeight) {
        long w = 1;
        long h = 1;
        if (imageWidth != null && imageHeight != null) {
            w = imageWidth;
            h = imageHeight;
        }
        return inside(parsePoint(prediction), normalizeV2(bbox, w, h), w, h);
    }

    /**
     * {@code screenspot_pro_process_results}'s {@code correct}, given the box already parsed by {@link ProBox} and the
     * image size resolved by it.
     */
    public static boolean proCorrect(String prediction, ProBox box) {
        return inside(parsePoint(prediction), box.xyxy(), box.width(), box.height());
    }

    private static boolean inside(Point point, double[] box, long w, long h) {
        if (point == null) {
            return false;
        }
        double x = point.x();
        double y = point.y();
        if (x > 1 || y > 1) {
            x = x / w;
            y = y / h;
        }
        return box[0] <= x && x <= box[2] && box[1] <= y && y <= box[3];
    }

    /** The type key of a record: {@code str(value).lower()} (v2's data_type, Pro's ui_type; None is "none"). */
    public static String typeKey(Object value) {
        return PyStr.lower(dev.magmaeval.metrics.py.PyRepr.str(value));
    }

    /**
     * {@code _aggregate}: the share of correct records among those whose type equals {@code targetType} (null: all);
     * 0.0 when there are none. v2 compares {@code str(data_type).lower()}, Pro the stored lowercased
     * {@code ui_type}; pass types accordingly.
     */
    public static double aggregate(List<Boolean> correct, List<String> types, String targetType) {
        long n = 0;
        long yes = 0;
        for (int i = 0; i < correct.size(); i++) {
            if (targetType == null || targetType.equals(types.get(i))) {
                n++;
                yes += correct.get(i) ? 1 : 0;
            }
        }
        return n == 0 ? 0.0 : PyOps.toDouble(PyOps.truediv(yes, n));
    }
}
