package dev.magmaeval.tasks.mind2web;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operation a free-text reply names: the first of CLICK, TYPE, SELECT, HOVER or ENTER (any case, a whole word)
 * after an {@code Operation:} or {@code Action:} label, else anywhere. TYPE and SELECT take a value: a quoted string
 * after the word (and an optional colon), else the rest of its line up to a following {@code . Coordinate} or
 * {@code . Mark}, without a final full stop.
 *
 * @param op the operation, upper case
 * @param value the value for TYPE and SELECT, "" otherwise
 */
public record OperationReply(String op, String value) {
  private static final Pattern LABEL = Pattern.compile("(?i)\\b(?:operation|action)\\s*[:=]");
  private static final Pattern OP = Pattern.compile("(?i)\\b(CLICK|TYPE|SELECT|HOVER|ENTER)\\b");
  private static final Pattern LEAD = Pattern.compile("^\\s*[:=]?\\s*");
  private static final Pattern NEXT_FIELD = Pattern.compile("(?i)\\.?\\s*\\b(?:coordinates?|mark)\\b|\\R");

  public static Optional<OperationReply> parse(String reply) {
    if (reply == null) return Optional.empty();
    Matcher label = LABEL.matcher(reply);
    Matcher m = OP.matcher(reply);
    boolean found = label.find() && m.find(label.end()) || m.find(0);
    if (!found) return Optional.empty();
    String op = m.group(1).toUpperCase(Locale.ROOT);
    if (!op.equals("TYPE") && !op.equals("SELECT")) return Optional.of(new OperationReply(op, ""));
    return Optional.of(new OperationReply(op, value(reply.substring(m.end()))));
  }

  private static String value(String rest) {
    String s = LEAD.matcher(rest).replaceFirst("");
    if (!s.isEmpty()) {
      char open = s.charAt(0);
      char close = switch (open) {
        case '"' -> '"';
        case '\'' -> '\'';
        case '“' -> '”';
        case '‘' -> '’';
        default -> 0;
      };
      if (close != 0) {
        int end = s.indexOf(close, 1);
        if (end > 0) return s.substring(1, end);
      }
    }
    Matcher next = NEXT_FIELD.matcher(s);
    if (next.find()) s = s.substring(0, next.start());
    s = s.strip();
    return s.endsWith(".") ? s.substring(0, s.length() - 1).strip() : s;
  }

  /** SeeClick's {@code action_type}: 4 for CLICK, HOVER and ENTER, 2 for SELECT, 3 for TYPE. */
  public long seeClickType() {
    return switch (op) {
      case "SELECT" -> 2;
      case "TYPE" -> 3;
      default -> 4;
    };
  }
}
