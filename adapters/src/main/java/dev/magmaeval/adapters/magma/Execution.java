package dev.magmaeval.adapters.magma;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the sessions run: {@code device=cpu} or {@code cuda[:N]}, with {@code threads} intra-op threads (0: ONNX
 * Runtime's default). CUDA that cannot be loaded is an error naming what is missing, never a quiet CPU fallback.
 */
record Execution(boolean cuda, int deviceId, int threads) {

  /** The CUDA 12 / cuDNN 9 libraries the onnxruntime_gpu jar's CUDA provider loads (java-runtime spec, 1d). */
  static final List<String> CUDA_LIBRARIES = List.of("libcudart.so.12", "libcublas.so.12", "libcublasLt.so.12",
      "libcurand.so.10", "libcufft.so.11", "libcudnn.so.9");

  static Execution parse(String device, int threads) {
    String d = device.trim().toLowerCase(java.util.Locale.ROOT);
    if (d.equals("cpu")) return new Execution(false, 0, threads);
    if (d.equals("cuda")) return new Execution(true, 0, threads);
    if (d.startsWith("cuda:")) {
      try {
        return new Execution(true, Integer.parseInt(d.substring(5)), threads);
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw new IllegalArgumentException("--model_args device='" + device + "' (known: cpu, cuda, cuda:N)");
  }

  String describe() {
    return cuda ? "cuda:" + deviceId : "cpu";
  }

  OrtSession.SessionOptions options(Map<String, String> environment) throws OrtException {
    OrtEnvironment.getEnvironment(); // before any provider is added, so that its errors reach ORT's logger
    OrtSession.SessionOptions so = new OrtSession.SessionOptions();
    so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    if (threads > 0) so.setIntraOpNumThreads(threads);
    if (cuda) {
      if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
        so.close();
        throw new IllegalStateException("device=" + describe() + " needs the CUDA build of ONNX Runtime, but this "
            + "build bundles the CPU one: rebuild with -Pgpu (onnxruntime_gpu) or start the JVM with "
            + "-Donnxruntime.native.path=<folder with the GPU natives>");
      }
      try {
        so.addCUDA(deviceId);
      } catch (OrtException | RuntimeException e) {
        so.close();
        throw new IllegalStateException("device=" + describe() + ": ONNX Runtime could not load its CUDA provider ("
            + firstLine(e.getMessage()) + "); " + missingLibraries(environment));
      }
    }
    return so;
  }

  /** Which CUDA/cuDNN libraries are not in LD_LIBRARY_PATH or the usual folders. */
  static String missingLibraries(Map<String, String> environment) {
    Set<Path> dirs = new LinkedHashSet<>();
    String ld = environment.getOrDefault("LD_LIBRARY_PATH", "");
    for (String p : ld.split(":")) {
      if (!p.isBlank()) dirs.add(Path.of(p));
    }
    for (String p : List.of("/usr/local/cuda/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib")) {
      dirs.add(Path.of(p));
    }
    List<String> missing = new ArrayList<>();
    for (String lib : CUDA_LIBRARIES) {
      if (dirs.stream().noneMatch(d -> Files.exists(d.resolve(lib)))) missing.add(lib);
    }
    return missing.isEmpty()
        ? "all of " + CUDA_LIBRARIES + " were found; check the driver (nvidia-smi) and the device index"
        : "missing CUDA 12 / cuDNN 9 libraries: " + String.join(", ", missing) + " (searched LD_LIBRARY_PATH and "
            + "/usr/local/cuda/lib64, /usr/lib/x86_64-linux-gnu, /usr/lib64, /usr/lib)";
  }

  private static String firstLine(String s) {
    if (s == null) return "no message";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
