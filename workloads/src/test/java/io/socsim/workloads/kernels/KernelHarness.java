package io.socsim.workloads.kernels;

import static io.socsim.isa.Reg.A0;
import static io.socsim.isa.Reg.A1;
import static io.socsim.isa.Reg.A2;
import static io.socsim.isa.Reg.A7;
import static io.socsim.isa.Reg.GP;
import static io.socsim.isa.Reg.RA;
import static io.socsim.isa.Reg.S0;
import static io.socsim.isa.Reg.SP;
import static io.socsim.isa.Reg.T0;
import static io.socsim.isa.Reg.T1;
import static io.socsim.isa.Reg.TP;
import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.config.Presets;
import io.socsim.config.SocConfig;
import io.socsim.isa.Op;
import io.socsim.isa.Reg;
import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.workloads.FunctionalCluster;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Runs one kernel under its calling convention on the functional cluster: every hart calls it
 * with a0 = argument block, a1 = hart index, a2 = core count, with sentinels in s0-s11, sp, gp
 * and tp that must survive; then all meet at a barrier and core 0 exits with 1 if any hart saw a
 * clobbered register. The operands are an L1 image with random guard bytes between them; every
 * byte outside the declared outputs must be unchanged afterwards.
 */
final class KernelHarness {

    static final SocConfig SOC = Presets.load("pulp-cluster");
    static final int L1_BASE = (int) SOC.memory().l1().orElseThrow().base();
    private static final int L2_BASE = (int) SOC.memory().l2().orElseThrow().base();
    private static final int EU_BASE = (int) SOC.memory().peripherals().orElseThrow().eventUnit().orElseThrow().base();
    private static final int MHARTID = 0xF14;
    private static final int[] PRESERVED = {S0, Reg.S1, Reg.S2, Reg.S3, Reg.S4, Reg.S5, Reg.S6, Reg.S7, Reg.S8,
        Reg.S9, Reg.S10, Reg.S11, SP, GP, TP};

    /** L1 operand image under construction; addresses are final as soon as they are returned. */
    static final class Image {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final SplittableRandom random;
        private final List<int[]> outputs = new ArrayList<>();

        Image(long seed) {
            random = new SplittableRandom(seed);
            guard();
        }

        private void guard() {
            int n = 4 + random.nextInt(3) * 4;
            for (int i = 0; i < n; i++) {
                bytes.write(random.nextInt(256));
            }
        }

        int address() {
            return L1_BASE + bytes.size();
        }

        /** Places {@code data} word aligned, followed by guard bytes; returns its address. */
        int put(byte[] data) {
            int at = address();
            bytes.writeBytes(data);
            while (bytes.size() % 4 != 0) {
                bytes.write(random.nextInt(256));
            }
            guard();
            return at;
        }

        int put(int[] words) {
            byte[] b = new byte[words.length * 4];
            for (int i = 0; i < words.length; i++) {
                for (int k = 0; k < 4; k++) {
                    b[4 * i + k] = (byte) (words[i] >>> (8 * k));
                }
            }
            return put(b);
        }

        /** Reserves an output of {@code n} bytes, filled with noise; returns its address. */
        int output(int n) {
            byte[] noise = new byte[n];
            for (int i = 0; i < n; i++) {
                noise[i] = (byte) random.nextInt(256);
            }
            int at = put(noise);
            outputs.add(new int[] {at, n});
            return at;
        }

        /** Replaces bytes already placed (e.g. an output that starts out holding an input). */
        void overwrite(int address, byte[] data) {
            byte[] all = bytes.toByteArray();
            System.arraycopy(data, 0, all, address - L1_BASE, data.length);
            bytes.reset();
            bytes.writeBytes(all);
        }

        byte[] toBytes() {
            return bytes.toByteArray();
        }
    }

    /** The cluster after the run, for reading outputs. */
    record Run(FunctionalCluster cluster, Image image) {
        byte[] read(int address, int n) {
            return cluster.read(address, n);
        }
    }

    private KernelHarness() {
    }

    /**
     * Emits the kernel with {@code emit} (which returns its entry), calls it on {@code cores} harts
     * with the argument block at {@code args} and checks the convention and the guard bytes.
     */
    static Run run(Function<ProgramBuilder, Label> emit, Image image, int args, int cores) {
        ProgramBuilder b = new ProgramBuilder().textBase(L2_BASE);
        b.text();
        Label entry = emit.apply(b);
        Label start = b.label("_start"), fail = b.newLabel(), meet = b.newLabel(), park = b.newLabel();
        Label flag = b.label("harness_flag");
        b.bind(start).global(start);
        for (int r : PRESERVED) {
            b.li(r, sentinel(r));
        }
        b.csrr(A1, MHARTID);
        b.li(A0, args);
        b.li(A2, cores);
        b.jal(RA, entry);
        for (int r : PRESERVED) {
            b.li(T0, sentinel(r));
            b.bne(r, T0, fail);
        }
        b.bind(meet);
        b.li(T0, EU_BASE);
        b.emit(Op.P_ELW, T0, T0, 0, 0, 0);                  // barrier
        b.csrr(T1, MHARTID);
        b.bnez(T1, park);
        b.la(T0, flag);
        b.lw(A0, 0, T0);
        b.li(A7, 93);
        b.ecall();
        b.bind(park);
        b.li(T0, EU_BASE + 4);
        b.emit(Op.P_ELW, T1, T0, 0, 0, 0);
        b.j(park);
        b.bind(fail);
        b.la(T0, flag);
        b.li(T1, 1);
        b.sw(T1, 0, T0);
        b.j(meet);
        b.data().balign(4);
        b.bind(flag);
        b.word(0);
        byte[] l1 = image.toBytes();
        b.sectionBase(".kernel.l1", L1_BASE).section(".kernel.l1").bytes(l1);

        FunctionalCluster cluster = new FunctionalCluster(SOC, cores, b.build(), FunctionalCluster.DmaMode.IMMEDIATE);
        int margin = 256;
        byte[] before = cluster.read(L1_BASE, l1.length + margin);
        cluster.runToQuiescence(200_000_000L);
        assertThat(cluster.exitCode()).as("s0-s11, sp, gp and tp preserved on every hart").isZero();
        byte[] after = cluster.read(L1_BASE, l1.length + margin);
        for (int[] o : image.outputs) {
            int off = o[0] - L1_BASE;
            System.arraycopy(after, off, before, off, o[1]);
        }
        assertThat(after).as("memory outside the outputs untouched").isEqualTo(before);
        return new Run(cluster, image);
    }

    private static int sentinel(int reg) {
        return 0x5E000000 | reg * 0x10101;
    }

    static byte[] randomBytes(SplittableRandom r, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) r.nextInt(256);
        }
        return out;
    }
}
