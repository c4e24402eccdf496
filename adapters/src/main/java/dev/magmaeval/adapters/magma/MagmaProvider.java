package dev.magmaeval.adapters.magma;

import dev.magmaeval.harness.api.ModelArgs;
import dev.magmaeval.harness.api.ModelBackend;
import dev.magmaeval.harness.api.ModelContext;
import dev.magmaeval.harness.api.ModelProvider;

/** {@code --model magma}: Magma-8B exported to ONNX (scripts/export_magma_onnx.py), run by ONNX Runtime. */
public final class MagmaProvider implements ModelProvider {
  private final FrameSource frames;

  public MagmaProvider() {
    this(FrameSource.NONE);
  }

  /** With a video frame sampler (each frame is fed as one image). */
  public MagmaProvider(FrameSource frames) {
    this.frames = frames;
  }

  @Override
  public String name() {
    return MagmaOptions.MODEL;
  }

  @Override
  public String description() {
    return "Magma-8B on ONNX Runtime (pretrained=<folder from scripts/export_magma_onnx.py>, device=cpu|cuda[:N],"
        + " dtype=fp32|fp16, threads=N, num_crops=N)";
  }

  @Override
  public ModelBackend open(ModelArgs args, ModelContext context) throws Exception {
    MagmaOptions options = MagmaOptions.parse(args, context);
    MagmaConfig config = MagmaConfig.load(options.pretrained());
    String dtype = options.dtype() != null ? options.dtype() : config.defaultDtype();
    MagmaTokenizer tokenizer = MagmaTokenizer.load(options.pretrained(), config);
    try {
      MagmaSessions sessions =
          MagmaSessions.open(options.pretrained(), config, dtype, options.execution(), context.environment());
      return new MagmaBackend(options, config, dtype, sessions, tokenizer, frames);
    } catch (Exception | Error e) {
      tokenizer.close();
      throw e;
    }
  }
}
