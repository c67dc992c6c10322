package io.socsim.sim.cluster;

import java.util.List;

/**
 * What a cluster run measured.
 *
 * @param exitCode      exit code of the core that ended the run
 * @param cycles        cluster cycles from reset to the end of the exiting instruction
 * @param cores         per-core statistics, by core id
 * @param bankAccesses  granted TCDM accesses per bank
 * @param bankConflicts TCDM requests that lost arbitration, per bank
 * @param dmaBytes      bytes moved by the cluster DMA
 * @param dmaTransfers  transfers started
 * @param dmaBusyCycles cycles the DMA moved data
 * @param dmaConflictCycles cycles a DMA word lost its bank
 * @param ita           accelerator counters, or null without ITA
 * @param events        what the power model charges for
 * @param failure       why a riscv-tests style run failed, or null
 */
public record ClusterResult(int exitCode, long cycles, List<CoreStats> cores, long[] bankAccesses, long[] bankConflicts,
        long dmaBytes, long dmaTransfers, long dmaBusyCycles, long dmaConflictCycles, io.socsim.ita.ItaEngine.Stats ita,
        io.socsim.sim.power.EventCounts events, String failure) {

    /**
     * Where one core's cycles went. {@code busy} includes the extra cycles of taken branches and
     * jumps, multi-cycle multiply/divide, slow CSRs and memory latency (also listed on their own);
     * load-use and TCDM-conflict stalls, {@code sleep} and {@code idle} (before start or after the
     * end) add up with {@code busy} to the run's cycles.
     */
    public record CoreStats(int id, long instructions, long busy, long loadUseStalls, long branchStalls, long mulDivStalls,
            long tcdmStalls, long memoryStalls, long otherStalls, long sleepCycles, long idle, long loads, long stores) {
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
