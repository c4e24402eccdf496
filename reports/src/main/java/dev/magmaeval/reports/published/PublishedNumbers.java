package dev.magmaeval.reports.published;

import dev.magmaeval.reports.BadInputException;
import dev.magmaeval.reports.results.MetricKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A published-numbers file ({@code configs/published/*.yaml}): models, the paper columns mapped to results keys, and
 * the cells. Read with {@link PublishedReader}.
 */
public final class PublishedNumbers {

  private final List<Path> files;
  private final String title;
  private final PublishedModel referenceModel;
  private final Map<String, PublishedModel> models;
  private final List<PublishedCell> cells;
  private final Map<String, Map<String, PublishedCell>> byModelAndKey = new LinkedHashMap<>();

  PublishedNumbers(List<Path> files, String title, PublishedModel referenceModel, Map<String, PublishedModel> models,
      List<PublishedCell> cells) {
    this.files = List.copyOf(files);
    this.title = title;
    this.referenceModel = referenceModel;
    this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    this.cells = List.copyOf(cells);
    for (PublishedCell cell : cells) {
      byModelAndKey.computeIfAbsent(cell.model().id(), m -> new LinkedHashMap<>())
          .putIfAbsent(lookupKey(cell.benchmark().task(), cell.benchmark().metric()), cell);
    }
  }

  /** The first file (the one whose reference model applies). */
  public Path file() {
    return files.get(0);
  }

  public List<Path> files() {
    return files;
  }

  /**
   * Several published files as one: models and cells in order, the first file's reference model. Model ids must be
   * unique across files.
   */
  public static PublishedNumbers merge(List<PublishedNumbers> all) {
    if (all.size() == 1) {
      return all.get(0);
    }
    List<Path> files = new ArrayList<>();
    Map<String, PublishedModel> models = new LinkedHashMap<>();
    List<PublishedCell> cells = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (PublishedNumbers p : all) {
      files.addAll(p.files);
      titles.add(p.title);
      for (PublishedModel m : p.models.values()) {
        if (models.putIfAbsent(m.id(), m) != null) {
          throw new BadInputException(p.file() + ": models: id '" + m.id() + "' is also defined in an earlier --published file");
        }
      }
      cells.addAll(p.cells);
    }
    return new PublishedNumbers(files, String.join("; ", titles), all.get(0).referenceModel, models, cells);
  }

  public String title() {
    return title;
  }

  public PublishedModel referenceModel() {
    return referenceModel;
  }

  public Map<String, PublishedModel> models() {
    return models;
  }

  public List<PublishedCell> cells() {
    return cells;
  }

  /** The model with this id, if any. */
  public Optional<PublishedModel> model(String id) {
    return Optional.ofNullable(models.get(id));
  }

  /** The first model whose {@code matches} occur in one of the run's model names; else the reference model. */
  public PublishedModel modelFor(List<String> runModelIds) {
    for (PublishedModel model : models.values()) {
      for (String match : model.matches()) {
        String needle = match.toLowerCase(Locale.ROOT);
        if (runModelIds.stream().anyMatch(id -> id.toLowerCase(Locale.ROOT).contains(needle))) {
          return model;
        }
      }
    }
    return referenceModel;
  }

  /** The model's own cell for a results key. */
  public Optional<PublishedCell> cell(PublishedModel model, String task, MetricKey key) {
    return Optional.ofNullable(byModelAndKey.getOrDefault(model.id(), Map.of()).get(lookupKey(task, key)));
  }

  /**
   * The number to show beside a run of {@code model}: the model's own cell, else a cell of a fine-tuned variant of
   * it ({@link PublishedCell#fineTuned()} then says so).
   */
  public Optional<PublishedCell> reference(PublishedModel model, String task, MetricKey key) {
    Optional<PublishedCell> own = cell(model, task, key);
    if (own.isPresent()) {
      return own;
    }
    for (PublishedModel variant : models.values()) {
      if (model.id().equals(variant.variantOf())) {
        Optional<PublishedCell> c = cell(variant, task, key);
        if (c.isPresent()) {
          return c;
        }
      }
    }
    return Optional.empty();
  }

  /** The cells of one model, first occurrence of each key, in file order. */
  public List<PublishedCell> cellsOf(PublishedModel model) {
    return new ArrayList<>(byModelAndKey.getOrDefault(model.id(), Map.of()).values());
  }

  private static String lookupKey(String task, MetricKey key) {
    return task + "\u0000" + key.key();
  }
}
