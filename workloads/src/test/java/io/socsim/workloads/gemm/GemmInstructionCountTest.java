package io.socsim.workloads.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.Decoder;
import io.socsim.isa.Insn;
import io.socsim.isa.Op;
import io.socsim.isa.asm.Program;
import io.socsim.isa.exec.Sem;
import io.socsim.workloads.FunctionalCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GemmInstructionCountTest {

    /**
     * Documented bound (docs/gemm.md): a 4x2 block costs 14 instructions per K step plus at most
     * 46 around it (pointers, hw-loop setup, requantisation with a multiplier, stores); every
     * 4-row group adds 12 for its software loop, and a core adds at most 64 for its share,
     * the tile loop, the barrier and the exit.
     */
    static long bound(GemmSpec s) {
        int kSteps = s.kPadded() / 4;
        long blocksPerCore = (long) s.m() / 4 / s.cores() * (s.n() / 2);
        long groupsPerCore = (long) s.m() / 4 / s.cores();
        return blocksPerCore * (14L * kSteps + 46) + groupsPerCore * 12 + 64;
    }

    static FunctionalCluster run(GemmSpec spec) {
        GemmKernel kernel = new GemmKernel(spec, GemmKernelTest.SOC);
        FunctionalCluster c = new FunctionalCluster(GemmKernelTest.SOC, spec.cores(), kernel.build(),
                FunctionalCluster.DmaMode.IMMEDIATE).countInstructions();
        c.run(10_000_000);
        assertThat(c.read(kernel.layout().cAddress(), spec.m() * spec.n())).isEqualTo(kernel.expectedOutput());
        return c;
    }

    static long dots(FunctionalCluster c, int hart) {
        return c.count(hart, Sem.PV_SDOTSP_B) + c.count(hart, Sem.PV_DOTSP_B);
    }

    @Test
    void everyCoreIssuesSixWordLoadsPerEightDotProducts() {
        GemmSpec spec = GemmSpec.of(64, 64, 64).withCores(8).withRequant(5, 12);
        FunctionalCluster c = run(spec);
        long perCore = spec.macs() / 4 / spec.cores();
        for (int h = 0; h < spec.cores(); h++) {
            assertThat(dots(c, h)).as("dot products of core %d", h).isEqualTo(perCore);
            assertThat(c.count(h, Sem.P_LW_IPOST) * 8).as("post-increment loads of core %d x 8", h).isEqualTo(dots(c, h) * 6);
        }
    }

    @Test
    void instructionsPerCoreStayWithinTheDocumentedBound() {
        for (int cores : new int[] {1, 2, 4, 8}) {
            GemmSpec spec = GemmSpec.of(64, 64, 64).withCores(cores).withRequant(5, 12);
            FunctionalCluster c = run(spec);
            for (int h = 0; h < cores; h++) {
                assertThat(c.instret(h)).as("instructions of core %d of %d", h, cores).isLessThanOrEqualTo(bound(spec));
            }
            double perMac = (double) c.instret(0) * cores / spec.macs();
            assertThat(perMac).as("instructions per MAC, ideal 14/32").isBetween(14 / 32.0, 0.53);
        }
    }

    @Test
    void raggedShapesStillIssueOneDotProductPerFourMacs() {
        GemmSpec spec = GemmSpec.of(33, 17, 20).withCores(8);
        FunctionalCluster c = run(spec);
        long total = 0;
        for (int h = 0; h < spec.cores(); h++) {
            total += dots(c, h);
        }
        assertThat(total).isEqualTo(spec.macs() / 4);
    }

    @Test
    void theKLoopIsSixPostIncrementLoadsAndEightSdotspInAHardwareLoop() {
        Program p = new GemmKernel(GemmSpec.of(64, 64, 64), GemmKernelTest.SOC).build();
        Program.Section text = p.section(".text").orElseThrow();
        List<List<Op>> bodies = new ArrayList<>();
        for (int a = text.base(); a < text.end(); a += 4) {
            Insn insn = Decoder.decode(p.wordAt(a));
            if (insn != null && insn.op() == Op.LP_SETUPI && insn.rd() == 0) {
                int end = a + insn.imm2();
                List<Op> body = new ArrayList<>();
                for (int q = a + 4; q <= end; q += 4) {
                    body.add(Decoder.decode(p.wordAt(q)).op());
                }
                bodies.add(body);
            }
        }
        // 4x2, 4x1 (odd column), 1x2 and 1x1 (leftover rows) blocks, in that order
        assertThat(bodies).hasSize(4);
        List<Op> main = bodies.get(0);
        assertThat(main).hasSize(14);
        assertThat(main.stream().filter(o -> o == Op.P_LW_IPOST).count()).isEqualTo(6);
        assertThat(main.stream().filter(o -> o == Op.PV_SDOTSP_B).count()).isEqualTo(8);
        assertThat(main.get(main.size() - 1)).as("the loop ends on a dot product").isEqualTo(Op.PV_SDOTSP_B);
    }
}
