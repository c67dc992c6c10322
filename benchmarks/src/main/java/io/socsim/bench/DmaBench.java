package io.socsim.bench;

import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.memory.ClusterDma;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Tcdm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 4 KiB L2-to-L1 transfer streamed alone ({@link ClusterDma#streamAlone}), as the engine advances
 * the DMA while no core issues: one transfer per operation (the transfer record is its only
 * allocation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DmaBench {

    private static final int L1 = 0x10000000, L2 = 0x1c000000;
    private ClusterDma dma;
    private long cycle;

    @Setup
    public void setUp() {
        SocConfig soc = Presets.load("pulp-cluster");
        MemorySystem memory = new MemorySystem(soc);
        Tcdm tcdm = new Tcdm(L1, 64 * 1024, 16, 4);
        dma = new ClusterDma(soc.dma().orElseThrow(), memory, tcdm, 8, 8);
        dma.stage(0, ClusterDma.SRC, L2);
        dma.stage(0, ClusterDma.DST, L1 + 0x1000);
        dma.stage(0, ClusterDma.LEN, 4096);
    }

    /** Starts the staged transfer and streams it to completion; returns the cycle it ended. */
    @Benchmark
    public long transfer4KiB() {
        dma.start(0, cycle);
        long t = cycle;
        while (!dma.idle()) {
            t = dma.streamAlone(t, Long.MAX_VALUE);
        }
        cycle = t;
        return t;
    }
}
