package io.socsim.sim.cluster;

import io.socsim.sim.RunEnd;
import java.util.List;

/**
 * What a cluster run measured.
 *
 * @param end           why the run ended, and the exit status it gives
 * @param cycles        cluster cycles from reset to the end of the run (the end of the exiting or
 *                      faulting instruction, the cycle limit, the interrupt's cut, or the deadlock)
 * @param cores         per-core statistics, by core id
 * @param bankAccesses  granted TCDM accesses per bank
 * @param bankConflicts TCDM requests that lost arbitration, per bank
 * @param dmaBytes      bytes moved by the cluster DMA
 * @param dmaTransfers  transfers started
 * @param dmaBusyCycles cycles the DMA moved data
 * @param dmaConflictCycles cycles a DMA word lost its bank
 * @param ita           accelerator counters, or null without ITA
 * @param events        what the power model charges for
 */
public record ClusterResult(RunEnd end, long cycles, List<CoreStats> cores, long[] bankAccesses, long[] bankConflicts,
        long dmaBytes, long dmaTransfers, long dmaBusyCycles, long dmaConflictCycles, io.socsim.ita.ItaEngine.Stats ita,
        io.socsim.sim.power.EventCounts events) {

    /**
     * Where one core's cycles went; the accounts are disjoint and add up to the run's cycles
     * ({@link #total()}). {@code issue}: one cycle per instruction the core issued and paid for;
     * {@code branch}, {@code mulDiv}, {@code memory}, {@code other}: the cycles an instruction held
     * the core beyond its issue cycle (taken branches and jumps; multi-cycle multiply and divide;
     * memory latency and misaligned halves; slow CSRs and p.elw); {@code loadUse}: waiting for a
     * loaded value; {@code tcdm}: retrying after losing a bank; {@code sleep}: clock-gated in the
     * event unit (the waiting load included); {@code idle}: none of these (after its last
     * instruction, when the run ended first).
     */
    public record CoreStats(int id, long instructions, long issue, long branchStalls, long mulDivStalls, long memoryStalls,
            long otherStalls, long loadUseStalls, long tcdmStalls, long sleepCycles, long idle, long loads, long stores) {

        /** Cycles spent on instructions: issue and the extra cycles they cost (not load-use or TCDM stalls). */
        public long busy() {
            return issue + branchStalls + mulDivStalls + memoryStalls + otherStalls;
        }

        /** Every account: the run's cycles. */
        public long total() {
            return busy() + loadUseStalls + tcdmStalls + sleepCycles + idle;
        }
    }

    /** The process exit status of the run (see {@link RunEnd}). */
    public int exitCode() {
        return end.exitCode();
    }

    public long instructions() {
        return cores.stream().mapToLong(CoreStats::instructions).sum();
    }

    public long tcdmConflicts() {
        long sum = 0;
        for (long c : bankConflicts) {
            sum += c;
        }
        return sum;
    }

    public long tcdmAccesses() {
        long sum = 0;
        for (long a : bankAccesses) {
            sum += a;
        }
        return sum;
    }
}
