package io.socsim.sim.sweep;

import io.socsim.config.SocConfig;
import io.socsim.sim.RunEnd;
import io.socsim.sim.SystemDescription;
import io.socsim.sim.mobilebert.MobileBertRun;
import io.socsim.workloads.mobilebert.MobileBertCompiler;
import io.socsim.workloads.mobilebert.MobileBertConfig;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The built-in MobileBERT, re-tiled and re-compiled for each point's system and checked against the golden model. */
public final class MobileBertWorkload implements Workload {

    private final Function<Point, MobileBertConfig> configOf;
    private final boolean onCores;
    private final Map<String, Object> options;

    /**
     * @param configOf the model of a point (its workload axes over the fixed options); may throw a UserError
     * @param options  the fixed and swept workload options as given, for the manifest
     */
    public MobileBertWorkload(Function<Point, MobileBertConfig> configOf, boolean onCores, Map<String, Object> options) {
        this.configOf = configOf;
        this.onCores = onCores;
        this.options = options;
    }

    @Override
    public String describe() {
        return "mobilebert";
    }

    @Override
    public Map<String, Object> options() {
        return options;
    }

    @Override
    public List<String> axes() {
        return List.of("layers", "seq", "seed", "variant");
    }

    @Override
    public Outcome run(Point point, SocConfig soc, SystemDescription system, long maxCycles) {
        MobileBertConfig model = configOf.apply(point);
        long t0 = System.nanoTime();
        MobileBertCompiler.Compiled compiled = MobileBertRun.compile(model, soc, onCores);
        MobileBertRun.Result r = MobileBertRun.simulate(compiled, soc, maxCycles, (System.nanoTime() - t0) / 1e9);
        Map<String, Object> report = MobileBertRun.report(r, system);
        RunEnd end = r.cluster().end();
        if (end.reason() == RunEnd.Reason.INTERRUPTED) {
            return new Outcome(report, "interrupted", true);
        }
        String reason = null;
        if (!r.finished()) {
            reason = end.message();
        } else if (r.mismatches() != 0) {
            reason = "the simulated output differs from the golden model in " + r.mismatches() + " bytes";
        }
        return new Outcome(report, reason, false);
    }
}
