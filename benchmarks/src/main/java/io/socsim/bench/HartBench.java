package io.socsim.bench;

import io.socsim.isa.Op;
import io.socsim.isa.exec.Bus;
import io.socsim.isa.exec.DecodeCache;
import io.socsim.isa.exec.Hart;
import io.socsim.isa.exec.HostInterface;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hart on an endless ALU/multiply/load loop: as the functional simulator runs it (a batch of
 * 1024 instructions per call) and as a timing model drives it (look at the instruction, then
 * execute exactly that one). Times are per instruction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HartBench {

    private static final int BASE = 0x10000000, BATCH = 1024;
    private Hart hart;

    private static int e(Op op, int rd, int rs1, int rs2, int imm) {
        return op.format().encode(op, rd, rs1, rs2, imm, 0);
    }

    @Setup
    public void setUp() {
        byte[] ram = new byte[1 << 16];
        int[] program = {
            e(Op.LW, 2, 4, 0, 0x400), e(Op.ADD, 5, 5, 2, 0), e(Op.MUL, 6, 5, 2, 0), e(Op.XOR, 7, 7, 6, 0),
            e(Op.SLLI, 8, 7, 0, 3), e(Op.SRLI, 9, 7, 0, 7), e(Op.OR, 10, 8, 9, 0), e(Op.SW, 0, 4, 10, 0x600),
            e(Op.ADDI, 11, 11, 0, 4), e(Op.ANDI, 12, 11, 0, 0x3fc), e(Op.JAL, 0, 0, 0, -40)};
        ByteBuffer b = ByteBuffer.wrap(ram).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < program.length; i++) {
            b.putInt(4 * i, program[i]);
        }
        hart = new Hart(0, new DecodeCache(), Bus.EMPTY, new HostInterface() {
            @Override
            public void ecall(Hart h) {
            }

            @Override
            public void tohost(Hart h, int value) {
            }
        });
        hart.mapRam(BASE, ram);
        hart.pc(BASE);
        hart.reg(4, BASE);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long batch() {
        return hart.run(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long peekThenExecute() {
        Hart h = hart;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            long d = h.peek();
            sum += d;
            h.run(1);
        }
        return sum;
    }
}
