package dev.magmaeval.metrics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.magmaeval.metrics.py.PyRepr;
import dev.magmaeval.metrics.vqa.VqaAccuracy;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the samples of scripts/bench/metrics_vqav2_gen.py with {@link VqaAccuracy#vqav2Dicts} on one thread and
 * prints samples/s (best of the timed rounds, after warm-up rounds) and the same per-doc SHA-256 as the Python run.
 * Run by scripts/bench/metrics_vqav2.sh; not a test.
 */
public final class VqaV2Bench {
    private VqaV2Bench() {}

    private record Sample(List<Map<String, Object>> answers, String pred) {}

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Sample> samples = read(path);
        Object[] values = new Object[samples.size()];
        double best = Double.MAX_VALUE;
        for (int r = 0; r < warmup + rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < values.length; i++) {
                Sample s = samples.get(i);
                values[i] = VqaAccuracy.vqav2Dicts(s.answers(), s.pred());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (r >= warmup) {
                best = Math.min(best, seconds);
            }
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < values.length; i++) {
            sha.update(((i > 0 ? "\n" : "") + PyRepr.repr(values[i])).getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf("java %s: %d samples in %.3f s = %,.0f samples/s (best of %d after %d warm-up); per-doc "
                + "sha256 %s%n", System.getProperty("java.version"), values.length, best, values.length / best, rounds,
                warmup, HexFormat.of().formatHex(sha.digest()));
    }

    @SuppressWarnings("unchecked")
    private static List<Sample> read(Path path) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Sample> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                List<Map<String, Object>> answers = new ArrayList<>();
                for (JsonNode a : n.get("answers")) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("answer", a.get("answer").asText());
                    d.put("answer_confidence", a.get("answer_confidence").asText());
                    d.put("answer_id", a.get("answer_id").asLong());
                    answers.add(d);
                }
                out.add(new Sample(answers, n.get("pred").asText()));
            }
        }
        return out;
    }
}
