package io.socsim.sim.sweep;

import io.socsim.sim.OutputFile;
import io.socsim.sim.cluster.ClusterReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sweep's summary files, from the records in grid order: {@code results.json} (the manifest
 * and every record), {@code results.csv} (one row per point), the plots, and the terminal table.
 */
public final class SweepOutputs {

    private SweepOutputs() {
    }

    static void write(Path dir, Map<String, Object> manifest, Grid grid, List<Map<String, Object>> records) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sweep", manifest);
        json.put("points", records);
        ClusterReport.writeJson(json, OutputFile.check("sweep results", dir.resolve("results.json")));
        OutputFile.check("sweep results", dir.resolve("results.csv")).write(csv(grid, records));
        SweepPlots.write(dir.resolve("plots"), grid, records);
    }

    /** Operator names over all points, in the order first met in grid order. */
    static List<String> keysOf(List<Map<String, Object>> records, String field) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Object> r : records) {
            if (r.get(field) instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> keys.add(k.toString()));
            }
        }
        return new ArrayList<>(keys);
    }

    static String csv(Grid grid, List<Map<String, Object>> records) {
        List<String> ops = keysOf(records, "cycles_by_operator");
        List<String> units = keysOf(records, "utilisation");
        List<String> header = new ArrayList<>();
        header.add("index");
        grid.axes().forEach(a -> header.add(a.name()));
        header.add("status");
        header.addAll(List.of(Records.FIGURES));
        ops.forEach(o -> header.add("cycles_" + o));
        header.addAll(units);
        header.add("reason");
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (Map<String, Object> r : records) {
            List<String> row = new ArrayList<>();
            row.add(Numbers4.text(r.get("index")));
            Map<?, ?> params = (Map<?, ?>) r.get("parameters");
            grid.axes().forEach(a -> row.add(quote(String.valueOf(params.get(a.name())))));
            row.add(String.valueOf(r.get("status")));
            for (String f : Records.FIGURES) {
                row.add(Numbers4.text(r.get(f)));
            }
            Map<?, ?> byOp = r.get("cycles_by_operator") instanceof Map<?, ?> m ? m : Map.of();
            ops.forEach(o -> row.add(Numbers4.text(byOp.get(o))));
            Map<?, ?> util = r.get("utilisation") instanceof Map<?, ?> m ? m : Map.of();
            units.forEach(u -> row.add(Numbers4.text(util.get(u))));
            row.add(r.get("reason") == null ? "" : quote(r.get("reason").toString()));
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** The terminal summary: one row per point, the swept values and the headline figures. */
    public static String table(Grid grid, List<Map<String, Object>> records) {
        List<String> header = new ArrayList<>();
        grid.axes().forEach(a -> header.add(a.name()));
        boolean rates = records.stream().anyMatch(r -> r.get("gops_per_s") != null);
        boolean energy = records.stream().anyMatch(r -> r.get("energy_j") != null);
        header.add("status");
        header.add("cycles");
        if (rates) {
            header.addAll(List.of("GOp/s", "Inf/s"));
        }
        if (energy) {
            header.addAll(List.of("energy mJ", "power mW"));
        }
        if (rates && energy) {
            header.add("GOp/J");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> r : records) {
            List<String> row = new ArrayList<>();
            Map<?, ?> params = (Map<?, ?>) r.get("parameters");
            grid.axes().forEach(a -> row.add(String.valueOf(params.get(a.name()))));
            row.add(String.valueOf(r.get("status")));
            row.add(Numbers4.text(r.get("cycles")));
            if (rates) {
                row.add(fixed(r.get("gops_per_s"), 1));
                row.add(fixed(r.get("inferences_per_s"), 2));
            }
            if (energy) {
                row.add(r.get("energy_j") instanceof Number n ? fixed(n.doubleValue() * 1e3, 3) : "");
                row.add(fixed(r.get("power_mw"), 1));
            }
            if (rates && energy) {
                row.add(fixed(r.get("gop_per_j"), 0));
            }
            rows.add(row);
        }
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, width);
        for (List<String> row : rows) {
            appendRow(sb, row, width);
        }
        for (Map<String, Object> r : records) {
            if (r.get("reason") != null) {
                sb.append("point ").append(r.get("index")).append(" (").append(label(grid, r)).append("): ")
                        .append(r.get("status")).append(": ").append(r.get("reason")).append('\n');
            }
        }
        return sb.toString();
    }

    static String label(Grid grid, Map<String, Object> r) {
        Map<?, ?> params = (Map<?, ?>) r.get("parameters");
        List<String> parts = new ArrayList<>();
        grid.axes().forEach(a -> parts.add(a.name() + "=" + params.get(a.name())));
        return String.join(", ", parts);
    }

    private static void appendRow(StringBuilder sb, List<String> cells, int[] width) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            sb.append(c == 0 ? "" : "  ").append(" ".repeat(width[c] - cell.length())).append(cell);
        }
        sb.append('\n');
    }

    private static String fixed(Object v, int decimals) {
        return v instanceof Number n ? String.format(java.util.Locale.ROOT, "%." + decimals + "f", n.doubleValue()) : "";
    }
}
