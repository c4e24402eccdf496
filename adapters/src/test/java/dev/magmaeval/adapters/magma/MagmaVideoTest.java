package dev.magmaeval.adapters.magma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.magmaeval.harness.api.GenerationKwargs;
import dev.magmaeval.harness.api.ImageData;
import dev.magmaeval.harness.api.MediaException;
import dev.magmaeval.harness.api.ModelArgs;
import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.Request;
import dev.magmaeval.harness.api.RequestId;
import dev.magmaeval.harness.api.Response;
import dev.magmaeval.harness.api.Visual;
import dev.magmaeval.harness.media.FrameIndices;
import dev.magmaeval.harness.media.VideoFrameSampler;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model magma} with real videos: the default provider samples frames with FFmpeg on the twin. */
class MagmaVideoTest {
  /** 97 frames of 100x60 H.264 (harness/src/test/resources/media, MediaTestVideos). */
  static final Path VIDEO = Path.of("../harness/src/test/resources/media/h264_100x60_97f.mp4");
  static final String QUESTION = "What moves in the video?";

  @TempDir Path tmp;

  static ModelBackend open(Map<String, Object> extra) throws Exception {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("pretrained", TinyMagma.dir().toString());
    args.put("threads", 1L);
    args.putAll(extra);
    return new MagmaProvider().open(new ModelArgs("", args), MagmaBackendTest.context());
  }

  private int nextDoc;

  Request.Generation request(List<Visual> visuals, Map<String, Object> kwargs) {
    return new Request.Generation(new RequestId("video", nextDoc++, 0, "test"), QUESTION, visuals,
        GenerationKwargs.of(kwargs));
  }

  @Test
  void aVideoIsItsLinspaceFramesEachPreprocessedAsAStillImage() throws Exception {
    long[] indices = FrameIndices.linspace(97, 4);
    assertThat(indices).containsExactly(0, 32, 64, 96);
    List<Visual> stills = new ArrayList<>();
    for (BufferedImage frame : VideoFrameSampler.sequential().sampleIndices(VIDEO, indices).frames()) {
      stills.add(Visual.image(ImageData.of(frame, "frame.png")));
    }
    Map<String, Object> kwargs = Map.of("max_new_tokens", 8L, "max_frames_num", 4L);
    try (ModelBackend magma = open(Map.of("num_crops", 1L))) {
      Request.Generation video = request(List.of(Visual.video(VIDEO)), kwargs);
      magma.prepare(video); // as the engine does, on a worker thread
      Response.Text fromVideo = (Response.Text) magma.generateUntil(List.of(video)).get(0);
      Response.Text fromStills = (Response.Text) magma.generateUntil(List.of(request(stills, kwargs))).get(0);
      assertThat(fromVideo).isEqualTo(fromStills);
      assertThat(fromVideo.tokens().inputTokens()).as("4 frames of one 16x17-token crop").isGreaterThan(4 * 272);
    }
  }

  @Test
  void thirtyTwoFramesOverflowTheContextAndAreWarnedAbout() throws Exception {
    List<String> warnings = new ArrayList<>();
    Logger logger = Logger.getLogger(MagmaBackend.class.getName());
    Handler handler = new Handler() {
      @Override public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) warnings.add(r.getMessage());
      }

      @Override public void flush() {}

      @Override public void close() {}
    };
    logger.addHandler(handler);
    try {
      try (ModelBackend magma = open(Map.of())) {
        Map<String, Object> kwargs = Map.of("max_new_tokens", 1L);
        List<Response> out = magma.generateUntil(List.of(request(List.of(Visual.video(VIDEO)), kwargs),
            request(List.of(Visual.video(VIDEO)), kwargs)));
        int input = ((Response.Text) out.get(0)).tokens().inputTokens();
        assertThat(input).as("32 frames x 272 tokens + text").isGreaterThan(32 * 272);
        assertThat(warnings).singleElement().asString().contains("prompt of " + input + " tokens",
            "exceeds the model's context of 8192");
      }
      assertThat(warnings).hasSize(2).last().asString().contains("2 prompts exceeded the model's context of 8192");
    } finally {
      logger.removeHandler(handler);
    }
  }

  @Test
  void aCorruptVideoFailsItsRequestAloneNamingTheFile() throws Exception {
    Path corrupt = tmp.resolve("corrupt.mp4");
    byte[] bytes = Files.readAllBytes(VIDEO);
    Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    Request.Generation bad = request(List.of(Visual.video(corrupt)), Map.of("max_new_tokens", 2L, "max_frames_num", 2L));
    Request.Generation good = request(List.of(Visual.video(VIDEO)), Map.of("max_new_tokens", 2L, "max_frames_num", 2L));
    try (ModelBackend magma = open(Map.of())) {
      assertThatThrownBy(() -> magma.prepare(bad)).isInstanceOf(MediaException.class).hasMessageContaining(
          corrupt.toString());
      List<Response> out = magma.generateUntil(List.of(bad, good));
      assertThat(((Response.Failure) out.get(0)).error()).contains(corrupt.toString());
      assertThat(out.get(1)).isInstanceOf(Response.Text.class);
    }
  }

  @Test
  void theFrameCountComesFromTheRequestThenTheModelArgs() throws Exception {
    List<Integer> asked = new ArrayList<>();
    FrameSource counting = (video, n) -> {
      asked.add(n);
      return List.of(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR));
    };
    Map<String, Object> args = new LinkedHashMap<>(Map.of("pretrained", TinyMagma.dir().toString(),
        "max_frames_num", 6L));
    try (ModelBackend magma = new MagmaProvider(counting).open(new ModelArgs("", args), MagmaBackendTest.context())) {
      magma.prepare(request(List.of(Visual.video(VIDEO)), Map.of()));
      magma.prepare(request(List.of(Visual.video(VIDEO)), Map.of("frame_num", 3L)));
      magma.prepare(request(List.of(Visual.video(VIDEO)), Map.of("max_frames_num", 2L, "frame_num", 3L)));
    }
    assertThat(asked).containsExactly(6, 3, 2);
  }
}
