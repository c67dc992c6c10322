package io.socsim.bench;

import io.socsim.memory.Tcdm;
import java.util.SplittableRandom;
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

/** TCDM bank arbitration of one cycle: 8 cores and 4 DMA ports asking for 16 banks (a fixed random pattern). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TcdmBench {

    private static final int REQUESTERS = 12, PATTERN = 1024;
    private Tcdm tcdm;
    private final int[] banks = new int[PATTERN * REQUESTERS];
    private int at;

    @Setup
    public void setUp() {
        tcdm = new Tcdm(0x10000000, 64 * 1024, 16, 4);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < banks.length; i++) {
            banks[i] = r.nextInt(16);
        }
    }

    /** Requests of every requester, then the arbitration; returns whether requester 0 won. */
    @Benchmark
    public boolean arbitrateOneCycle() {
        int base = at;
        for (int q = 0; q < REQUESTERS; q++) {
            tcdm.request(q, banks[base + q]);
        }
        at = base + REQUESTERS == banks.length ? 0 : base + REQUESTERS;
        tcdm.arbitrate();
        return tcdm.granted(0);
    }
}
