package io.socsim.sim.bench;

import io.socsim.isa.Op;
import io.socsim.isa.exec.Bus;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Hart;
import io.socsim.isa.exec.HostInterface;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Functional simulation speed: a long compute loop (loads, stores, ALU, multiply, branches) on
 * one hart, timed after a JIT warm-up. Prints million simulated instructions per host second.
 */
public final class IssBenchmark {

    private static final int BASE = 0x80000000;
    private static final int DATA = BASE + 0x10000;
    private static final int INNER = 256;

    private IssBenchmark() {
    }

    /** Runs the benchmark and prints its report; returns the measured MIPS. */
    public static double run(long instructions, PrintStream out) {
        measure(Math.min(instructions / 4, 50_000_000L)); // warm-up: let the JIT compile the loop
        long best = Long.MAX_VALUE;
        long executed = 0;
        for (int rep = 0; rep < 3; rep++) {
            long start = System.nanoTime();
            executed = measure(instructions);
            best = Math.min(best, System.nanoTime() - start);
        }
        double mips = executed / (best / 1e9) / 1e6;
        out.printf(Locale.ROOT, "iss benchmark: compute loop, %d instructions per run, best of 3 runs: %.3f s%n", executed, best / 1e9);
        out.printf(Locale.ROOT, "MIPS %.1f%n", mips);
        return mips;
    }

    /** Runs the loop for about {@code instructions} instructions and returns how many it executed. */
    static long measure(long instructions) {
        int outer = (int) Math.max(1, instructions / (INNER * 11L));
        byte[] ram = new byte[1 << 20];
        ByteBuffer bb = ByteBuffer.wrap(ram).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : program(outer)) {
            bb.putInt(w);
        }
        Hart hart = new Hart(0, new DecodeCache(), Bus.EMPTY, new HostInterface() {
            @Override
            public void ecall(Hart h) {
                h.exit(h.reg(10));
            }

            @Override
            public void tohost(Hart h, int value) {
                h.exit(value);
            }
        });
        hart.mapRam(BASE, ram);
        hart.pc(BASE);
        while (hart.running()) {
            hart.run(1L << 30);
        }
        if (hart.state() != Hart.EXITED || hart.exitCode() != 0) {
            throw new IllegalStateException("benchmark program did not finish cleanly: " + hart.haltReason());
        }
        return hart.instret();
    }

    private static int e(Op op, int rd, int rs1, int rs2, int imm) {
        return op.format().encode(op, rd, rs1, rs2, imm, 0);
    }

    /** s0 = data, s1 = outer count; inner: 11 instructions over 256 words. */
    private static int[] program(int outer) {
        final int s0 = 8, s1 = 9, t0 = 5, t1 = 6, t2 = 7, t3 = 28, t4 = 29, t5 = 30, a0 = 10, a1 = 11, a2 = 12, a7 = 17;
        return new int[] {
            e(Op.LUI, s0, 0, 0, DATA >>> 12),
            e(Op.LUI, s1, 0, 0, (outer + 0x800) >>> 12),
            e(Op.ADDI, s1, s1, 0, (outer << 20) >> 20),
            e(Op.ADDI, a1, 0, 0, 0x5a5),
            // outer:
            e(Op.ADDI, t0, s0, 0, 0),
            e(Op.ADDI, t1, 0, 0, INNER),
            // inner:
            e(Op.LW, t2, t0, 0, 0),
            e(Op.ADD, a0, a0, t2, 0),
            e(Op.MUL, t3, t2, a1, 0),
            e(Op.XOR, a1, a1, t3, 0),
            e(Op.SLLI, t4, a0, 0, 3),
            e(Op.SRLI, t5, a0, 0, 7),
            e(Op.OR, a2, t4, t5, 0),
            e(Op.SW, 0, t0, a2, 0),
            e(Op.ADDI, t0, t0, 0, 4),
            e(Op.ADDI, t1, t1, 0, -1),
            e(Op.BNE, 0, t1, 0, -40),
            e(Op.ADDI, s1, s1, 0, -1),
            e(Op.BNE, 0, s1, 0, -56),
            e(Op.ADDI, a0, 0, 0, 0),
            e(Op.ADDI, a7, 0, 0, 93),
            e(Op.ECALL, 0, 0, 0, 0),
        };
    }
}
