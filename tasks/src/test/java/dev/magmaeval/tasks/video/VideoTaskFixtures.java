package dev.magmaeval.tasks.video;

import dev.magmaeval.harness.media.SyntheticVideo;
import dev.magmaeval.tasks.video.FixtureFiles.Column;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the video-task fixtures under {@code scripts/fixtures/}: dataset files in each dataset's real schema and
 * hub-cache layout ({@code hub/datasets--<org>--<name>/snapshots/<sha>/...}), the videos where lmms-eval finds them
 * under a fixture HF_HOME ({@code hf_home/<cache_dir>/...}; MVBench's inside its {@code video}-branch snapshot, which
 * lmms-eval links as the cache dir), IntentQA's CSV and videos under {@code hub/IntentQA/}, and the docs as JSON
 * for the lmms-eval oracle ({@code video/docs/<task>.json}). Run by {@code scripts/fixtures/generate_video.sh}.
 */
public final class VideoTaskFixtures {
  private final Path root;
  private final Path hub;
  private final Path hfHome;
  private int videoNo;

  private VideoTaskFixtures(Path root) {
    this.root = root;
    this.hub = root.resolve("hub");
    this.hfHome = root.resolve("hf_home");
  }

  public static void main(String[] args) {
    VideoTaskFixtures f = new VideoTaskFixtures(Path.of(args.length > 0 ? args[0] : "scripts/fixtures"));
    f.videomme();
    f.mvbench();
    f.nextqa();
    f.egoschema();
    f.perceptiontest();
    f.intentqa();
  }

  /** A 64x48 H.264 clip of 30 to 50 frames at 25 fps; lengths differ so frame indices differ between videos. */
  private void video(Path file) {
    int frames = 30 + (videoNo++ * 7) % 21;
    SyntheticVideo.write(file, SyntheticVideo.Spec.h264(frames));
  }

  private static Map<String, Object> doc(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  private void oracleDocs(String task, List<Map<String, Object>> docs) {
    FixtureFiles.json(root.resolve("video/docs/" + task + ".json"), docs);
  }

  private void videomme() {
    String[][] videos = {
        {"001", "short", "Knowledge", "Humanity & History", "Fx3vQ8bk2Lc"},
        {"302", "medium", "Sports Competition", "Basketball", "p0Vq7mT1aZs"},
        {"641", "long", "Life Record", "Travel", "Kd92hWq0nEo"}};
    String[] tasks = {"Temporal Perception", "Counting Problem", "Action Reasoning", "Object Recognition",
        "OCR Problems", "Information Synopsis"};
    String[] answers = {"A", "C", "B", "D", "A", "B"};
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String[] v = videos[i / 2];
      rows.add(doc("video_id", v[0], "duration", v[1], "domain", v[2], "sub_category", v[3],
          "url", "https://www.youtube.com/watch?v=" + v[4], "videoID", v[4], "question_id", v[0] + "-" + (i % 2 + 1),
          "task_type", tasks[i], "question", "Question " + (i + 1) + " about what happens in the clip?",
          "options", List.of("A. a red square", "B. a moving disc", "C. three people", "D. nothing at all"),
          "answer", answers[i]));
    }
    Path snap = FixtureFiles.snapshot(hub, "lmms-lab/Video-MME", "main");
    FixtureFiles.parquet(snap.resolve("videomme/test-00000-of-00001.parquet"), List.of(
        new Column("video_id", "VARCHAR"), new Column("duration", "VARCHAR"), new Column("domain", "VARCHAR"),
        new Column("sub_category", "VARCHAR"), new Column("url", "VARCHAR"), new Column("videoID", "VARCHAR"),
        new Column("question_id", "VARCHAR"), new Column("task_type", "VARCHAR"), new Column("question", "VARCHAR"),
        new Column("options", "VARCHAR[]"), new Column("answer", "VARCHAR")), rows);
    FixtureFiles.text(snap.resolve("README.md"), card("videomme", "test", "videomme/test-*"));
    for (String[] v : videos) video(hfHome.resolve("videomme/data/" + v[4] + ".mp4"));
    oracleDocs("videomme", rows);
  }

  /** lmms-eval's mvbench/utils.py DATA_LIST: subtask to folder in the video branch, and a file name in its style. */
  static final Map<String, String[]> MVBENCH = new LinkedHashMap<>();

  static {
    MVBENCH.put("action_sequence", new String[] {"star/Charades_segment", "6H78U_3.mp4"});
    MVBENCH.put("moving_count", new String[] {"clevrer/video_validation", "video_10009.mp4"});
    MVBENCH.put("action_prediction", new String[] {"star/Charades_segment", "ZS9XR_7.mp4"});
    MVBENCH.put("episodic_reasoning", new String[] {"tvqa/video_fps3_hq_segment", "s04e09_seg02_clip_05.mp4"});
    MVBENCH.put("action_antonym", new String[] {"ssv2_video_mp4", "142103.mp4"});
    MVBENCH.put("action_count", new String[] {"perception/videos", "video_10909.mp4"});
    MVBENCH.put("scene_transition", new String[] {"scene_qa/video", "2JHkrTgl9WY_clip.mp4"});
    MVBENCH.put("object_shuffle", new String[] {"perception/videos", "video_3219.mp4"});
    MVBENCH.put("object_existence", new String[] {"clevrer/video_validation", "video_10161.mp4"});
    MVBENCH.put("fine_grained_pose", new String[] {"nturgbd_convert", "S012C001P008R001A059_rgb.mp4"});
    MVBENCH.put("unexpected_action", new String[] {"FunQA_test/test", "H_H_73_2380_2537.mp4"});
    MVBENCH.put("moving_direction", new String[] {"clevrer/video_validation", "video_10240.mp4"});
    MVBENCH.put("state_change", new String[] {"perception/videos", "video_8327.mp4"});
    MVBENCH.put("object_interaction", new String[] {"star/Charades_segment", "YSKX3_12.mp4"});
    MVBENCH.put("character_order", new String[] {"perception/videos", "video_1247.mp4"});
    MVBENCH.put("action_localization", new String[] {"sta/sta_video_segment", "fT5c4K6d_4.mp4"});
    MVBENCH.put("counterfactual_inference", new String[] {"clevrer/video_validation", "video_10577.mp4"});
    MVBENCH.put("fine_grained_action", new String[] {"Moments_in_Time_Raw/videos", "juggling_12.mp4"});
    MVBENCH.put("moving_attribute", new String[] {"clevrer/video_validation", "video_10033.mp4"});
    MVBENCH.put("egocentric_navigation", new String[] {"vlnqa", "ep_1087_4.mp4"});
  }

  private void mvbench() {
    // lmms-eval reads revision "video" (dataset_kwargs.revision) and links that snapshot as $HF_HOME/mvbench_video.
    Path snap = FixtureFiles.snapshot(hub, "OpenGVLab/MVBench", "video", "main");
    StringBuilder configs = new StringBuilder("---\nconfigs:\n");
    int t = 0;
    for (Map.Entry<String, String[]> e : MVBENCH.entrySet()) {
      String task = e.getKey();
      String folder = e.getValue()[0];
      String file = e.getValue()[1];
      List<String> two = List.of("Yes.", "No.");
      List<String> four = List.of("The disc moves left.", "The disc moves right.", "The disc stays.", "It jumps.");
      List<Map<String, Object>> rows = List.of(
          doc("video", file, "question", "What does the disc do in " + task.replace('_', ' ') + "?",
              "candidates", four, "answer", four.get(t % 4)),
          doc("video", file, "question", "Is there a disc?", "candidates", two, "answer", two.get(t % 2)));
      FixtureFiles.json(snap.resolve("json/" + task + ".json"), rows);
      configs.append("- config_name: ").append(task).append("\n  data_files:\n  - split: train\n    path: json/")
          .append(task).append(".json\n");
      Path video = snap.resolve(folder).resolve(file);
      if (!video.toFile().exists()) video(video);
      oracleDocs("mvbench_" + task, rows);
      t++;
    }
    FixtureFiles.text(snap.resolve("README.md"), configs.append("---\n# MVBench (magma-eval test fixture)\n").toString());
  }

  private void nextqa() {
    String[] videos = {"4010069381", "3377480446", "5333075105"};
    String[] types = {"CW", "TN", "DC", "CH", "TC"};
    long[] answers = {0, 3, 4, 1, 2};
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(doc("video", videos[i % 3], "frame_count", 40 + i, "width", 64, "height", 48,
          "question", " why does the disc move to the " + (i % 2 == 0 ? "left" : "right") + " ",
          "answer", answers[i], "qid", 3 + i, "type", types[i],
          "a0", "to catch the ball", "a1", " it is pushed", "a2", "gravity", "a3", "to reach the corner ",
          "a4", "it is not moving"));
    }
    Path snap = FixtureFiles.snapshot(hub, "lmms-lab/NExTQA", "main");
    FixtureFiles.parquet(snap.resolve("MC/test-00000-of-00001.parquet"), List.of(
        new Column("video", "VARCHAR"), new Column("frame_count", "INTEGER"), new Column("width", "INTEGER"),
        new Column("height", "INTEGER"), new Column("question", "VARCHAR"), new Column("answer", "BIGINT"),
        new Column("qid", "INTEGER"), new Column("type", "VARCHAR"), new Column("a0", "VARCHAR"),
        new Column("a1", "VARCHAR"), new Column("a2", "VARCHAR"), new Column("a3", "VARCHAR"),
        new Column("a4", "VARCHAR")), rows);
    FixtureFiles.text(snap.resolve("README.md"), card("MC", "test", "MC/test-*"));
    for (String v : videos) video(hfHome.resolve("nextqa/NExTVideo/" + v + ".mp4"));
    oracleDocs("nextqa_mc_test", rows);
  }

  private void egoschema() {
    String[] videos = {"0074f737-11cb-497d-8d07-77c3a8127391", "00b9a0de-c59e-49cb-a127-6081e2fb8c8e",
        "00faf954-74c4-4c0b-a7ff-0f7e7f2b8d4f", "01b37a4a-8ff4-4c77-8d5d-fb7c39e0ea46",
        "02b2b6d4-3c2e-4a7d-9c9e-cb4a1f3de1a2"};
    String[] answers = {"0", "3", "4", "1", "2"};
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(doc("question_idx", String.valueOf(i), "question",
          "What is the overarching activity c performs in the video " + (i + 1) + "?", "video_idx", videos[i],
          "option", List.of("A. c cooks a meal", "B. c cleans the room", "C. c paints a wall",
              "D. c repairs a bike", "E. c reads a book"), "answer", answers[i]));
    }
    Path snap = FixtureFiles.snapshot(hub, "lmms-lab/egoschema", "main");
    FixtureFiles.parquet(snap.resolve("Subset/test-00000-of-00001.parquet"), List.of(
        new Column("question_idx", "VARCHAR"), new Column("question", "VARCHAR"), new Column("video_idx", "VARCHAR"),
        new Column("option", "VARCHAR[]"), new Column("answer", "VARCHAR")), rows);
    FixtureFiles.text(snap.resolve("README.md"), card("Subset", "test", "Subset/test-*"));
    for (String v : videos) video(hfHome.resolve("egoschema/videos/" + v + ".mp4"));
    oracleDocs("egoschema_subset", rows);
  }

  private void perceptiontest() {
    String[] videos = {"video_10909", "video_7021", "video_11476"};
    String[] answers = {"0", "2", "1", "2", "0"};
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(doc("video_name", videos[i % 3], "question", "How many times does the disc cross the frame?",
          "question_id", String.valueOf(i), "options", List.of("0", "1", "2"), "answer_id", answers[i],
          "area", i % 2 == 0 ? "memory" : "physics", "reasoning", "descriptive",
          "tag", List.of("motion", "counting")));
    }
    Path snap = FixtureFiles.snapshot(hub, "lmms-lab/PerceptionTest_Val", "main");
    FixtureFiles.parquet(snap.resolve("mc_question_val/validation-00000-of-00001.parquet"), List.of(
        new Column("video_name", "VARCHAR"), new Column("question", "VARCHAR"), new Column("question_id", "VARCHAR"),
        new Column("options", "VARCHAR[]"), new Column("answer_id", "VARCHAR"), new Column("area", "VARCHAR"),
        new Column("reasoning", "VARCHAR"), new Column("tag", "VARCHAR[]")), rows);
    FixtureFiles.text(snap.resolve("README.md"),
        card("mc_question_val", "validation", "mc_question_val/validation-*"));
    for (String v : videos) video(hfHome.resolve("perceptiontest_val/videos/" + v + ".mp4"));
    oracleDocs("perceptiontest_val_mc", rows);
  }

  private void intentqa() {
    // Columns of IntentQA's datasets/IntentQA/test.csv (github.com/JoseponLee/IntentQA at 0233a47).
    List<String> header = List.of("video_id", "frame_count", "width", "height", "question", "answer", "qid", "type",
        "a0", "a1", "a2", "a3", "a4", "action", "lemma", "lemma_id");
    String[] videos = {"4882821564", "6233408665", "3138311496"};
    String[] types = {"CW", "CH", "TN", "TP", "CW"};
    long[] answers = {2, 0, 4, 1, 3};
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rows.add(doc("video_id", Long.parseLong(videos[i % 3]), "frame_count", 40 + i, "width", 64, "height", 48,
          "question", "why did the boy pick up the ball at the end", "answer", answers[i], "qid", i + 1,
          "type", types[i], "a0", "to throw it", "a1", "to clean up", "a2", "to give it to the dog",
          "a3", "to play again", "a4", "because it rolled away", "action", "pick up", "lemma", "pick",
          "lemma_id", 7));
    }
    Path dir = hub.resolve("IntentQA");
    FixtureFiles.csv(dir.resolve("test.csv"), header, rows);
    for (String v : videos) video(dir.resolve("videos/" + v + ".mp4"));
    oracleDocs("intentqa", rows);
  }

  /** A dataset card whose YAML front matter maps one config's split to its files, as the Hub's cards do. */
  private static String card(String config, String split, String path) {
    return "---\nconfigs:\n- config_name: " + config + "\n  data_files:\n  - split: " + split + "\n    path: " + path
        + "\n---\n# magma-eval test fixture in this dataset's schema\n";
  }
}
