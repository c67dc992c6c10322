package io.socsim.sim.cli;

import io.socsim.sim.UserError;
import io.socsim.sim.sweep.Baseline;
import io.socsim.sim.sweep.Drift;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code socsim check}: a run's report or a sweep against a baseline. Prints what moved and by
 * how much; exits 0 within tolerance and {@link #DRIFT} otherwise, a code none of the error exits
 * (2, 3, 4, 70, 130) shares.
 */
@Command(name = "check", description = "Compare a run report (--json) or a sweep folder with a baseline: cycles (total, per layer, per operator), instructions, energy. Exit 0 within tolerance, 1 on drift.")
final class CheckCommand implements Callable<Integer> {

    /** Exit code when a metric moved beyond its tolerance or disappeared. */
    static final int DRIFT = 1;

    @Parameters(index = "0", paramLabel = "RUN_OR_SWEEP", description = "A run report (socsim run --json), a sweep folder or its results.json.")
    Path input;

    @Option(names = "--baseline", paramLabel = "FILE", required = true, description = "A baseline (socsim baseline), or a run report or sweep to compare with directly.")
    Path baseline;

    @Option(names = "--tolerance", paramLabel = "[KIND=]P%", description = "Allowed change in percent of the baseline, for cycles, instructions or energy (KIND=) or all three (repeatable; default: 0, exact).")
    List<String> tolerances = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, Double> tolerance = parse(tolerances);
        Map<String, Object> base = Baseline.read(baseline);
        Map<String, Object> now = Baseline.read(input);
        Drift.Result r = Drift.compare(base, now, tolerance);
        List<String> limits = new ArrayList<>();
        for (String kind : Drift.KINDS) {
            double t = tolerance.getOrDefault(kind, 0.0);
            limits.add(kind + (t == 0 ? " exact" : " " + trim(t) + " %"));
        }
        if (!r.rows().isEmpty()) {
            System.out.print(Drift.table(r));
        }
        long beyond = r.rows().stream().filter(Drift.Row::beyond).count();
        System.out.printf(Locale.ROOT, "check: %d metrics compared with %s: %s (tolerance: %s)%n", r.compared(), baseline,
                r.rows().isEmpty() ? "none moved" : r.rows().size() + " differ, " + beyond + " beyond tolerance",
                String.join(", ", limits));
        return r.drifted() ? DRIFT : 0;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    static Map<String, Double> parse(List<String> given) {
        Map<String, Double> t = new LinkedHashMap<>();
        for (String g : given) {
            String kind = null, value = g.strip();
            int eq = value.indexOf('=');
            if (eq >= 0) {
                kind = value.substring(0, eq).strip();
                value = value.substring(eq + 1).strip();
                if (!Drift.KINDS.contains(kind)) {
                    throw new UserError("--tolerance " + g + ": the kind must be one of " + String.join(", ", Drift.KINDS));
                }
            }
            double p;
            try {
                p = Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
            } catch (NumberFormatException e) {
                throw new UserError("--tolerance " + g + ": expected a percentage such as 0.5%");
            }
            if (!(p >= 0) || Double.isInfinite(p)) {
                throw new UserError("--tolerance " + g + ": must be a percentage of 0 or more");
            }
            for (String k : kind == null ? Drift.KINDS : List.of(kind)) {
                t.put(k, p);
            }
        }
        return t;
    }
}
