package dev.magmaeval.harness.run;

import dev.magmaeval.harness.api.Doc;
import dev.magmaeval.harness.dataset.DatasetFiles;
import dev.magmaeval.harness.dataset.DocReader;
import dev.magmaeval.harness.task.TaskDefinition;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A task's evaluation docs, streamed: the split's rows, then {@code process_docs}, numbered from 0 as lmms-eval's
 * {@code doc_id}s are. Without {@code process_docs}, a doc range is read directly; with it, the stream starts at
 * the first row. Each call opens its own reader, closed with the stream.
 */
public final class TaskDocs {
  private final TaskDefinition task;
  private final DatasetFiles files;
  private Long count;
  private List<String> mediaColumns;

  public TaskDocs(TaskDefinition task, DatasetFiles files) {
    this.task = task;
    this.files = files;
  }

  public DatasetFiles files() {
    return files;
  }

  /** {@code len(eval_docs)}: rows after process_docs. */
  public long count() {
    if (count == null) {
      try (DocReader reader = new DocReader(files)) {
        mediaColumns = reader.mediaColumns();
        if (task.processDocs() == null) {
          count = reader.count();
        } else {
          try (Stream<Doc> s = processed(reader, false)) {
            count = s.count();
          }
        }
      }
    }
    return count;
  }

  /** Image columns of the dataset (lmms-eval strips them before process_results unless asked not to). */
  public List<String> mediaColumns() {
    if (mediaColumns == null) count();
    return mediaColumns;
  }

  /** Docs with ids in {@code [from, to)}; with {@code media}, image bytes are read along with each page. */
  public Stream<Doc> docs(long from, long to, boolean media) {
    DocReader reader = new DocReader(files);
    Stream<Doc> out;
    if (task.processDocs() == null) {
      Iterator<Map<String, Object>> rows = reader.rows(from, to, media);
      AtomicInteger id = new AtomicInteger((int) from);
      out = stream(rows).map(r -> new Doc(id.getAndIncrement(), r, origin()));
    } else {
      out = processed(reader, media).skip(from).limit(Math.max(0, to - from));
    }
    return out.onClose(reader::close);
  }

  private Stream<Doc> processed(DocReader reader, boolean media) {
    AtomicInteger raw = new AtomicInteger();
    Stream<Doc> rows = stream(reader.rows(0, reader.count(), media))
        .map(r -> new Doc(raw.getAndIncrement(), r, origin()));
    AtomicInteger id = new AtomicInteger();
    return task.processDocs().apply(rows).map(d -> d.withId(id.getAndIncrement()));
  }

  private String origin() {
    return files.describe();
  }

  private static <T> Stream<T> stream(Iterator<T> it) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
  }
}
