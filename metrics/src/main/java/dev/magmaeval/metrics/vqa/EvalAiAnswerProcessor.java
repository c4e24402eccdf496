package dev.magmaeval.metrics.vqa;

import dev.magmaeval.metrics.py.PyStr;
import dev.magmaeval.metrics.py.PyUnicode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code EvalAIAnswerProcessor} from lmms-eval's {@code tasks/_task_utils/vqa_eval_metric.py}, the answer
 * normalization of VQAv2, TextVQA, OK-VQA and VizWiz. Stateless and thread-safe.
 */
public final class EvalAiAnswerProcessor {
    /** The shared instance; the class has no state. */
    public static final EvalAiAnswerProcessor INSTANCE = new EvalAiAnswerProcessor();

    private static final String[] CONTRACTION_PAIRS = {
        "aint", "ain't", "arent", "aren't", "cant", "can't", "couldve", "could've", "couldnt", "couldn't",
        "couldn'tve", "couldn't've", "couldnt've", "couldn't've", "didnt", "didn't", "doesnt", "doesn't",
        "dont", "don't", "hadnt", "hadn't", "hadnt've", "hadn't've", "hadn'tve", "hadn't've", "hasnt", "hasn't",
        "havent", "haven't", "hed", "he'd", "hed've", "he'd've", "he'dve", "he'd've", "hes", "he's", "howd", "how'd",
        "howll", "how'll", "hows", "how's", "Id've", "I'd've", "I'dve", "I'd've", "Im", "I'm", "Ive", "I've",
        "isnt", "isn't", "itd", "it'd", "itd've", "it'd've", "it'dve", "it'd've", "itll", "it'll", "let's", "let's",
        "maam", "ma'am", "mightnt", "mightn't", "mightnt've", "mightn't've", "mightn'tve", "mightn't've",
        "mightve", "might've", "mustnt", "mustn't", "mustve", "must've", "neednt", "needn't", "notve", "not've",
        "oclock", "o'clock", "oughtnt", "oughtn't", "ow's'at", "'ow's'at", "'ows'at", "'ow's'at",
        "'ow'sat", "'ow's'at", "shant", "shan't", "shed've", "she'd've", "she'dve", "she'd've", "she's", "she's",
        "shouldve", "should've", "shouldnt", "shouldn't", "shouldnt've", "shouldn't've",
        "shouldn'tve", "shouldn't've", "somebody'd", "somebodyd", "somebodyd've", "somebody'd've",
        "somebody'dve", "somebody'd've", "somebodyll", "somebody'll", "somebodys", "somebody's",
        "someoned", "someone'd", "someoned've", "someone'd've", "someone'dve", "someone'd've",
        "someonell", "someone'll", "someones", "someone's", "somethingd", "something'd",
        "somethingd've", "something'd've", "something'dve", "something'd've", "somethingll", "something'll",
        "thats", "that's", "thered", "there'd", "thered've", "there'd've", "there'dve", "there'd've",
        "therere", "there're", "theres", "there's", "theyd", "they'd", "theyd've", "they'd've",
        "they'dve", "they'd've", "theyll", "they'll", "theyre", "they're", "theyve", "they've", "twas", "'twas",
        "wasnt", "wasn't", "wed've", "we'd've", "we'dve", "we'd've", "weve", "we've", "werent", "weren't",
        "whatll", "what'll", "whatre", "what're", "whats", "what's", "whatve", "what've", "whens", "when's",
        "whered", "where'd", "wheres", "where's", "whereve", "where've", "whod", "who'd", "whod've", "who'd've",
        "who'dve", "who'd've", "wholl", "who'll", "whos", "who's", "whove", "who've", "whyll", "why'll",
        "whyre", "why're", "whys", "why's", "wont", "won't", "wouldve", "would've", "wouldnt", "wouldn't",
        "wouldnt've", "wouldn't've", "wouldn'tve", "wouldn't've", "yall", "y'all", "yall'll", "y'all'll",
        "y'allll", "y'all'll", "yall'd've", "y'all'd've", "y'alld've", "y'all'd've", "y'all'dve", "y'all'd've",
        "youd", "you'd", "youd've", "you'd've", "you'dve", "you'd've", "youll", "you'll", "youre", "you're",
        "youve", "you've",
    };
    private static final Map<String, String> CONTRACTIONS = new HashMap<>();
    private static final Map<String, String> NUMBER_MAP = Map.ofEntries(Map.entry("none", "0"),
            Map.entry("zero", "0"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"));
    // Order matters: each mark is deleted or replaced by a space in this order.
    private static final String PUNCTUATIONS = ";/[]\"{}()=+\\_-><@`,?!";
    // Upstream passes re.UNICODE (32) as re.sub's count, so at most 32 periods are removed.
    private static final int PERIOD_STRIP_COUNT = 32;

    static {
        for (int i = 0; i < CONTRACTION_PAIRS.length; i += 2) {
            CONTRACTIONS.put(CONTRACTION_PAIRS[i], CONTRACTION_PAIRS[i + 1]);
        }
    }

    /** Number of contraction entries (120, some of which can never match because words are lowercased). */
    static int contractionCount() {
        return CONTRACTIONS.size();
    }

    /**
     * {@code process_punctuation}: each of the 21 marks is deleted when the input has it next to a space or has a
     * digit-comma-digit run anywhere, else replaced by a space; then up to 32 periods not followed by a digit are
     * removed.
     */
    public String processPunctuation(String in) {
        return processPunctuation(in, hasDigitCommaDigit(in));
    }

    /**
     * The same punctuation step with the comma rule decided by the caller: MVBench's copy
     * ({@code tasks/mvbench/utils.py::mcq_acc}) tests {@code (\d)(\,)(\d)}, a single comma between digits, see
     * {@link #hasDigitSingleCommaDigit}.
     */
    public String processPunctuation(String in, boolean commaStrip) {
        String out = in;
        for (int k = 0; k < PUNCTUATIONS.length(); k++) {
            String p = String.valueOf(PUNCTUATIONS.charAt(k));
            if (out.indexOf(p.charAt(0)) < 0) {
                continue;
            }
            boolean delete = in.contains(p + " ") || in.contains(" " + p) || commaStrip;
            out = out.replace(p, delete ? "" : " ");
        }
        return stripPeriods(out);
    }

    // COMMA_STRIP = (?<=\d)(\,)+(?=\d) with Unicode \d
    private static boolean hasDigitCommaDigit(String s) {
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!PyUnicode.isDecimal(cp) || i >= n || s.charAt(i) != ',') {
                continue;
            }
            int j = i;
            while (j < n && s.charAt(j) == ',') {
                j++;
            }
            if (j < n && PyUnicode.isDecimal(s.codePointAt(j))) {
                return true;
            }
        }
        return false;
    }

    /** MVBench's {@code re.search(r"(\d)(\,)(\d)", s)}: a digit, one comma, a digit (Unicode digits). */
    public static boolean hasDigitSingleCommaDigit(String s) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i + 2 < cps.length; i++) {
            if (cps[i + 1] == ',' && PyUnicode.isDecimal(cps[i]) && PyUnicode.isDecimal(cps[i + 2])) {
                return true;
            }
        }
        return false;
    }

    // PERIOD_STRIP = (?!<=\d)(\.)(?!\d): the first lookahead is an upstream typo that always passes
    private static String stripPeriods(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int removed = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && removed < PERIOD_STRIP_COUNT
                    && !(i + 1 < s.length() && PyUnicode.isDecimal(s.codePointAt(i + 1)))) {
                removed++;
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** {@code process_digit_article}: lowercase, split, number words to digits, drop articles, contractions. */
    public String processDigitArticle(String in) {
        List<String> out = new ArrayList<>();
        for (String word : PyStr.split(PyStr.lower(in))) {
            word = NUMBER_MAP.getOrDefault(word, word);
            if (!word.equals("a") && !word.equals("an") && !word.equals("the")) {
                out.add(CONTRACTIONS.getOrDefault(word, word));
            }
        }
        return String.join(" ", out);
    }

    /**
     * {@code __call__} (TextVQA): {@code word_tokenize} (lower, drop {@code ,} and {@code ?}, {@code 's} to
     * {@code  's}, strip), newlines and tabs to spaces, strip, then punctuation and digit/article processing.
     */
    public String apply(String item) {
        String s = PyStr.lower(item).replace(",", "").replace("?", "").replace("'s", " 's");
        s = PyStr.strip(s);
        s = PyStr.strip(s.replace("\n", " ").replace("\t", " "));
        return processDigitArticle(processPunctuation(s));
    }
}
