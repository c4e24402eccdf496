package dev.magmaeval.harness.dataset;

import dev.magmaeval.harness.api.ImageData;
import java.io.Closeable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.duckdb.DuckDBStruct;

/**
 * Reads the rows of one split with DuckDB, as Python-typed values ({@code Long}, {@code Double}, {@code String},
 * lists, insertion-ordered maps, {@link ImageData} for {@code struct{bytes, path}} image columns).
 *
 * <p>Parquet is paged by {@code file_row_number}, {@value #PAGE} rows at a time, so a 200k-row split with images is
 * never held in memory. Without media, image columns are read as paths only and their bytes fetched on demand.
 * Not thread-safe; open one reader per thread.
 */
public final class DocReader implements Closeable {
  static final int PAGE = 64;

  private final DatasetFiles files;
  private final Connection connection;
  private final long[] counts;
  private final List<Column> columns;

  private record Column(String name, String type) {
    boolean isImage() {
      return type.replace(" ", "").equals("STRUCT(bytesBLOB,pathVARCHAR)");
    }

    boolean isImageList() {
      return type.replace(" ", "").equals("STRUCT(bytesBLOB,pathVARCHAR)[]");
    }
  }

  public DocReader(DatasetFiles files) {
    this.files = files;
    this.connection = DuckDb.open();
    try {
      this.counts = new long[files.files().size()];
      for (int i = 0; i < counts.length; i++) counts[i] = count(files.files().get(i));
      this.columns = describe(files.files().get(0));
    } catch (SQLException e) {
      close();
      throw new IllegalArgumentException("cannot read " + files.describe() + ": " + oneLine(e), e);
    }
  }

  public DatasetFiles files() {
    return files;
  }

  /** Column names in dataset order. */
  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** Names of image columns (single images or lists of images): lmms-eval's media columns. */
  public List<String> mediaColumns() {
    return columns.stream().filter(c -> c.isImage() || c.isImageList()).map(Column::name).toList();
  }

  public long count() {
    long n = 0;
    for (long c : counts) n += c;
    return n;
  }

  /**
   * Rows {@code [start, end)} of the split, in order. With {@code media}, image bytes come with each page; without,
   * they are fetched on demand.
   */
  public Iterator<Map<String, Object>> rows(long start, long end, boolean media) {
    return new RowIterator(Math.max(0, start), Math.min(end, count()), media);
  }

  private long count(java.nio.file.Path file) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + source(file, false))) {
      r.next();
      return r.getLong(1);
    }
  }

  private List<Column> describe(java.nio.file.Path file) throws SQLException {
    List<Column> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + source(file, false))) {
      while (r.next()) out.add(new Column(r.getString("column_name"), r.getString("column_type")));
    }
    return out;
  }

  private String source(java.nio.file.Path file, boolean rowNumbers) {
    String p = DuckDb.quote(file.toString());
    return switch (files.format()) {
      case PARQUET -> "read_parquet(" + p + (rowNumbers ? ", file_row_number=true" : "") + ")";
      case JSONL -> "read_json(" + p + ", format='newline_delimited')";
      case JSON -> "read_json(" + p + ", format='auto')";
      case CSV -> "read_csv(" + p + ", header=true)";
    };
  }

  private String selectList(boolean media) {
    if (media) return "*";
    List<String> parts = new ArrayList<>();
    for (Column c : columns) {
      String id = DuckDb.ident(c.name());
      if (c.isImage()) parts.add(id + ".path AS " + id);
      else if (c.isImageList()) parts.add("list_transform(" + id + ", lambda x: x.path) AS " + id);
      else parts.add(id);
    }
    return String.join(", ", parts);
  }

  private final class RowIterator implements Iterator<Map<String, Object>> {
    private final long end;
    private final boolean media;
    private long next;
    private Iterator<Map<String, Object>> page = List.<Map<String, Object>>of().iterator();

    RowIterator(long start, long end, boolean media) {
      this.next = start;
      this.end = end;
      this.media = media;
    }

    @Override
    public boolean hasNext() {
      return page.hasNext() || next < end;
    }

    @Override
    public Map<String, Object> next() {
      if (!page.hasNext()) {
        if (next >= end) throw new NoSuchElementException();
        page = loadPage();
      }
      return page.next();
    }

    private Iterator<Map<String, Object>> loadPage() {
      long base = 0;
      int file = 0;
      while (file < counts.length && next >= base + counts[file]) {
        base += counts[file];
        file++;
      }
      long from = next - base;
      long to = Math.min(counts[file], from + PAGE);
      to = Math.min(to, end - base);
      List<Map<String, Object>> rows = readRows(file, from, to, media);
      next = base + to;
      return rows.iterator();
    }
  }

  private List<Map<String, Object>> readRows(int fileIndex, long from, long to, boolean media) {
    java.nio.file.Path file = files.files().get(fileIndex);
    String sql;
    if (files.format() == DatasetFiles.Format.PARQUET) {
      sql = "SELECT " + selectList(media) + " FROM " + source(file, true) + " WHERE file_row_number >= " + from
          + " AND file_row_number < " + to + " ORDER BY file_row_number";
    } else {
      sql = "SELECT " + selectList(media) + " FROM " + source(file, false) + " LIMIT " + (to - from) + " OFFSET " + from;
    }
    List<String> names = new ArrayList<>();
    List<Object[]> raws = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData md = r.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) names.add(md.getColumnName(i));
      while (r.next()) {
        Object[] raw = new Object[names.size()];
        for (int i = 0; i < raw.length; i++) {
          Object v = r.getObject(i + 1);
          boolean imageList = !media && i < columns.size() && columns.get(i).isImageList();
          raw[i] = imageList && v instanceof Array a ? a.getArray() : v;
        }
        raws.add(raw);
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + oneLine(e), e);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Map<Long, Object>> presence = new java.util.HashMap<>();
    try {
      for (int k = 0; k < raws.size(); k++) {
        long row = from + k;
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          String name = names.get(i);
          if (name.equals("file_row_number")) continue;
          Column col = columns.get(i);
          Object raw = raws.get(k)[i];
          String origin = file.getFileName() + " row " + row + " column '" + name + "'";
          if (!media && (col.isImage() || col.isImageList())) {
            Object present = missingPath(raw) && files.format() == DatasetFiles.Format.PARQUET
                ? presence.computeIfAbsent(name, n -> presence(fileIndex, from, to, col)).get(row) : null;
            values.put(name, deferred(fileIndex, row, col, raw, present, origin));
          } else {
            values.put(name, python(raw, origin));
          }
        }
        rows.add(values);
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + oneLine(e), e);
    }
    return rows;
  }

  /** A null path (or a list with one) leaves open whether the image is there: only its path is missing, or all. */
  private static boolean missingPath(Object rawPaths) {
    if (rawPaths == null) return true;
    if (rawPaths instanceof Object[] paths) {
      for (Object p : paths) if (p == null) return true;
    }
    return false;
  }

  /**
   * Which images of a page exist (row -> Boolean, or a Boolean per list item): asked only for pages where some path
   * is null, since this reads the images' bytes (a struct's null-ness is not stored apart from its fields).
   */
  private Map<Long, Object> presence(int fileIndex, long from, long to, Column col) {
    java.nio.file.Path file = files.files().get(fileIndex);
    String id = DuckDb.ident(col.name());
    String expr = col.isImage() ? id + " IS NOT NULL AND " + id + ".bytes IS NOT NULL"
        : "list_transform(" + id + ", lambda x: x IS NOT NULL AND x.bytes IS NOT NULL)";
    String sql = "SELECT file_row_number, " + expr + " FROM " + source(file, true) + " WHERE file_row_number >= " + from
        + " AND file_row_number < " + to;
    Map<Long, Object> out = new java.util.HashMap<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        Object v = r.getObject(2);
        out.put(r.getLong(1), v instanceof Array a ? java.util.Arrays.asList((Object[]) a.getArray()) : v);
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + oneLine(e), e);
    }
    return out;
  }

  /**
   * A deferred image (or list of them) for a row read without media. {@code present}, when known, says which images
   * exist despite a null path.
   */
  private Object deferred(int fileIndex, long row, Column col, Object rawPaths, Object present, String origin) {
    if (col.isImage()) {
      if (rawPaths == null && !Boolean.TRUE.equals(present)) return null;
      return ImageData.deferred((String) rawPaths, origin, fetcher(fileIndex, row, col.name(), -1));
    }
    if (rawPaths == null) return null;
    Object[] paths = (Object[]) rawPaths;
    List<Object> out = new ArrayList<>();
    for (int k = 0; k < paths.length; k++) {
      boolean exists = paths[k] != null || present instanceof List<?> l && Boolean.TRUE.equals(l.get(k));
      out.add(exists ? ImageData.deferred((String) paths[k], origin + "[" + k + "]",
          fetcher(fileIndex, row, col.name(), k)) : null);
    }
    return out;
  }

  private Supplier<byte[]> fetcher(int fileIndex, long row, String column, int listIndex) {
    return () -> {
      java.nio.file.Path file = files.files().get(fileIndex);
      String expr = DuckDb.ident(column) + (listIndex < 0 ? "" : "[" + (listIndex + 1) + "]") + ".bytes";
      String sql = "SELECT " + expr + " FROM " + source(file, true) + " WHERE file_row_number = " + row;
      synchronized (connection) {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
          if (!r.next()) return null;
          return bytes(r.getObject(1));
        } catch (SQLException e) {
          throw new IllegalStateException("cannot read image bytes from " + file + ": " + oneLine(e), e);
        }
      }
    };
  }

  /** DuckDB JDBC values to Python's data model. */
  static Object python(Object v, String origin) throws SQLException {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) return v;
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
    if (v instanceof Float f) return (double) f;
    if (v instanceof BigInteger b) return b.bitLength() < 64 ? (Object) b.longValue() : b;
    if (v instanceof BigDecimal d) return d.doubleValue();
    if (v instanceof Blob || v instanceof byte[]) return bytes(v);
    if (v instanceof Array a) {
      Object[] items = (Object[]) a.getArray();
      List<Object> out = new ArrayList<>(items.length);
      for (int k = 0; k < items.length; k++) out.add(python(items[k], origin + "[" + k + "]"));
      return out;
    }
    if (v instanceof DuckDBStruct s) {
      Map<String, Object> m = s.getMap();
      if (m.size() == 2 && m.containsKey("bytes") && m.containsKey("path")) {
        byte[] b = bytes(m.get("bytes"));
        Object path = m.get("path");
        return b == null ? null : ImageData.encoded(b, path == null ? null : path.toString(), origin);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : m.entrySet()) out.put(e.getKey(), python(e.getValue(), origin));
      return out;
    }
    if (v instanceof Struct s) {
      Object[] attrs = s.getAttributes();
      List<Object> out = new ArrayList<>();
      for (Object a : attrs) out.add(python(a, origin));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), python(e.getValue(), origin));
      return out;
    }
    return v.toString();
  }

  static byte[] bytes(Object v) throws SQLException {
    if (v == null) return null;
    if (v instanceof byte[] b) return b;
    if (v instanceof Blob blob) return blob.getBytes(1, (int) blob.length());
    throw new IllegalArgumentException("expected bytes, got " + v.getClass().getSimpleName());
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage();
    return m == null ? e.toString() : m.replaceAll("\\s+", " ").trim();
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing an in-memory database cannot lose data
    }
  }
}
