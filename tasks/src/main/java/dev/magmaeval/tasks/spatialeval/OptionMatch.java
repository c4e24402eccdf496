package dev.magmaeval.tasks.spatialeval;

import dev.magmaeval.metrics.py.PyStr;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SpatialEval's options and which one a response picks. The options are the {@code "X. text"} lines after the
 * last {@code "Available options:"} of the row's {@code text} (a trailing period dropped); without such lines the
 * row's own {@code oracle_option}/{@code oracle_answer} pair is the only option. A response picks, in order:
 *
 * <ol>
 *   <li>a leading option letter: {@code "B"}, {@code "B."}, {@code "B)"}, {@code "B:"}, {@code "(B)"} (not
 *       {@code "A cat ..."}, where the letter is a word);
 *   <li>a letter named as the answer: {@code "the answer is B"}, {@code "Option (C)"};
 *   <li>an option's text, whole words, case-insensitive; when several occur, the one that occurs first (the
 *       longest at equal positions).
 * </ol>
 *
 * Letters that are not among the options are ignored. No pick is a wrong answer.
 */
record OptionMatch(Map<String, String> options) {
  private static final String MARKER = "Available options:";
  private static final Pattern LINE = Pattern.compile("^\\s*([A-Z])\\.\\s*(.*?)\\s*$");
  private static final Pattern LEADING = Pattern.compile("^(?:\\(([A-Z])\\)|([A-Z])(?:[.):,]|$))");
  private static final Pattern NAMED = Pattern.compile(
      "(?iu)(?<![\\p{L}\\p{N}_])(?:answer|option)(?:\\s+is)?\\s*:?\\s*\\(?(?-i:([A-Z]))(?![\\p{L}\\p{N}_])");

  static OptionMatch parse(String text, String oracleOption, String oracleAnswer) {
    Map<String, String> options = new LinkedHashMap<>();
    int at = text.lastIndexOf(MARKER);
    if (at >= 0) {
      for (String line : text.substring(at + MARKER.length()).split("\n", -1)) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) continue;
        String option = m.group(2);
        if (option.endsWith(".")) option = option.substring(0, option.length() - 1);
        options.putIfAbsent(m.group(1), PyStr.strip(option));
      }
    }
    if (options.isEmpty()) options.put(oracleOption, oracleAnswer);
    return new OptionMatch(options);
  }

  /** The letter of the option the response picks, or null. */
  String pick(String response) {
    String r = PyStr.strip(response);
    Matcher lead = LEADING.matcher(r);
    if (lead.find()) {
      String letter = lead.group(1) != null ? lead.group(1) : lead.group(2);
      if (options.containsKey(letter)) return letter;
    }
    Matcher named = NAMED.matcher(r);
    while (named.find()) {
      if (options.containsKey(named.group(1))) return named.group(1);
    }
    String best = null;
    int bestAt = Integer.MAX_VALUE;
    int bestLength = -1;
    for (Map.Entry<String, String> o : options.entrySet()) {
      if (o.getValue().isEmpty()) continue;
      Matcher m = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}_])" + Pattern.quote(o.getValue()) + "(?![\\p{L}\\p{N}_])")
          .matcher(r);
      if (m.find() && (m.start() < bestAt || m.start() == bestAt && o.getValue().length() > bestLength)) {
        best = o.getKey();
        bestAt = m.start();
        bestLength = o.getValue().length();
      }
    }
    return best;
  }
}
