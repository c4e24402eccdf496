package dev.magmaeval.harness.dataset;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** DuckDB connections set up for offline, streaming reads. One connection per thread. */
final class DuckDb {
  private DuckDb() {}

  static Connection open() {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      Properties props = new Properties();
      // without this, results are materialised whole; with large blobs that can crash the JVM (java-runtime.md §5)
      props.setProperty("jdbc_stream_results", "true");
      Connection c = DriverManager.getConnection("jdbc:duckdb:", props);
      try (Statement s = c.createStatement()) {
        s.execute("SET autoinstall_known_extensions=false");
        s.execute("SET autoload_known_extensions=false");
        s.execute("SET threads=2");
        s.execute("SET preserve_insertion_order=true");
      }
      return c;
    } catch (SQLException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
    }
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String ident(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
