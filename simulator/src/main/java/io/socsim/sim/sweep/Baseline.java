package io.socsim.sim.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socsim.sim.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures {@code socsim check} compares, flattened to named metrics: {@code cycles},
 * {@code instructions}, {@code energy_j}, {@code end} (how the run ended),
 * {@code cycles_by_operator.linear}, {@code layers.0.cycles}, ...; for a sweep each point's under
 * {@code point[cores.count=2,memory.l1.size=128KiB].}. Read from a run's {@code --json} report, a
 * sweep folder (or its results.json), or a baseline file that {@code socsim baseline} wrote.
 */
public final class Baseline {

    /** The key of a baseline file's format version. */
    static final String FORMAT_KEY = "socsim_baseline";

    private Baseline() {
    }

    /** The metrics of a run report, a sweep folder or results.json, or a baseline file. */
    public static Map<String, Object> read(Path input) {
        if (Files.isDirectory(input)) {
            Path results = input.resolve("results.json");
            if (!Files.exists(results)) {
                throw new UserError(input + ": not a finished sweep folder (no results.json)");
            }
            return ofSweep(input, json(results));
        }
        Map<String, Object> doc = json(input);
        if (doc.containsKey(FORMAT_KEY)) {
            if (!(doc.get("metrics") instanceof Map<?, ?> m)) {
                throw new UserError(input + ": a baseline without metrics");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) m;
            return metrics;
        }
        if (doc.get("sweep") instanceof Map<?, ?> && doc.get("points") instanceof List<?>) {
            return ofSweep(input.toAbsolutePath().getParent(), doc);
        }
        if (!doc.containsKey("cycles")) {
            throw new UserError(input + ": neither a run report (--json), a sweep nor a baseline (no 'cycles')");
        }
        return ofRun(doc);
    }

    /** The baseline file's contents for {@code metrics} read from {@code source}. */
    public static Map<String, Object> file(String source, Map<String, Object> metrics) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(FORMAT_KEY, 1);
        m.put("source", source);
        m.put("metrics", metrics);
        return m;
    }

    static Map<String, Object> ofRun(Map<String, Object> report) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (report.get("end") instanceof Map<?, ?> end) {
            m.put("end", end.get("reason"));
        }
        m.put("cycles", report.get("cycles"));
        Object instructions = report.get("instructions");
        if (instructions == null && report.get("cluster") instanceof Map<?, ?> cluster) {
            instructions = cluster.get("instructions");
        }
        if (instructions != null) {
            m.put("instructions", instructions);
        }
        if (report.get("energy_j") != null) {
            m.put("energy_j", report.get("energy_j"));
        }
        if (report.get("cycles_by_operator") instanceof Map<?, ?> ops) {
            ops.forEach((k, v) -> m.put("cycles_by_operator." + k + ".cycles", v));
        }
        if (report.get("layers") instanceof List<?> layers) {
            for (Object o : layers) {
                if (o instanceof Map<?, ?> layer) {
                    String name = "layers." + layer.get("layer") + ".";
                    m.put(name + "cycles", layer.get("cycles"));
                    if (layer.get("energy_j") != null) {
                        m.put(name + "energy_j", layer.get("energy_j"));
                    }
                }
            }
        }
        return m;
    }

    private static Map<String, Object> ofSweep(Path dir, Map<String, Object> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Object o : (List<?>) results.get("points")) {
            Map<?, ?> point = (Map<?, ?>) o;
            StringBuilder name = new StringBuilder("point[");
            Map<?, ?> params = (Map<?, ?>) point.get("parameters");
            params.forEach((k, v) -> name.append(name.length() == 6 ? "" : ",").append(k).append('=').append(v));
            if (params.isEmpty()) {
                name.append(point.get("index"));
            }
            name.append("].");
            m.put(name + "status", point.get("status"));
            Object report = point.get("report");
            if (report != null && Files.exists(dir.resolve(report.toString()))) {
                ofRun(json(dir.resolve(report.toString()))).forEach((k, v) -> m.put(name + k, v));
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        try {
            Object v = new ObjectMapper().readValue(file.toFile(), LinkedHashMap.class);
            return (Map<String, Object>) v;
        } catch (IOException e) {
            throw new UserError(file + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
