package io.socsim.config;

import java.util.List;

/**
 * Cycle costs of the RI5CY / CV32E40P v1 pipeline. Defaults ({@link #RI5CY}) come from
 * openhwgroup/cv32e40p {@code docs/source/pipeline.rst} and the RTL-measured GVSoC calibration
 * benchmarks (shared reference {@code ri5cy-calibration.md}); kept as data so that another core
 * can be described without code changes.
 *
 * @param loadUsePenaltyCycles        stall when the next instruction uses a load result from a
 *                                    1-cycle memory (in general the stall equals the latency L,
 *                                    for L + 2 cycles from load to consumer)
 * @param takenBranchCycles           total cycles of a taken conditional branch
 * @param notTakenBranchCycles        total cycles of a branch that falls through
 * @param jalCycles                   total cycles of {@code jal}
 * @param jalrCycles                  total cycles of {@code jalr}
 * @param jalrAfterWritePenaltyCycles extra stall when jalr's source register was written by the
 *                                    previous instruction
 * @param mulCycles                   {@code mul} and the XpulpV2 MAC/SIMD operations
 * @param mulhCycles                  {@code mulh}, {@code mulhsu}, {@code mulhu}; blocks issue
 * @param divBaseCycles               {@code div}/{@code divu}/{@code rem}/{@code remu} base cost
 * @param divAddsClz                  whether the divide adds clz(divisor) to the base cost
 * @param divByZeroCycles             divide cost when the divisor is zero
 * @param misalignedExtraCycles       extra cycles of a misaligned access on a 1-cycle memory
 *                                    (it is split in two aligned bus beats)
 * @param csrSlowCycles               access to a CSR listed in {@code csrSlow}
 * @param csrFastCycles               access to any other CSR
 * @param csrSlow                     CSR names that take the slow path
 * @param hwloopBackedgeCycles        cost of a hardware-loop jump back to the loop start
 * @param elwExtraCycles              {@code p.elw} costs memory latency plus this
 */
public record CoreTiming(
        int loadUsePenaltyCycles,
        int takenBranchCycles,
        int notTakenBranchCycles,
        int jalCycles,
        int jalrCycles,
        int jalrAfterWritePenaltyCycles,
        int mulCycles,
        int mulhCycles,
        int divBaseCycles,
        boolean divAddsClz,
        int divByZeroCycles,
        int misalignedExtraCycles,
        int csrSlowCycles,
        int csrFastCycles,
        List<String> csrSlow,
        int hwloopBackedgeCycles,
        int elwExtraCycles) {

    /** RI5CY as measured on RTL (platform.md section 2). */
    public static final CoreTiming RI5CY = new CoreTiming(1, 3, 1, 2, 2, 1, 1, 5, 3, true, 35, 1, 4, 1,
            List.of("mstatus", "mepc", "mtvec", "mcause", "mcycle", "minstret"), 0, 2);

    public CoreTiming {
        csrSlow = List.copyOf(csrSlow);
    }

    /** Cycles of one divide or remainder by {@code divisor}, following the configured rule. */
    public int divideCycles(int divisor) {
        if (divisor == 0) {
            return divByZeroCycles;
        }
        return divBaseCycles + (divAddsClz ? Integer.numberOfLeadingZeros(divisor) : 0);
    }

    /** Whether an access to the CSR called {@code name} takes {@link #csrSlowCycles}. */
    public boolean isSlowCsr(String name) {
        return csrSlow.contains(name);
    }
}
