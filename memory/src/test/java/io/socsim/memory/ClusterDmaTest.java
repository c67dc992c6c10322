package io.socsim.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterDmaTest {

    private static final SocConfig SOC = Presets.load("pulp-cluster");
    private static final int L1 = 0x10000000, L2 = 0x1c000000;

    private final MemorySystem memory = new MemorySystem(SOC);
    private final Tcdm tcdm = new Tcdm(L1, 64 * 1024, 16, 4);
    private final ClusterDma dma = new ClusterDma(SOC.dma().orElseThrow(), memory, tcdm, 8, 8);
    private final List<long[]> completions = new ArrayList<>();

    ClusterDmaTest() {
        dma.listener((id, core, cycle) -> completions.add(new long[] {id, core, cycle}));
    }

    private int start(int core, int src, int dst, int len, int rows, int srcStride, int dstStride, long cycle) {
        dma.stage(core, ClusterDma.SRC, src);
        dma.stage(core, ClusterDma.DST, dst);
        dma.stage(core, ClusterDma.LEN, len);
        dma.stage(core, ClusterDma.ROWS, rows);
        dma.stage(core, ClusterDma.SRC_STRIDE, srcStride);
        dma.stage(core, ClusterDma.DST_STRIDE, dstStride);
        return dma.start(core, cycle);
    }

    /** Runs cycles with no competing requester until the DMA is idle; returns the last cycle. */
    private long runToIdle(long from) {
        long cycle = from;
        while (!dma.idle()) {
            dma.request(cycle);
            tcdm.arbitrate();
            dma.advance(cycle);
            cycle++;
        }
        return cycle;
    }

    @Test
    void streamsAtTheExternalPortBandwidth() {
        for (int i = 0; i < 8192; i++) {
            memory.l2().bytes()[i] = (byte) (i * 7);
        }
        start(0, L2, L1, 4096, 1, 0, 0, 0);
        long end = runToIdle(0);
        int latency = memory.l2().latencyCycles();
        // 8 B/cycle (64-bit AXI) after the L2 latency: 4096 / 8 = 512 streaming cycles
        assertThat(end).isEqualTo(latency + 512);
        assertThat(dma.bytes()).isEqualTo(4096);
        assertThat(memory.l1().bytes()[4095]).isEqualTo((byte) (4095 * 7));
        assertThat(completions).hasSize(1);
    }

    /** A DMA and its TCDM on fresh memories, with the same transfers queued (some 2-D, misaligned, in L1 bank collisions). */
    private static final class Rig {
        final MemorySystem memory = new MemorySystem(SOC);
        final Tcdm tcdm = new Tcdm(L1, 64 * 1024, 16, 4);
        final ClusterDma dma = new ClusterDma(SOC.dma().orElseThrow(), memory, tcdm, 8, 8);
        final List<String> completions = new ArrayList<>();

        Rig() {
            dma.listener((id, core, cycle) -> completions.add(id + "/" + core + "@" + cycle));
            for (int i = 0; i < 16384; i++) {
                memory.l2().bytes()[i] = (byte) (i * 31 + 7);
            }
            int[][] transfers = {{L2, L1, 1000, 1, 0, 0}, {L2 + 3, L1 + 0x2001, 37, 9, 64, 36}, {L1 + 0x2000, L2 + 0x3000, 333, 2, 0, 340},
                {L2 + 0x100, L1 + 0x4000, 12, 20, 12, 64}, {L2, L1 + 0x6002, 4096, 1, 0, 0}};
            for (int k = 0; k < transfers.length; k++) {
                int[] t = transfers[k];
                int core = k % 3;
                dma.stage(core, ClusterDma.SRC, t[0]);
                dma.stage(core, ClusterDma.DST, t[1]);
                dma.stage(core, ClusterDma.LEN, t[2]);
                dma.stage(core, ClusterDma.ROWS, t[3]);
                dma.stage(core, ClusterDma.SRC_STRIDE, t[4]);
                dma.stage(core, ClusterDma.DST_STRIDE, t[5]);
                dma.start(core, 3L * k);
            }
        }

        /** Who wins each bank when requester 0 and 63 both ask: the round-robin state left behind. */
        String roundRobin() {
            StringBuilder b = new StringBuilder();
            for (int bank = 0; bank < tcdm.banks(); bank++) {
                tcdm.request(0, bank);
                tcdm.request(63, bank);
                tcdm.arbitrate();
                b.append(tcdm.granted(0) ? '0' : 'x');
            }
            return b.toString();
        }

        String counters() {
            StringBuilder b = new StringBuilder();
            for (int bank = 0; bank < tcdm.banks(); bank++) {
                b.append(tcdm.accesses(bank)).append('/').append(tcdm.conflicts(bank)).append(' ');
            }
            return b + "bytes " + dma.bytes() + " busy " + dma.busyCycles() + " conflicts " + dma.conflictCycles()
                    + " l1 " + dma.l1Reads() + "/" + dma.l1Writes() + " l2 " + dma.l2Bytes() + " " + completions;
        }
    }

    @Test
    void streamingAloneMatchesCycleByCycleArbitrationInEveryCounterAndByte() {
        Rig stepped = new Rig(), alone = new Rig();
        long cycle = 0;
        while (!stepped.dma.idle()) {
            stepped.dma.request(cycle);
            stepped.tcdm.arbitrate();
            stepped.dma.advance(cycle);
            cycle++;
        }
        long t = 0;
        while (!alone.dma.idle()) {
            t = alone.dma.streamAlone(t, t + 97);
        }
        assertThat(alone.completions).hasSize(5);
        assertThat(stepped.dma.conflictCycles()).as("some cycles' words meet in one bank").isPositive();
        assertThat(alone.counters()).isEqualTo(stepped.counters());
        assertThat(alone.roundRobin()).isEqualTo(stepped.roundRobin());
        assertThat(alone.memory.l1().bytes()).isEqualTo(stepped.memory.l1().bytes());
        assertThat(alone.memory.l2().bytes()).isEqualTo(stepped.memory.l2().bytes());
    }

    @Test
    void twoDimensionalTransferGathersRowsWithTheirStrides() {
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 16; c++) {
                memory.l2().bytes()[r * 100 + c] = (byte) (r * 16 + c);
            }
        }
        start(1, L2, L1 + 0x100, 16, 4, 100, 16, 0);
        runToIdle(0);
        for (int i = 0; i < 64; i++) {
            assertThat(memory.l1().bytes()[0x100 + i]).isEqualTo((byte) i);
        }
        assertThat(completions.get(0)[1]).as("completion goes to the starting core").isEqualTo(1);
    }

    @Test
    void aCoreBlocksOnceItsFifoAndTheSharedQueueAreFull() {
        int started = 0;
        while (dma.canStart(0)) {
            start(0, L2, L1, 64, 1, 0, 0, 0);
            started++;
        }
        var d = SOC.dma().orElseThrow();
        assertThat(started).isEqualTo(d.sharedQueueDepth() + d.perCoreQueueDepth());
        assertThat(dma.canStart(1)).as("another core still has its own FIFO").isTrue();
    }

    @Test
    void lostBankArbitrationDelaysTheStream() {
        start(0, L2, L1, 256, 1, 0, 0, 0);
        long quiet = runToIdle(0);
        start(0, L2, L1, 256, 1, 0, 0, 1000);
        long cycle = 1000;
        while (!dma.idle()) {
            dma.request(cycle);
            for (int b = 0; b < 16; b++) {
                tcdm.request(0, b); // two requesters on every bank: round robin now passes the
                tcdm.request(1, b); // DMA port over in some of the cycles it asks
            }
            tcdm.arbitrate();
            dma.advance(cycle);
            cycle++;
        }
        assertThat(cycle - 1000).isGreaterThan(quiet);
        assertThat(dma.conflictCycles()).isPositive();
    }

    @Test
    void transfersThatCannotRunAreRejectedWithAReason() {
        assertThatThrownBy(() -> start(0, L2, L2 + 0x1000, 16, 1, 0, 0, 0))
                .isInstanceOf(ClusterDma.DmaError.class).hasMessageContaining("one side must be L1");
        assertThatThrownBy(() -> start(0, 0x40000000, L1, 16, 1, 0, 0, 0))
                .isInstanceOf(ClusterDma.DmaError.class).hasMessageContaining("outside mapped memory");
        assertThatThrownBy(() -> start(0, L2, L1, 0, 1, 0, 0, 0))
                .isInstanceOf(ClusterDma.DmaError.class).hasMessageContaining("length 0");
    }
}
