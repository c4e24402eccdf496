package dev.magmaeval.reports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A YAML configuration file (published numbers, gate policy) read as a tree, with typed field access whose errors
 * name the file and the field path ({@code cells[3].value: expected a number}).
 */
public final class YamlFile {

  private static final ObjectMapper MAPPER =
      YAMLMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // keep numbers as written ("78.0" stays 78.0, not 78): the published test compares the printed text
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

  private final Path file;
  private final JsonNode root;

  private YamlFile(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  public static YamlFile read(Path file) {
    try {
      JsonNode root = MAPPER.readTree(Files.readString(file));
      if (root == null || !root.isObject()) {
        throw BadInputException.field(file, "(top level)", "expected a mapping");
      }
      return new YamlFile(file, root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadInputException(file + ":" + e.getLocation().getLineNr() + ": invalid YAML: "
          + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  public JsonNode root() {
    return root;
  }

  public BadInputException error(String field, String problem) {
    return BadInputException.field(file, field, problem);
  }

  /** Rejects keys of a mapping that are not in {@code allowed} (catches typos such as {@code max_dorp}). */
  public void onlyKeys(JsonNode node, String where, Set<String> allowed) {
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        throw error(where.isEmpty() ? k : where + "." + k, "unknown key (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    });
  }

  public String text(JsonNode parent, String where, String key, boolean required) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      if (required) {
        throw error(join(where, key), "missing");
      }
      return null;
    }
    if (!n.isValueNode() || n.isBoolean()) {
      throw error(join(where, key), "expected a string");
    }
    return n.asText();
  }

  public BigDecimal number(JsonNode parent, String where, String key, boolean required) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      if (required) {
        throw error(join(where, key), "missing");
      }
      return null;
    }
    if (!n.isNumber()) {
      throw error(join(where, key), "expected a number, got '" + n.asText() + "'");
    }
    return n.decimalValue();
  }

  public Boolean bool(JsonNode parent, String where, String key) {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw error(join(where, key), "expected true or false, got '" + n.asText() + "'");
    }
    return n.asBoolean();
  }

  public List<String> strings(JsonNode parent, String where, String key) {
    JsonNode n = parent.get(key);
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw error(join(where, key), "expected a list");
    }
    n.forEach(s -> out.add(s.asText()));
    return out;
  }

  /** The list under {@code key} (empty when absent). */
  public List<JsonNode> list(JsonNode parent, String where, String key, boolean required) {
    JsonNode n = parent.get(key);
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      if (required) {
        throw error(join(where, key), "missing");
      }
      return out;
    }
    if (!n.isArray()) {
      throw error(join(where, key), "expected a list");
    }
    n.forEach(out::add);
    return out;
  }

  public static String join(String where, String key) {
    return where == null || where.isEmpty() ? key : where + "." + key;
  }
}
