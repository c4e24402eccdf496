package dev.magmaeval.reports.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.magmaeval.reports.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Jackson set up for files written by Python's {@code json.dumps}: NaN and Infinity allowed, floats kept exact. */
public final class Json {

  /** The shared reader: thread-safe once configured. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          // Python's json.dumps writes NaN/Infinity for float('nan')/float('inf') (allow_nan defaults to True).
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private Json() {}

  /** Reads a whole JSON file; a missing file or invalid JSON is a {@link BadInputException} naming the file. */
  public static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw invalid(file, 0, e);
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses one line of a JSONL file ({@code line} is 1-based, for the message). */
  public static JsonNode parseLine(Path file, int line, String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid(file, line, e);
    }
  }

  private static BadInputException invalid(Path file, int line, JsonProcessingException e) {
    String where = line > 0 ? file + ":" + line : file + ":" + e.getLocation().getLineNr();
    return new BadInputException(where + ": invalid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
  }

}
