package io.socsim.sim.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/** A point's line in the results file: where it is in the grid, its verdict, and the figures the tables and plots need. */
final class Records {

    /** The figures copied from a report when present, in this order (docs/sweep.md lists them). */
    static final String[] FIGURES = {"cycles", "instructions", "gops_per_s", "inferences_per_s", "energy_j", "energy_per_inference_mj",
        "power_mw", "gop_per_j"};

    private Records() {
    }

    /**
     * @param status {@code ok}, {@code failed} (ran, but did not end correctly) or {@code not-run} (could not be compiled for its system)
     */
    static Map<String, Object> of(Point p, String status, String reason, String reportName, Map<String, Object> report) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("index", p.index());
        r.put("parameters", p.parameters());
        r.put("status", status);
        r.put("reason", reason);
        r.put("report", reportName);
        for (String f : FIGURES) {
            Object v = report.get(f);
            if (v == null && f.equals("instructions") && report.get("cluster") instanceof Map<?, ?> cluster) {
                v = cluster.get("instructions"); // MobileBERT keeps the cluster's counters in their own record
            }
            r.put(f, v);
        }
        r.put("cycles_by_operator", report.getOrDefault("cycles_by_operator", Map.of()));
        r.put("utilisation", report.getOrDefault("utilisation", Map.of()));
        return r;
    }
}
