package dev.magmaeval.harness.task;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.TaskFunction;
import dev.magmaeval.harness.api.Visual;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task's {@code doc_to_text}, {@code doc_to_visual}, {@code doc_to_target} and {@code doc_to_choice}, each a
 * column name, a Jinja template or a function, evaluated exactly as {@code ConfigurableTask} does.
 */
public final class DocFunctions {
  private final Object text;
  private final Object visual;
  private final Object target;
  private final Object choice;
  private final Map<String, Object> specificKwargs;
  private final Object targetKwargs;
  private final Templates templates;

  DocFunctions(Object text, Object visual, Object target, Object choice, Map<String, Object> specificKwargs,
      Object targetKwargs, Templates templates) {
    this.text = text;
    this.visual = visual;
    this.target = target;
    this.choice = choice;
    this.specificKwargs = specificKwargs;
    this.targetKwargs = targetKwargs;
    this.templates = templates;
  }

  /** Renders a Jinja template (e.g. a task's {@code description}) against a doc. */
  public String render(String template, Doc doc) {
    return templates.render(template, doc);
  }

  public boolean hasChoices() {
    return choice != null;
  }

  public String text(Doc doc) {
    if (text instanceof TaskFunction.DocToText f) return f.apply(doc, specificKwargs);
    if (text instanceof String s) {
      if (doc.has(s)) return String.valueOf(doc.get(s));
      return templates.render(s, doc);
    }
    if (text instanceof Long n) return String.valueOf(n);
    if (text == null) throw new IllegalArgumentException("the task has no doc_to_text");
    throw new IllegalArgumentException("doc_to_text must be a column, a template or a function, got " + text);
  }

  public List<Visual> visuals(Doc doc) {
    if (visual == null) return List.of();
    if (visual instanceof TaskFunction.DocToVisual f) return f.apply(doc, specificKwargs);
    if (visual instanceof String col) return toVisuals(doc.get(col));
    throw new IllegalArgumentException("doc_to_visual must be a column or a function, got " + visual);
  }

  /** A column value as visuals: images, lists of images, or video paths. */
  public static List<Visual> toVisuals(Object value) {
    List<Visual> out = new ArrayList<>();
    if (value == null) return out;
    if (value instanceof ImageData img) out.add(Visual.image(img));
    else if (value instanceof String path) out.add(Visual.video(Path.of(path)));
    else if (value instanceof List<?> list) list.forEach(v -> out.addAll(toVisuals(v)));
    else if (value instanceof Visual v) out.add(v);
    else throw new IllegalArgumentException("cannot use a " + value.getClass().getSimpleName() + " as an image or video");
    return out;
  }

  /** {@code doc_to_target}: a Python-typed str, int or list. */
  public Object target(Doc doc) {
    if (target instanceof TaskFunction.DocToTarget f) return f.apply(doc, targetKwargs);
    if (target instanceof Long || target instanceof List<?>) return target;
    if (target instanceof String s) {
      if (doc.has(s)) return doc.get(s);
      String rendered = templates.render(s, doc);
      if (isDigits(rendered) && choice != null) return PyLiteral.parse(rendered);
      if (rendered.length() >= 2 && rendered.startsWith("[") && rendered.endsWith("]")) {
        try {
          return PyLiteral.parse(rendered);
        } catch (IllegalArgumentException e) {
          return rendered;
        }
      }
      return rendered;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  public List<String> choices(Doc doc) {
    if (choice == null) throw new IllegalArgumentException("the task has no doc_to_choice");
    if (choice instanceof TaskFunction.DocToChoice f) return f.apply(doc);
    if (choice instanceof List<?> l) return l.stream().map(String::valueOf).toList();
    if (choice instanceof Map<?, ?> m) return m.values().stream().map(String::valueOf).toList();
    if (choice instanceof String s) {
      Object v = doc.has(s) ? doc.get(s) : PyLiteral.parse(templates.render(s, doc));
      if (v instanceof List<?> l) return (List<String>) l.stream().map(String::valueOf).toList();
      throw new IllegalArgumentException("doc_to_choice must give a list, got " + v);
    }
    throw new IllegalArgumentException("doc_to_choice must be a column, a template, a list or a function");
  }

  /** Python's {@code str.isdigit()} for ASCII and Unicode digits. */
  private static boolean isDigits(String s) {
    if (s.isEmpty()) return false;
    return s.codePoints().allMatch(Character::isDigit);
  }
}
