package io.socsim.sim.cluster;

import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.isa.Op;
import io.socsim.isa.exec.Bus;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Hart;
import io.socsim.isa.exec.HostInterface;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Tcdm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * One core's timing path as the engine drives it, one issue cycle per operation: hazard check and
 * bank request, arbitration, execution and charge, run-ahead of the private instructions behind
 * it. The program is an endless loop of a load, a load-use, multiply-accumulates and a branch.
 * Steady state allocates nothing ({@code -prof gc}: gc.alloc.rate.norm about 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoreTimerBench {

    private static final int L1 = 0x10000000, CODE = L1 + 0x8000, DATA = L1 + 0x100;

    private Tcdm tcdm;
    private CoreState core;
    private CoreTimer timer;

    private static int e(Op op, int rd, int rs1, int rs2, int imm) {
        return op.format().encode(op, rd, rs1, rs2, imm, 0);
    }

    @Setup
    public void setUp() {
        SocConfig soc = Presets.load("pulp-cluster");
        MemorySystem memory = new MemorySystem(soc);
        tcdm = new Tcdm(L1, 64 * 1024, 16, 4);
        int[] program = {
            e(Op.LW, 2, 3, 0, 0), e(Op.ADD, 5, 5, 2, 0), e(Op.P_MAC, 6, 2, 5, 0), e(Op.P_MAC, 7, 2, 6, 0),
            e(Op.ADDI, 9, 9, 0, 1), e(Op.XOR, 8, 8, 7, 0), e(Op.JAL, 0, 0, 0, -24)};
        ByteBuffer b = ByteBuffer.wrap(memory.l1().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < program.length; i++) {
            b.putInt(CODE - L1 + 4 * i, program[i]);
        }
        Hart hart = new Hart(0, new DecodeCache(), Bus.EMPTY, new HostInterface() {
            @Override
            public void ecall(Hart h) {
            }

            @Override
            public void tohost(Hart h, int value) {
            }
        });
        hart.mapRam(L1, memory.l1().bytes());
        hart.pc(CODE);
        hart.reg(3, DATA);
        core = new CoreState(0, hart);
        timer = new CoreTimer(core, soc.cores().timing(), new boolean[4096], tcdm, memory);
    }

    /** One issue cycle of the core; returns its retired-instruction count. */
    @Benchmark
    public long issueCycle() {
        CoreState c = core;
        long now = c.readyAt;
        if (timer.prepare(now) == CoreTimer.ISSUE) {
            tcdm.arbitrate();
            c.batchLength = 0;
            timer.execute(now, c.decoded);
            c.firstCharge = c.lastCharge;
            timer.runAhead(now + 64);
        }
        return c.instructions;
    }
}
