package dev.magmaeval.tasks.video;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writers for dataset fixtures in the Hugging Face hub-cache layout: Parquet through DuckDB, JSON, CSV, refs. */
final class FixtureFiles {
  private FixtureFiles() {}

  /** A column and its DuckDB type ({@code VARCHAR}, {@code INTEGER}, {@code BIGINT}, {@code VARCHAR[]}). */
  record Column(String name, String type) {}

  /** {@code <hub>/datasets--org--name/snapshots/<sha>/} with {@code refs/<ref>} naming it; sha derived from the id. */
  static Path snapshot(Path hub, String repoId, String... refs) {
    Path repo = hub.resolve("datasets--" + repoId.replace("/", "--"));
    String sha = sha1Hex("magma-eval fixture " + repoId);
    try {
      for (String ref : refs) {
        Path f = repo.resolve("refs").resolve(ref);
        Files.createDirectories(f.getParent());
        Files.writeString(f, sha, StandardCharsets.UTF_8);
      }
      Path snap = repo.resolve("snapshots").resolve(sha);
      Files.createDirectories(snap);
      return snap;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha1Hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes rows as Parquet with the given column types, in order. */
  static void parquet(Path file, List<Column> columns, List<Map<String, Object>> rows) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> selects = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      selects.add("SELECT " + columns.stream()
          .map(c -> literal(row.get(c.name())) + "::" + c.type() + " AS \"" + c.name() + "\"")
          .collect(Collectors.joining(", ")));
    }
    String sql = "COPY (" + String.join(" UNION ALL ", selects) + ") TO '" + file.toString().replace("'", "''")
        + "' (FORMAT parquet)";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      st.execute("SET preserve_insertion_order = true");
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String literal(Object v) {
    if (v == null) return "NULL";
    if (v instanceof Number n) return n.toString();
    if (v instanceof List<?> l) return "[" + l.stream().map(FixtureFiles::literal).collect(Collectors.joining(", ")) + "]";
    return "'" + v.toString().replace("'", "''") + "'";
  }

  static void json(Path file, Object value) {
    try {
      Files.createDirectories(file.getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void text(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSV with a header, quoting every field as pandas' {@code to_csv} would need only for commas and quotes. */
  static void csv(Path file, List<String> header, List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
    for (Map<String, Object> row : rows) {
      sb.append(header.stream().map(h -> csvField(row.get(h))).collect(Collectors.joining(","))).append('\n');
    }
    text(file, sb.toString());
  }

  private static String csvField(Object v) {
    String s = v == null ? "" : v.toString();
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

}
