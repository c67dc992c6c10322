package io.socsim.sim.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.config.ConfigLoader;
import io.socsim.config.ConfigSource;
import io.socsim.config.SocConfig;
import io.socsim.isa.asm.Program;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.isa.asm.ProgramElf;
import io.socsim.isa.elf.ElfFile;
import io.socsim.ita.math.Activation;
import io.socsim.ita.math.ActivationStage;
import io.socsim.ita.math.Attention;
import io.socsim.ita.math.FeedForward;
import io.socsim.ita.math.GeluConstants;
import io.socsim.ita.math.HeadRequant;
import io.socsim.ita.math.HeadWeights;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.sim.cluster.Cluster;
import io.socsim.workloads.runtime.Arena;
import io.socsim.workloads.runtime.Lowering;
import io.socsim.workloads.runtime.Runtime;
import io.socsim.workloads.runtime.Schedule;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedules lowered onto DMA and ITA, run by the runtime on the timed cluster, against the bit-exact math. */
class LoweringOnClusterTest {

    private static final int L2 = 0x1c000000, L3 = 0x80000000, L1 = 0x10000000;

    private static SocConfig soc(String l1Size) {
        return ConfigLoader.load(ConfigSource.preset("ita-cluster"), List.of("memory.l1.size=" + l1Size));
    }

    private static byte[] random(Random r, int n) {
        return TestData.bytes(r, n, -32, 32);
    }

    private static byte[] ints(int[] v) {
        return TestData.ints(v);
    }

    private static byte[] run(SocConfig soc, ProgramBuilder b, int address, int length) {
        Program p = b.build();
        Cluster c = new Cluster(soc, ElfFile.read(ProgramElf.toBytes(p, false), "lowering.elf"),
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
        assertThat(c.run(50_000_000L).exitCode()).isZero();
        return c.readMemory(address, length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256KiB", "64KiB", "32KiB"})
    void linearLayerThroughDmaAndItaEqualsTheMath(String l1) {
        SocConfig soc = soc(l1);
        Random r = new Random(3);
        int s = 128, cin = 128, cout = 512;
        byte[] x = random(r, s * cin), w = random(r, cin * cout);
        int[] bias = r.ints(cout, -500, 500).toArray();
        ProgramBuilder b = new ProgramBuilder().textBase(L2);
        Arena l2 = new Arena("L2", L2 + 0x10000, 0x100000), l3 = new Arena("L3", L3, 0x100000);
        int xa = l2.take(x.length), oa = l2.take(s * cout), wa = l3.take(w.length), ba = l3.take(4 * cout);
        b.sectionBase(".l2in", xa).section(".l2in").bytes(x);
        b.sectionBase(".l3", wa).section(".l3").bytes(w).balign(16).bytes(ints(bias));
        Schedule sch = new Schedule();
        Lowering low = new Lowering(sch, L1, (int) soc.memory().l1().orElseThrow().size(), 64);
        low.itaLinear("ffn", xa, s, cin, wa, cout, ba, 1 | 7 << 8, 1, 1, oa);
        Runtime.emit(b, sch, soc);
        Requant rq = new Requant(1, 7, 0);
        Matrix8 expected = FeedForward.linear(new Matrix8(s, cin, x), new Matrix8(cin, cout, w), new Matrix32(1, cout, bias), rq,
                new ActivationStage(Activation.RELU, new Requant(1, 0, 0), GeluConstants.DEFAULT)).out();
        assertThat(run(soc, b, oa, s * cout)).isEqualTo(expected.data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256KiB", "32KiB", "8KiB"})
    void linearLayerOnTheCoresEqualsTheMath(String l1) {
        SocConfig soc = soc(l1);
        Random r = new Random(11);
        int s = 64, cin = 128, cout = 96;
        for (boolean unsigned : new boolean[] {false, true}) {
            byte[] x = random(r, s * cin), w = random(r, cin * cout);
            if (unsigned) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = (byte) (x[i] * 4 + 128); // values above 127 read as uint8
                }
            }
            int[] bias = r.ints(cout, -500, 500).toArray();
            byte[] wt = new byte[w.length];
            for (int i = 0; i < cin; i++) {
                for (int j = 0; j < cout; j++) {
                    wt[j * cin + i] = w[i * cout + j];
                }
            }
            ProgramBuilder b = new ProgramBuilder().textBase(L2);
            io.socsim.isa.asm.Label kernel = io.socsim.workloads.kernels.CoreLinearKernel.emit(b);
            Arena l2 = new Arena("L2", L2 + 0x10000, 0x100000), l3 = new Arena("L3", L3, 0x100000);
            int xa = l2.take(x.length), oa = l2.take(s * cout), wa = l3.take(wt.length), ba = l3.take(4 * cout);
            b.sectionBase(".l2in", xa).section(".l2in").bytes(x);
            b.sectionBase(".l3", wa).section(".l3").bytes(wt).balign(16).bytes(ints(bias));
            Schedule sch = new Schedule();
            new Lowering(sch, L1, (int) soc.memory().l1().orElseThrow().size(), 64).coreLinear("lin", xa, s, cin, wa, cout, ba, kernel,
                    (xx, xs, ww, ws, bb, oo, os, rows, cols, e) -> new io.socsim.workloads.kernels.CoreLinearKernel.Args(
                            xx, xs, ww, ws, bb, oo, os, rows, cols, e, 1 | 9 << 8, 0, 0, unsigned ? 1 : 0).encode(), oa);
            Runtime.emit(b, sch, soc);
            Matrix8 xm = new Matrix8(s, cin, x);
            Matrix32 acc = io.socsim.ita.math.Gemm.linear(xm, unsigned, new Matrix8(cin, cout, w), false, new Matrix32(1, cout, bias));
            byte[] expected = new Requant(1, 9, 0).apply(acc).data();
            assertThat(run(soc, b, oa, s * cout)).as("unsigned x: %s", unsigned).isEqualTo(expected);
        }
    }

    /**
     * A test kernel: args {a, b, out, rows, cols}; out = a + b (wrapping), rows split over cores.
     * Exercises the runtime's kernel dispatch, the barriers and the element-wise row tiling.
     */
    private static io.socsim.isa.asm.Label addKernel(ProgramBuilder b) {
        io.socsim.isa.asm.Label entry = b.newLabel(), row = b.newLabel(), col = b.newLabel(), done = b.newLabel();
        int a0 = 10, a1 = 11, a2 = 12, t0 = 5, t1 = 6, t2 = 7, t3 = 28, t4 = 29, t5 = 30, t6 = 31, a3 = 13, a4 = 14, a5 = 15;
        b.bind(entry);
        b.lw(a3, 12, a0);             // rows
        b.lw(a4, 16, a0);             // cols
        b.mv(t0, a1);                 // row = core index
        b.bind(row);
        b.bge(t0, a3, done);
        b.mul(t1, t0, a4);            // row offset
        b.lw(t2, 0, a0);
        b.add(t2, t2, t1);
        b.lw(t3, 4, a0);
        b.add(t3, t3, t1);
        b.lw(t4, 8, a0);
        b.add(t4, t4, t1);
        b.li(t5, 0);
        b.bind(col);
        b.lb(t6, 0, t2);
        b.lb(a5, 0, t3);
        b.add(t6, t6, a5);
        b.sb(t6, 0, t4);
        b.addi(t2, t2, 1);
        b.addi(t3, t3, 1);
        b.addi(t4, t4, 1);
        b.addi(t5, t5, 1);
        b.blt(t5, a4, col);
        b.add(t0, t0, a2);
        b.j(row);
        b.bind(done);
        b.ret();
        return entry;
    }

    @ParameterizedTest
    @ValueSource(strings = {"256KiB", "16KiB"})
    void elementwiseKernelOnAllCoresEqualsTheSum(String l1) {
        SocConfig soc = soc(l1);
        Random r = new Random(9);
        int rows = 128, cols = 96;
        byte[] a = random(r, rows * cols), c = random(r, rows * cols);
        ProgramBuilder b = new ProgramBuilder().textBase(L2);
        io.socsim.isa.asm.Label kernel = addKernel(b);
        Arena l2 = new Arena("L2", L2 + 0x10000, 0x100000);
        int aa = l2.take(a.length), ca = l2.take(c.length), oa = l2.take(rows * cols);
        b.sectionBase(".l2a", aa).section(".l2a").bytes(a);
        b.sectionBase(".l2c", ca).section(".l2c").bytes(c);
        Schedule sch = new Schedule();
        new Lowering(sch, L1, (int) soc.memory().l1().orElseThrow().size(), 64).elementwise("add", kernel,
                new int[] {aa, ca}, rows, cols, new int[0], new int[0], (bufs, n) -> new int[] {bufs[0], bufs[1], bufs[2], n, cols}, oa);
        Runtime.emit(b, sch, soc);
        byte[] got = run(soc, b, oa, rows * cols);
        for (int i = 0; i < got.length; i++) {
            assertThat(got[i]).as("element %d", i).isEqualTo((byte) (a[i] + c[i]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"256KiB", "96KiB"})
    void fourHeadsThroughDmaAndItaEqualTheMath(String l1) {
        SocConfig soc = soc(l1);
        Random r = new Random(5);
        int s = 64, e = 128, p = 32, heads = 4;
        byte[] in = random(r, s * e);
        ProgramBuilder b = new ProgramBuilder().textBase(L2);
        Arena l2 = new Arena("L2", L2 + 0x10000, 0x100000);
        int ia = l2.take(in.length), oa = l2.take(heads * s * e);
        b.sectionBase(".l2in", ia).section(".l2in").bytes(in);
        int block = Lowering.headBlockBytes(e, p);
        int[] off = Lowering.headBlockOffsets(e, p);
        byte[] params = new byte[heads * block];
        HeadWeights[] hw = new HeadWeights[heads];
        for (int h = 0; h < heads; h++) {
            byte[] wq = random(r, e * p), wk = random(r, e * p), wv = random(r, e * p), wo = random(r, p * e);
            int[] bq = r.ints(p, -300, 300).toArray(), bk = r.ints(p, -300, 300).toArray(), bv = r.ints(p, -300, 300).toArray(),
                    bo = r.ints(e, -300, 300).toArray();
            byte[][] parts = {wq, wk, wv, wo, ints(bq), ints(bk), ints(bv), ints(bo)};
            for (int i = 0; i < parts.length; i++) {
                System.arraycopy(parts[i], 0, params, h * block + off[i], parts[i].length);
            }
            hw[h] = new HeadWeights(new Matrix8(e, p, wq), new Matrix8(e, p, wk), new Matrix8(e, p, wv), new Matrix8(p, e, wo),
                    new Matrix32(1, p, bq), new Matrix32(1, p, bk), new Matrix32(1, p, bv), new Matrix32(1, e, bo));
        }
        b.sectionBase(".l3", L3).section(".l3").bytes(params);
        int[] rqw = {0x0a01 | 0x60, 0x0a01 | 0x60, 0x0a01 | 0x60, 0x0901 | 0x40, 0x0701 | 0x40, 0x0a01 | 0x60};
        Schedule sch = new Schedule();
        new Lowering(sch, L1, (int) soc.memory().l1().orElseThrow().size(), 64).itaHeads("attention", ia, s, e, p, heads, L3, rqw, oa);
        Runtime.emit(b, sch, soc);
        byte[] got = run(soc, b, oa, heads * s * e);
        for (int h = 0; h < heads; h++) {
            Requant[] q = new Requant[6];
            for (int i = 0; i < 6; i++) {
                q[i] = new Requant(rqw[i] & 0xff, (rqw[i] >>> 8) & 0xff, 0);
            }
            Matrix8 x = new Matrix8(s, e, in);
            byte[] expected = Attention.head(x, x, x, hw[h], new HeadRequant(q[0], q[1], q[2], q[3], q[4], q[5])).ow().data();
            assertThat(java.util.Arrays.copyOfRange(got, h * s * e, (h + 1) * s * e)).as("head %d", h).isEqualTo(expected);
        }
    }
}
