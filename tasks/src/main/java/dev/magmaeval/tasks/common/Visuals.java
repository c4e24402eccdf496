package dev.magmaeval.tasks.common;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.api.Visual;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The usual {@code doc_to_visual} shapes of lmms-eval's image tasks. */
public final class Visuals {
  private static final Pattern NUMBERED = Pattern.compile("^image_\\d+$");

  private Visuals() {}

  /**
   * {@code [doc[column].convert("RGB")]}. A null image (where upstream's {@code .convert} would raise) fails this
   * sample alone, naming the doc and the column.
   */
  public static List<Visual> single(Doc doc, String column) {
    ImageData image = doc.image(column);
    if (image == null) {
      throw new MediaException("doc " + doc.id() + ": column '" + column + "' holds no image"
          + (doc.origin().isEmpty() ? "" : " (" + doc.origin() + ")"));
    }
    return List.of(Visual.image(image));
  }

  /**
   * Every column named {@code image_<n>} (BLINK, MMMU-style docs), in the dataset's column order, skipping null
   * ones: lmms-eval's {@code [doc[k] for k in doc.keys() if re.match(r"^image_\d+$", k) and doc[k] is not None]}.
   */
  public static List<Visual> numbered(Doc doc) {
    List<Visual> out = new ArrayList<>();
    for (String key : doc.fields().keySet()) {
      if (!NUMBERED.matcher(key).matches()) continue;
      ImageData image = doc.image(key);
      if (image != null) out.add(Visual.image(image));
    }
    return out;
  }
}
