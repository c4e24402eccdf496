package dev.magmaeval.adapters.magma;

import dev.magmaeval.harness.api.ModelArgs;
import dev.magmaeval.harness.api.ModelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --model_args} of the magma backend:
 *
 * <ul>
 *   <li>{@code pretrained=DIR}: a folder written by scripts/export_magma_onnx.py (required);
 *   <li>{@code device=cpu|cuda[:N]} (default: {@code --device}, else cpu);
 *   <li>{@code dtype=fp32|fp16} (default: the folder's default export; {@code auto} too);
 *   <li>{@code threads=N}: ONNX Runtime intra-op threads (default 0: its own choice);
 *   <li>{@code num_crops=N}: crops per image (default: the processor's, 4);
 *   <li>{@code video_num_crops=N}: crops per video frame (default 1);
 *   <li>{@code max_frames_num=N}: frames per video (default 32, as the wrapper);
 *   <li>{@code honor_until=true|false}: stop at the task's {@code until} strings (default true; Magma's wrapper
 *       ignores them, false reproduces that);
 *   <li>{@code batch_mode=padded|sequential}: decode a batch's rows together, left-padded (default), or one after
 *       the other. Both compute what batch size 1 computes; padded rows can differ from it in the last bit of a
 *       logit (reduction order over the padded length), sequential is bit-identical to batch size 1.
 * </ul>
 */
public record MagmaOptions(
    Path pretrained, Execution execution, String dtype, Integer numCrops, int videoNumCrops, int maxFrames,
    boolean honorUntil, boolean sequential) {

  static final String MODEL = "magma";
  static final Set<String> KNOWN = Set.of("pretrained", "device", "dtype", "threads", "num_crops", "video_num_crops",
      "max_frames_num", "honor_until", "batch_mode");

  public static MagmaOptions parse(ModelArgs args, ModelContext context) {
    args.requireKnown(MODEL, KNOWN);
    String raw = args.require("pretrained", MODEL);
    Path dir = context.workingDirectory().resolve(raw).normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--model_args pretrained=" + raw + ": no such folder (" + dir + ")");
    }
    String device = args.string("device", context.device() != null ? context.device() : "cpu");
    int threads = positive(args, "threads", 0, true);
    Integer crops = args.has("num_crops") ? positive(args, "num_crops", 4, false) : null;
    return new MagmaOptions(dir, Execution.parse(device, threads), dtype(args.string("dtype", "auto")), crops,
        positive(args, "video_num_crops", 1, false), positive(args, "max_frames_num", 32, false),
        args.bool("honor_until", true), sequential(args.string("batch_mode", "padded")));
  }

  private static boolean sequential(String mode) {
    return switch (mode) {
      case "padded" -> false;
      case "sequential" -> true;
      default -> throw new IllegalArgumentException("--model_args batch_mode=" + mode + " (known: padded, sequential)");
    };
  }

  private static String dtype(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "auto" -> null;
      case "fp32", "float32", "float" -> "fp32";
      case "fp16", "float16", "half" -> "fp16";
      default -> throw new IllegalArgumentException("--model_args dtype=" + raw + " (known: fp32, fp16, auto;"
          + " bf16 is not exported, use fp16)");
    };
  }

  private static int positive(ModelArgs args, String key, int fallback, boolean zeroOk) {
    int v = args.integer(key, fallback);
    if (v < 0 || (v == 0 && !zeroOk)) {
      throw new IllegalArgumentException("--model_args " + key + "=" + v + " must be " + (zeroOk ? ">= 0" : "> 0"));
    }
    return v;
  }
}
