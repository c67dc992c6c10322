package io.socsim.sim.sweep;

import io.socsim.config.SocConfig;
import io.socsim.sim.SystemDescription;
import java.util.List;
import java.util.Map;

/**
 * What a sweep runs at each point, compiled afresh for the point's system. Implementations:
 * {@link MobileBertWorkload} and {@link ElfWorkload}; an imported network is one more
 * implementation (compile the graph for {@code soc}, simulate, report), with its options as
 * workload axes. Called from several threads at once: {@link #run} must keep all its state local.
 */
public interface Workload {

    /** What runs, for the sweep's manifest and messages: {@code mobilebert}, {@code elf prog.elf}. */
    String describe();

    /** The workload options this workload sweeps or fixes (names without dashes), in the manifest. */
    Map<String, Object> options();

    /** The names of the workload axes it accepts ({@code layers}, {@code seq}, ...). */
    List<String> axes();

    /**
     * Runs one point on a fresh simulator.
     *
     * @return the run's report and verdict; an interrupted run ({@code end.reason} interrupted) is not recorded
     * @throws io.socsim.sim.UserError when the point cannot run (an L1 too small for any tiling): recorded with its message
     */
    Outcome run(Point point, SocConfig soc, SystemDescription system, long maxCycles);

    /**
     * @param report the point's full report (the JSON a single {@code run --json} writes)
     * @param reason null when the point ran to a correct end; otherwise why not
     */
    record Outcome(Map<String, Object> report, String reason, boolean interrupted) {
    }
}
