package io.socsim.sim.cluster;

import io.socsim.ita.ItaEngine;
import io.socsim.memory.ClusterDma;
import io.socsim.memory.Tcdm;
import io.socsim.sim.RunEnd;
import io.socsim.sim.power.EventCounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster's counters as reports and the power model see them: the event counts (live, at the
 * program's marks, and at the end), and each core's accounts closed so that they add up to the
 * run's cycles.
 */
final class ClusterStats {

    private final CoreState[] cores;
    private final Tcdm tcdm;
    private final ClusterDma dma;
    private final ItaEngine ita;
    private final Clock clock;
    private int watchBase;
    private int watchBytes;
    private final Map<Integer, EventCounts> snapshots = new TreeMap<>();

    /** {@code dma} and {@code ita} may be null (absent). */
    ClusterStats(CoreState[] cores, Tcdm tcdm, ClusterDma dma, ItaEngine ita, Clock clock) {
        this.cores = cores;
        this.tcdm = tcdm;
        this.dma = dma;
        this.ita = ita;
        this.clock = clock;
    }

    /** Records the counters at every store into {@code [base, base + 4 count)} (the runtime's mark table). */
    void watchMarks(int base, int count) {
        this.watchBase = base;
        this.watchBytes = 4 * count;
    }

    /** A store into memory: a snapshot when it writes a mark. */
    void stored(int address) {
        if (Integer.compareUnsigned(address - watchBase, watchBytes) < 0) {
            snapshots.put((address - watchBase) >>> 2, liveEvents());
        }
    }

    /** The counters at each watched store, by word index. */
    Map<Integer, EventCounts> markSnapshots() {
        return Collections.unmodifiableMap(snapshots);
    }

    /** The counters as they stand now (cores that run ahead are at most a few dozen cycles ahead). */
    EventCounts liveEvents() {
        long cycle = clock.now;
        long stall = 0, gated = 0;
        for (CoreState c : cores) {
            stall += c.busy - c.instructions + c.loadUseStalls + c.tcdmStalls;
            gated += c.sleepCycles + (c.sleep != CoreState.AWAKE && !c.done ? Math.max(0, cycle - c.sleepSince) : 0);
        }
        return counts(cycle, stall, gated, 0);
    }

    /** Instruction classes, memory traffic and ITA work as counted so far, with the given core cycle split. */
    private EventCounts counts(long cycles, long stall, long gated, long idle) {
        long[] classes = new long[InsnClass.ENERGY_CLASSES];
        long active = 0, l1r = 0, l1w = 0, l2b = 0, l3b = 0;
        for (CoreState c : cores) {
            for (int k = 0; k < classes.length; k++) {
                classes[k] += c.energyClasses[k];
            }
            active += c.instructions;
            l1r += c.l1Reads;
            l1w += c.l1Writes;
            l2b += c.l2Bytes;
            l3b += c.l3Bytes;
        }
        long dmaBytes = 0;
        if (dma != null) {
            l1r += dma.l1Reads();
            l1w += dma.l1Writes();
            l2b += dma.l2Bytes();
            l3b += dma.l3Bytes();
            dmaBytes = dma.bytes();
        }
        long itaMacs = 0, itaSoftmax = 0, itaBusy = 0, itaIdle = 0;
        if (ita != null) {
            ItaEngine.Stats s = ita.stats();
            l1r += s.bytesRead() / 4;
            l1w += s.bytesWritten() / 4;
            itaMacs = s.paddedMacs();
            itaSoftmax = s.softmaxElements();
            itaBusy = s.busyCycles();
            itaIdle = Math.max(0, cycles - s.busyCycles());
        }
        return new EventCounts(cycles, cores.length,
                classes[InsnClass.E_ALU], classes[InsnClass.E_LOAD], classes[InsnClass.E_STORE], classes[InsnClass.E_MUL],
                classes[InsnClass.E_MAC], classes[InsnClass.E_SIMD_DOT], classes[InsnClass.E_SIMD_OTHER], classes[InsnClass.E_BRANCH],
                active, stall, gated, idle, l1r, l1w, l2b, l3b, dmaBytes, itaMacs, itaSoftmax, itaBusy, itaIdle);
    }

    /** The result of a run that ended at {@code clock.now} for {@code end}. */
    ClusterResult result(RunEnd end) {
        long total = clock.now;
        List<ClusterResult.CoreStats> coreStats = new ArrayList<>();
        for (CoreState c : cores) {
            coreStats.add(CoreAccounts.close(c, total));
        }
        long[] bankAccesses = new long[tcdm.banks()];
        long[] bankConflicts = new long[tcdm.banks()];
        for (int b = 0; b < tcdm.banks(); b++) {
            bankAccesses[b] = tcdm.accesses(b);
            bankConflicts[b] = tcdm.conflicts(b);
        }
        return new ClusterResult(end, total, coreStats, bankAccesses, bankConflicts,
                dma == null ? 0 : dma.bytes(), dma == null ? 0 : dma.transfers(), dma == null ? 0 : dma.busyCycles(),
                dma == null ? 0 : dma.conflictCycles(), ita == null ? null : ita.stats(), events(total, coreStats));
    }

    /**
     * The power model's counts at the end of the run: as {@link #liveEvents}, with each core's
     * stall, gated and idle cycles taken from its closed account.
     */
    private EventCounts events(long total, List<ClusterResult.CoreStats> stats) {
        long stall = 0, gated = 0, idle = 0;
        for (int i = 0; i < cores.length; i++) {
            ClusterResult.CoreStats st = stats.get(i);
            stall += st.busy() - cores[i].instructions + st.loadUseStalls() + st.tcdmStalls();
            gated += st.sleepCycles();
            idle += st.idle();
        }
        return counts(total, stall, gated, idle);
    }
}
