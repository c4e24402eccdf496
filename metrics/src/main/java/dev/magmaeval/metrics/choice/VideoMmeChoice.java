package dev.magmaeval.metrics.choice;

import dev.magmaeval.metrics.py.PyOps;
import dev.magmaeval.metrics.py.PyStr;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Video-MME's scoring at v0.7.2, as {@code tasks/videomme/utils.py} in lmms-eval. */
public final class VideoMmeChoice {
    public static final List<String> VIDEO_TYPE = List.of("short", "medium", "long");
    public static final List<String> CATEGORIES = List.of("Knowledge", "Film & Television", "Sports Competition",
            "Artistic Performance", "Life Record", "Multilingual");
    public static final List<String> SUB_CATEGORIES = List.of("Humanity & History", "Literature & Art",
            "Biology & Medicine", "Finance & Commerce", "Astronomy", "Geography", "Law", "Life Tip", "Technology",
            "Animation", "Movie & TV Show", "Documentary", "News Report", "Esports", "Basketball", "Football",
            "Athletics", "Other Sports", "Stage Play", "Magic Show", "Variety Show", "Acrobatics", "Handicraft",
            "Food", "Fashion", "Daily Life", "Travel", "Pet & Animal", "Exercise", "Multilingual");
    public static final List<String> TASK_CATEGORIES = List.of("Temporal Perception", "Spatial Perception",
            "Attribute Perception", "Action Recognition", "Object Recognition", "OCR Problems", "Counting Problem",
            "Temporal Reasoning", "Spatial Reasoning", "Action Reasoning", "Object Reasoning",
            "Information Synopsis");

    private VideoMmeChoice() {}

    /** {@code extract_characters_regex}: {@link McqExtract} with choices A-D. */
    public static String extract(String response) {
        return McqExtract.extract(response, McqExtract.ABCD);
    }

    /** The record's {@code score}: 1.0 when the extracted letter equals the answer case-insensitively. */
    public static double score(String predAnswer, String answer) {
        return PyStr.lower(predAnswer).equals(PyStr.lower(answer)) ? 1.0 : 0.0;
    }

    /**
     * {@code videomme_aggregate_results} over records with {@code duration, category, sub_category, task_category,
     * pred_answer, answer}: {@code 100 * correct / answered} where correct compares case-sensitively; the int 0 for
     * no records.
     *
     * @throws IllegalArgumentException for a record whose category combination is not one of Video-MME's
     *     (upstream raises KeyError)
     */
    public static Object aggregate(List<Map<String, Object>> results) {
        Set<String> types = Set.copyOf(VIDEO_TYPE);
        long correct = 0;
        long answered = 0;
        for (Map<String, Object> r : results) {
            if (!types.contains(r.get("duration")) || !CATEGORIES.contains(r.get("category"))
                    || !SUB_CATEGORIES.contains(r.get("sub_category"))
                    || !TASK_CATEGORIES.contains(r.get("task_category"))) {
                throw new IllegalArgumentException("Video-MME: unknown category key " + r.get("duration") + "_"
                        + r.get("category") + "_" + r.get("sub_category") + "_" + r.get("task_category"));
            }
            answered++;
            correct += r.get("pred_answer").equals(r.get("answer")) ? 1 : 0;
        }
        return answered > 0 ? PyOps.truediv(100L * correct, answered) : (Object) 0L;
    }
}
