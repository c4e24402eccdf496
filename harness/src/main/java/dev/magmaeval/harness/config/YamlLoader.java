package dev.magmaeval.harness.config;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * Reads task YAMLs the way lmms-eval's PyYAML {@code full_load} does: YAML 1.1 implicit scalars (so {@code yes} is
 * a bool and {@code 1e3} is a string), insertion-ordered mappings, and the {@code !function} tag as a {@link
 * FunctionRef}. SnakeYAML (which jackson-dataformat-yaml is built on) does the parsing; scalar resolution follows
 * PyYAML's resolver ({@code yaml/resolver.py}).
 */
public final class YamlLoader {

  private static final Pattern BOOL =
      Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern INT = Pattern.compile(
      "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern FLOAT = Pattern.compile(
      "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
          + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

  private YamlLoader() {}

  /** Loads one file. The result is a {@link SourcedMap} for a mapping document (task YAMLs always are). */
  public static Object load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file, 0, "cannot read YAML: " + e.getMessage());
    }
    return parse(text, file);
  }

  public static SourcedMap loadMapping(Path file) {
    Object doc = load(file);
    if (doc instanceof SourcedMap m) return m;
    throw new ConfigException(file, 1, "expected a mapping of keys (task: ..., dataset_path: ...), got "
        + (doc == null ? "an empty file" : doc.getClass().getSimpleName()));
  }

  public static Object parse(String text, Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    Node root;
    try (Reader reader = new java.io.StringReader(text)) {
      root = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new ConfigException(file, line, "malformed YAML: " + oneLine(e.getProblem())
          + " (check indentation and quoting)");
    } catch (YAMLException | IOException e) {
      throw new ConfigException(file, 0, "malformed YAML: " + oneLine(e.getMessage()));
    }
    return root == null ? null : new Converter(file).convert(root);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  /** PyYAML's implicit resolution of a plain scalar. */
  static Object resolvePlain(String s) {
    if (NULL.matcher(s).matches()) return null;
    if (BOOL.matcher(s).matches()) {
      char c = Character.toLowerCase(s.charAt(0));
      return c == 'y' || c == 't' || (c == 'o' && s.length() == 2);
    }
    if (INT.matcher(s).matches()) return parseInt(s);
    if (FLOAT.matcher(s).matches()) return parseFloat(s);
    return s;
  }

  private static Object parseInt(String text) {
    String s = text.replace("_", "");
    int sign = 1;
    if (s.startsWith("-")) {
      sign = -1;
      s = s.substring(1);
    } else if (s.startsWith("+")) {
      s = s.substring(1);
    }
    BigInteger v;
    if (s.equals("0")) v = BigInteger.ZERO;
    else if (s.startsWith("0b")) v = new BigInteger(s.substring(2), 2);
    else if (s.startsWith("0x")) v = new BigInteger(s.substring(2), 16);
    else if (s.startsWith("0")) v = new BigInteger(s.substring(1), 8);
    else if (s.contains(":")) {
      v = BigInteger.ZERO;
      for (String part : s.split(":")) v = v.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
    } else v = new BigInteger(s);
    v = sign < 0 ? v.negate() : v;
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }

  private static Object parseFloat(String text) {
    String s = text.replace("_", "").toLowerCase();
    int sign = 1;
    if (s.startsWith("-")) {
      sign = -1;
      s = s.substring(1);
    } else if (s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals(".inf")) return sign * Double.POSITIVE_INFINITY;
    if (s.equals(".nan")) return Double.NaN;
    if (s.contains(":")) {
      double v = 0;
      for (String part : s.split(":")) v = v * 60 + Double.parseDouble(part);
      return sign * v;
    }
    return sign * Double.parseDouble(s);
  }

  private static final class Converter {
    private final Path file;
    private final Map<Node, Object> seen = new IdentityHashMap<>();

    Converter(Path file) {
      this.file = file;
    }

    Object convert(Node node) {
      Object done = seen.get(node);
      if (done != null) return done; // an alias of an anchored node
      Object out;
      if (node instanceof ScalarNode scalar) {
        out = scalar(scalar);
      } else if (node instanceof SequenceNode seq) {
        List<Object> list = new ArrayList<>();
        seen.put(node, list);
        for (Node item : seq.getValue()) list.add(convert(item));
        out = list;
      } else if (node instanceof MappingNode mapping) {
        SourcedMap map = new SourcedMap(at(node));
        seen.put(node, map);
        for (NodeTuple t : mapping.getValue()) {
          Object key = convert(t.getKeyNode());
          if ("<<".equals(key)) {
            mergeKey(map, convert(t.getValueNode()), t.getKeyNode());
            continue;
          }
          map.put(key == null ? "None" : String.valueOf(key), convert(t.getValueNode()), at(t.getKeyNode()));
        }
        out = map;
      } else {
        throw new ConfigException(file, line(node), "unsupported YAML node " + node.getNodeId());
      }
      seen.put(node, out);
      return out;
    }

    private void mergeKey(SourcedMap into, Object merged, Node at) {
      List<Object> sources = merged instanceof List<?> l ? new ArrayList<>(l) : List.of(merged);
      for (Object src : sources) {
        if (!(src instanceof Map<?, ?> m)) throw new ConfigException(file, line(at), "'<<' needs a mapping");
        for (Map.Entry<?, ?> e : m.entrySet()) into.putIfAbsent(String.valueOf(e.getKey()), e.getValue());
      }
    }

    private Object scalar(ScalarNode node) {
      String tag = node.getTag().getValue();
      String value = node.getValue();
      if (tag.equals("!function")) return new FunctionRef(value.trim(), file, line(node));
      if (tag.startsWith("!") && !tag.startsWith("!!")) {
        throw new ConfigException(file, line(node), "unknown YAML tag '" + tag + "' (only !function is supported)");
      }
      switch (tag) {
        case "tag:yaml.org,2002:str":
          return node.getScalarStyle() == ScalarStyle.PLAIN ? resolvePlain(value) : value;
        case "tag:yaml.org,2002:int":
        case "tag:yaml.org,2002:float":
        case "tag:yaml.org,2002:bool":
        case "tag:yaml.org,2002:null":
        case "tag:yaml.org,2002:timestamp":
          return node.getScalarStyle() == ScalarStyle.PLAIN ? resolvePlain(value) : value;
        default:
          return value;
      }
    }

    private Location at(Node node) {
      return new Location(file, line(node));
    }

    private int line(Node node) {
      return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
  }
}
