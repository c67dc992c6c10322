package io.socsim.sim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A run or sweep compared with a baseline, metric by metric. A metric's kind is its name's last
 * part: {@code cycles}, {@code instructions} or {@code energy_j} (energy), each with its own
 * relative tolerance; anything else (how a run ended, a point's status) must be equal. A metric
 * of the baseline that the run lacks is drift; one the run has beyond the baseline is listed.
 */
public final class Drift {

    /** The tolerance kinds, in the order messages list them. */
    public static final List<String> KINDS = List.of("cycles", "instructions", "energy");

    /** One metric that moved, appeared or disappeared. */
    public record Row(String metric, Object baseline, Object now, boolean beyond) {
    }

    /** The comparison: every row that differs, and how many metrics were compared. */
    public record Result(List<Row> rows, int compared) {
        public boolean drifted() {
            return rows.stream().anyMatch(Row::beyond);
        }
    }

    private Drift() {
    }

    /** @param tolerancePercent per kind, in percent of the baseline (0: exact) */
    public static Result compare(Map<String, Object> baseline, Map<String, Object> now, Map<String, Double> tolerancePercent) {
        List<Row> rows = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(baseline.keySet());
        names.addAll(now.keySet());
        int compared = 0;
        for (String name : names) {
            Object b = baseline.get(name), n = now.get(name);
            boolean inBase = baseline.containsKey(name), inNow = now.containsKey(name);
            if (inBase && inNow) {
                compared++;
            }
            if (inBase && inNow && Objects.equals(b, n)) {
                continue;
            }
            if (b instanceof Number x && n instanceof Number y && x.doubleValue() == y.doubleValue()) {
                continue; // 100 and 100.0 are the same figure
            }
            boolean beyond;
            if (!inNow) {
                beyond = true;
            } else if (!inBase) {
                beyond = false; // a new metric is news, not drift
            } else if (b instanceof Number x && n instanceof Number y && kind(name) != null) {
                double limit = tolerancePercent.getOrDefault(kind(name), 0.0) / 100.0 * Math.abs(x.doubleValue());
                beyond = Math.abs(y.doubleValue() - x.doubleValue()) > limit;
            } else {
                beyond = true;
            }
            rows.add(new Row(name, b, n, beyond));
        }
        return new Result(rows, compared);
    }

    /** The tolerance kind of a metric, or null when it must be equal. */
    static String kind(String metric) {
        String last = metric.substring(metric.lastIndexOf('.') + 1);
        return switch (last) {
            case "cycles" -> "cycles";
            case "instructions" -> "instructions";
            case "energy_j" -> "energy";
            default -> null;
        };
    }

    /** The table of what moved: metric, baseline, now, change, change in percent, verdict. */
    public static String table(Result r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"metric", "baseline", "now", "change", "change %", ""});
        for (Row row : r.rows()) {
            String change = "", percent = "";
            if (row.baseline() instanceof Number b && row.now() instanceof Number n) {
                double d = n.doubleValue() - b.doubleValue();
                change = (d > 0 ? "+" : "") + Numbers4.text(b instanceof Double || n instanceof Double ? (Object) d : (Object) (long) d);
                percent = b.doubleValue() == 0 ? "" : String.format(Locale.ROOT, "%+.3f", 100 * d / b.doubleValue());
            }
            String verdict = row.now() == null && row.baseline() != null ? "MISSING" : row.baseline() == null ? "new" : row.beyond() ? "DRIFT" : "within tolerance";
            rows.add(new String[] {row.metric(), show(row.baseline()), show(row.now()), change, percent, verdict});
        }
        int[] width = new int[6];
        for (String[] row : rows) {
            for (int c = 0; c < 6; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            sb.append(row[0]).append(" ".repeat(width[0] - row[0].length()));
            for (int c = 1; c < 5; c++) {
                sb.append("  ").append(" ".repeat(width[c] - row[c].length())).append(row[c]);
            }
            sb.append("  ").append(row[5]).append('\n');
        }
        return sb.toString();
    }

    private static String show(Object v) {
        return v == null ? "-" : v instanceof Number ? Numbers4.text(v) : v.toString();
    }
}
