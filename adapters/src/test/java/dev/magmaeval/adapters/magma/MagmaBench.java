package dev.magmaeval.adapters.magma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.harness.api.ImageData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the tiny twin through ONNX Runtime on the reference prompts, end to end per sample (image decode,
 * preprocessing, tokenization, vision, prefill, greedy decode). Run by scripts/bench/magma_bench.sh, which runs
 * the PyTorch eager reference on the same prompts. Prints one JSON line per batch size.
 *
 * <p>Usage: {@code MagmaBench <model dir> <threads> <repetitions>}
 */
public final class MagmaBench {
  private MagmaBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int reps = Integer.parseInt(args[2]);
    JsonNode ref = new ObjectMapper().readTree(dir.resolve("reference/reference.json").toFile());
    int maxNew = ref.path("max_new_tokens").asInt();
    List<JsonNode> cases = new ArrayList<>();
    ref.path("generation").forEach(cases::add);
    MagmaConfig config = MagmaConfig.load(dir);
    try (MagmaTokenizer tokenizer = MagmaTokenizer.load(dir, config);
        MagmaSessions sessions = MagmaSessions.open(dir, config, config.defaultDtype(), new Execution(false, 0, threads), Map.of())) {
      Generator generator = new Generator(sessions, tokenizer, config);
      ChatPrompt chat = new ChatPrompt(config.tokens(), config.systemPrompt(), config.imageStartEnd());
      ImagePreprocessor pre = new ImagePreprocessor(config.image().mean(), config.image().std(), 512);
      for (int batch : new int[] {1, 4}) {
        run(dir, ref.path("pixel_values"), cases, chat, tokenizer, pre, generator, maxNew, batch); // warm-up
        double[] seconds = new double[reps];
        int tokens = 0;
        for (int r = 0; r < reps; r++) {
          long t0 = System.nanoTime();
          tokens = run(dir, ref.path("pixel_values"), cases, chat, tokenizer, pre, generator, maxNew, batch);
          seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[reps / 2];
        System.out.printf(java.util.Locale.ROOT,
            "{\"impl\": \"java-onnxruntime\", \"batch\": %d, \"threads\": %d, \"samples\": %d, \"new_tokens\": %d, "
                + "\"median_s\": %.4f, \"samples_per_s\": %.3f, \"tokens_per_s\": %.2f}%n",
            batch, threads, cases.size(), tokens, median, cases.size() / median, tokens / median);
      }
    }
  }

  private static int run(Path dir, JsonNode files, List<JsonNode> cases, ChatPrompt chat, MagmaTokenizer tokenizer,
      ImagePreprocessor pre, Generator generator, int maxNew, int batch) throws Exception {
    int tokens = 0;
    for (int start = 0; start < cases.size(); start += batch) {
      List<Generator.Prompt> prompts = new ArrayList<>();
      for (JsonNode c : cases.subList(start, Math.min(cases.size(), start + batch))) {
        List<PixelValues> images = new ArrayList<>();
        for (JsonNode name : c.path("images")) {
          Path p = dir.resolve("reference/images").resolve(files.path(name.asText()).path("file").asText());
          ImageData data = ImageData.encoded(Files.readAllBytes(p), p.getFileName().toString(), "bench");
          images.add(pre.process(RgbImage.of(data.decode()), 4));
        }
        long[] ids = tokenizer.encode(chat.generation(c.path("question").asText(), images.size()));
        prompts.add(new Generator.Prompt(ids, images));
      }
      List<Generator.Output> outs = generator.generate(prompts, new Generator.Limits(maxNew, List.of()));
      for (int i = 0; i < outs.size(); i++) {
        JsonNode expected = cases.get(start + i).path("tokens");
        long[] got = outs.get(i).tokens();
        if (got.length != expected.size()) throw new IllegalStateException("tokens differ from the reference");
        for (int k = 0; k < got.length; k++) {
          if (got[k] != expected.get(k).asLong()) throw new IllegalStateException("tokens differ from the reference");
        }
        tokens += got.length;
      }
    }
    return tokens;
  }

}
