package dev.magmaeval.metrics.screenspot;

import dev.magmaeval.metrics.py.PyFloat;
import dev.magmaeval.metrics.py.PyInt;
import dev.magmaeval.metrics.py.PyJson;
import dev.magmaeval.metrics.py.PyRegex;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ScreenSpot-Pro's ground truth: {@code _parse_bbox}, {@code _parse_img_size} and {@code _normalize_xyxy} of
 * lmms-eval's {@code tasks/screenspot_pro/utils.py}. Values come as the doc holds them (lists of numbers, or JSON
 * strings).
 *
 * @param xyxy normalized box
 * @param width the image width used to normalize points
 * @param height the image height
 */
public record ProBox(double[] xyxy, long width, long height) {
    private static final Pattern BOX_NUMBERS = PyRegex.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern INTS = PyRegex.compile("\\d+");

    /**
     * Resolves a doc's fields as upstream: {@code int(doc.get("image_width", 1))} and height (null = absent),
     * overridden by a valid {@code img_size}; the box parsed, kept when its x2 and y2 are at most 1, else divided by
     * the size.
     */
    public static ProBox of(Object bbox, Object imageWidth, Object imageHeight, Object imgSize) {
        long w = imageWidth == null ? 1 : PyInt.of(imageWidth).longValueExact();
        long h = imageHeight == null ? 1 : PyInt.of(imageHeight).longValueExact();
        long[] size = parseImgSize(imgSize);
        if (size != null) {
            w = size[0];
            h = size[1];
        }
        double[] b = parseBbox(bbox);
        if (b.length != 4) {
            return new ProBox(new double[4], w, h);
        }
        if (b[2] <= 1 && b[3] <= 1) {
            return new ProBox(b, w, h);
        }
        return new ProBox(new double[] {b[0] / w, b[1] / h, b[2] / w, b[3] / h}, w, h);
    }

    private static double[] floats(List<?> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ScreenSpotClick.toFloat(list.get(i));
        }
        return out;
    }

    // a list: float() of each (errors propagate); a str: json.loads, and on any decode/float error the first four
    // regex numbers; anything else, or JSON that is not a list: zeros
    static double[] parseBbox(Object value) {
        if (value instanceof List<?> list) {
            return floats(list);
        }
        if (value instanceof String s) {
            try {
                Object parsed = PyJson.loads(s);
                if (parsed instanceof List<?> list) {
                    return floats(list);
                }
            } catch (RuntimeException e) {
                List<Double> nums = new ArrayList<>();
                Matcher m = BOX_NUMBERS.matcher(s);
                while (m.find()) {
                    nums.add(PyFloat.parse(m.group()));
                }
                if (nums.size() >= 4) {
                    return new double[] {nums.get(0), nums.get(1), nums.get(2), nums.get(3)};
                }
            }
        }
        return new double[] {0.0, 0.0, 0.0, 0.0};
    }

    static long[] parseImgSize(Object value) {
        if (value instanceof List<?> list && list.size() == 2) {
            long w = PyInt.of(list.get(0)).longValueExact();
            long h = PyInt.of(list.get(1)).longValueExact();
            if (w > 0 && h > 0) {
                return new long[] {w, h};
            }
        }
        if (value instanceof String s) {
            try {
                Object parsed = PyJson.loads(s);
                if (parsed instanceof List<?> list && list.size() == 2) {
                    long w = PyInt.of(list.get(0)).longValueExact();
                    long h = PyInt.of(list.get(1)).longValueExact();
                    if (w > 0 && h > 0) {
                        return new long[] {w, h};
                    }
                }
            } catch (RuntimeException e) {
                List<Long> nums = new ArrayList<>();
                Matcher m = INTS.matcher(s);
                while (m.find()) {
                    nums.add(PyInt.parse(m.group()).longValueExact());
                }
                if (nums.size() >= 2 && nums.get(0) > 0 && nums.get(1) > 0) {
                    return new long[] {nums.get(0), nums.get(1)};
                }
            }
        }
        return null;
    }
}
