package dev.magmaeval.harness.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes small datasets in Hugging Face's on-disk form for tests and fixtures: Parquet files (through DuckDB) with
 * the {@code huggingface} features metadata, laid out as a hub cache ({@code datasets--org--name/refs/main},
 * {@code snapshots/<sha>/...}).
 */
public final class ParquetFixtures {
  private ParquetFixtures() {}

  /** Creates {@code <hub>/datasets--org--name/} with {@code refs/main -> sha} and returns the snapshot folder. */
  public static Path snapshot(Path hub, String repoId, String sha) {
    Path repo = hub.resolve("datasets--" + repoId.replace("/", "--"));
    try {
      Files.createDirectories(repo.resolve("refs"));
      Files.writeString(repo.resolve("refs").resolve("main"), sha, StandardCharsets.UTF_8);
      Path snap = repo.resolve("snapshots").resolve(sha);
      Files.createDirectories(snap);
      return snap;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes rows to a Parquet file. {@code columns} is DuckDB DDL ({@code question VARCHAR, image STRUCT(bytes BLOB,
   * path VARCHAR)}); values are Java objects (String, Long, Double, Boolean, byte[], List, Map, null) in column
   * order. {@code features} is the JSON of the dataset's {@code datasets} features, stored as the file's {@code
   * huggingface} metadata like the Hub does (null to omit).
   */
  public static void write(Path file, String columns, List<List<Object>> rows, String features) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Class.forName("org.duckdb.DuckDBDriver");
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
        s.execute("SET autoinstall_known_extensions=false");
        s.execute("SET autoload_known_extensions=false");
        s.execute("CREATE TABLE t (" + columns + ")");
        for (List<Object> row : rows) {
          StringBuilder sql = new StringBuilder("INSERT INTO t VALUES (");
          for (int i = 0; i < row.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.append(literal(row.get(i)));
          }
          s.execute(sql.append(")").toString());
        }
        String kv = features == null ? "" : ", KV_METADATA {huggingface: " + quote("{\"info\": {\"features\": "
            + features + "}}") + "}";
        s.execute("COPY t TO " + quote(file.toString()) + " (FORMAT parquet, ROW_GROUP_SIZE 100" + kv + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static String literal(Object v) {
    if (v == null) return "NULL";
    if (v instanceof String s) return quote(s);
    if (v instanceof Boolean b) return b ? "TRUE" : "FALSE";
    if (v instanceof Long || v instanceof Integer) return v.toString();
    if (v instanceof Double d) return d.isNaN() ? "'NaN'::DOUBLE" : Double.toString(d) + "::DOUBLE";
    if (v instanceof byte[] b) return "from_hex('" + HexFormat.of().formatHex(b) + "')";
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(literal(l.get(i)));
      }
      return sb.append("]").toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) sb.append(", ");
        first = false;
        sb.append(quote(String.valueOf(e.getKey()))).append(": ").append(literal(e.getValue()));
      }
      return sb.append("}").toString();
    }
    throw new IllegalArgumentException("no SQL literal for " + v.getClass());
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** An image column value: {@code {bytes, path}}. */
  public static Map<String, Object> image(byte[] bytes, String path) {
    java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("bytes", bytes);
    m.put("path", path);
    return m;
  }
}
