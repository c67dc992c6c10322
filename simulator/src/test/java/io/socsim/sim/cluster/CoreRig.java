package io.socsim.sim.cluster;

import io.socsim.config.CoreTiming;
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

/** Cores of the pulp-cluster preset on their own: a program in L1, the TCDM, no peripherals (the bus answers 0). */
final class CoreRig {

    static final SocConfig SOC = Presets.load("pulp-cluster");
    static final int L1 = 0x10000000, CODE = L1 + 0x8000, DATA = L1 + 0x100, DEVICE = 0x10200800;
    static final CoreTiming TIMING = SOC.cores().timing();

    final MemorySystem memory = new MemorySystem(SOC);
    final Tcdm tcdm = new Tcdm(L1, 64 * 1024, 16, 4);
    final DecodeCache code = new DecodeCache();
    private static final Bus ZEROS = new Bus() {
        @Override
        public int read(int address, int size) {
            return 0;
        }

        @Override
        public void write(int address, int size, int value) {
        }
    };

    /** Loads {@code program} (32-bit words) at {@link #CODE}. */
    CoreRig(int... program) {
        ByteBuffer b = ByteBuffer.wrap(memory.l1().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < program.length; i++) {
            b.putInt(CODE - L1 + 4 * i, program[i]);
        }
    }

    CoreState core(int id) {
        Hart hart = new Hart(id, code, ZEROS, new HostInterface() {
            @Override
            public void ecall(Hart h) {
                h.exit(0);
            }

            @Override
            public void tohost(Hart h, int value) {
            }
        });
        hart.mapRam(L1, memory.l1().bytes());
        hart.pc(CODE);
        return new CoreState(id, hart);
    }

    CoreTimer timer(CoreState c) {
        return new CoreTimer(c, TIMING, new boolean[4096], tcdm, memory);
    }

    static int e(Op op, int rd, int rs1, int rs2, int imm) {
        return op.format().encode(op, rd, rs1, rs2, imm, 0);
    }
}
