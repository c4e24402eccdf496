package dev.magmaeval.harness.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Markdown summary printed at the end of a run, like lmms-eval's {@code make_table}. */
public final class ResultsTable {
  private ResultsTable() {}

  @SuppressWarnings("unchecked")
  public static String render(Map<String, Object> results, String column) {
    if (!(results.get(column) instanceof Map<?, ?> block) || block.isEmpty()) return "";
    Map<String, Object> nShot = (Map<String, Object>) results.getOrDefault("n-shot", Map.of());
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<?, ?> e : block.entrySet()) {
      Map<String, Object> row = (Map<String, Object>) e.getValue();
      String name = String.valueOf(row.getOrDefault("alias", e.getKey()));
      String n = String.valueOf(nShot.getOrDefault(String.valueOf(e.getKey()), " "));
      boolean first = true;
      for (Map.Entry<String, Object> m : row.entrySet()) {
        String key = m.getKey();
        if (key.equals("alias") || key.equals(" ") || key.contains("_stderr")) continue;
        String[] mf = key.split(",", 2);
        String filter = mf.length > 1 ? mf[1] : "none";
        Object se = row.get(mf[0] + "_stderr," + filter);
        rows.add(new String[] {first ? name : "", filter, n, mf[0], format(m.getValue()), "±", format(se)});
        first = false;
      }
      if (first) rows.add(new String[] {name, "", n, "", "", "", ""});
    }
    String[] header = {column.equals("groups") ? "Groups" : "Tasks", "Filter", "n-shot", "Metric", "Value", "", "Stderr"};
    int[] width = new int[header.length];
    for (int i = 0; i < header.length; i++) width[i] = header[i].length();
    for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
    StringBuilder sb = new StringBuilder();
    line(sb, header, width);
    String[] dashes = new String[header.length];
    for (int i = 0; i < header.length; i++) dashes[i] = "-".repeat(Math.max(1, width[i]));
    line(sb, dashes, width);
    for (String[] r : rows) line(sb, r, width);
    return sb.toString();
  }

  private static String format(Object v) {
    if (v == null) return "None";
    if (v instanceof Double d) return String.format("%.4f", d);
    if (v instanceof dev.magmaeval.metrics.py.NpFloat64 f) return String.format("%.4f", f.value());
    if (v instanceof Number n) return String.format("%.4f", n.doubleValue());
    if (v instanceof List<?> l && l.isEmpty()) return "N/A";
    return String.valueOf(v);
  }

  private static void line(StringBuilder sb, String[] cells, int[] width) {
    sb.append('|');
    for (int i = 0; i < cells.length; i++) {
      sb.append(' ').append(String.format("%-" + Math.max(1, width[i]) + "s", cells[i])).append(" |");
    }
    sb.append('\n');
  }
}
