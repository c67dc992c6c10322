package io.socsim.workloads.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.asm.Program;
import io.socsim.isa.elf.ElfFile;
import io.socsim.workloads.FunctionalCluster;
import io.socsim.workloads.gemm.GemmSpec.Placement;
import org.junit.jupiter.api.Test;

class GemmProgramTest {

    @Test
    void elfCarriesEntryOperandsAndSymbols() {
        GemmKernel kernel = new GemmKernel(GemmSpec.of(16, 16, 16).withPlacement(Placement.L2_DMA), GemmKernelTest.SOC);
        Program p = kernel.build();
        ElfFile elf = ElfFile.read(kernel.elf(), "gemm");
        assertThat(elf.entry()).isEqualTo(p.address("_start")).isEqualTo(0x1C00_0000);
        assertThat(elf.symbolAddress("gemm_a")).contains(kernel.layout().aAddress());
        assertThat(elf.symbolAddress("gemm_bt")).contains(kernel.layout().btAddress());
        assertThat(elf.symbolAddress("gemm_c")).contains(kernel.layout().cAddress());
        assertThat(elf.contents(elf.section(".gemm.l2").orElseThrow())).isEqualTo(p.section(".gemm.l2").orElseThrow().bytes());
    }

    @Test
    void operandsAreStoredPaddedAndBTransposed() {
        GemmKernel kernel = new GemmKernel(GemmSpec.of(3, 2, 5), GemmKernelTest.SOC);
        Program p = kernel.build();
        GemmLayout l = kernel.layout();
        byte[] a = kernel.inputs().a(), b = kernel.inputs().b();
        // K = 5 pads to 8 bytes (two words); an even word count gets one more word, so rows start
        // 12 bytes apart and consecutive rows fall into different banks
        assertThat(l.rowStride()).isEqualTo(12);
        assertThat((byte) p.byteAt(l.aAddress() + 2 * 12 + 4)).isEqualTo(a[2 * 5 + 4]);
        assertThat(p.byteAt(l.aAddress() + 2 * 12 + 5)).as("padding").isZero();
        assertThat((byte) p.byteAt(l.btAddress() + 12 + 3)).as("B^T[1][3] = B[3][1]").isEqualTo(b[3 * 2 + 1]);
    }

    @Test
    void generationIsDeterministicForASeed() {
        GemmSpec spec = GemmSpec.of(20, 12, 8).withSeed(42);
        assertThat(new GemmKernel(spec, GemmKernelTest.SOC).elf()).isEqualTo(new GemmKernel(spec, GemmKernelTest.SOC).elf());
        assertThat(new GemmKernel(spec.withSeed(43), GemmKernelTest.SOC).expectedOutput())
                .isNotEqualTo(new GemmKernel(spec, GemmKernelTest.SOC).expectedOutput());
    }

    @Test
    void coresBeyondTheSpecOnlyJoinTheBarriers() {
        GemmKernel kernel = new GemmKernel(GemmSpec.of(33, 17, 20).withCores(3).withRequant(7, 11), GemmKernelTest.SOC);
        FunctionalCluster c = new FunctionalCluster(GemmKernelTest.SOC, 8, kernel.build(), FunctionalCluster.DmaMode.IMMEDIATE);
        c.run(1_000_000);
        assertThat(c.read(kernel.layout().cAddress(), 33 * 17)).isEqualTo(kernel.expectedOutput());
        assertThat(c.instret(5)).isLessThan(40);
    }

    @Test
    void requantisationWrapsTheProductAndSaturates() {
        assertThat(GemmReference.requant(1000, 1, 2)).isEqualTo((byte) 127);
        assertThat(GemmReference.requant(-1000, 1, 2)).isEqualTo((byte) -128);
        assertThat(GemmReference.requant(-9, 1, 1)).as("arithmetic shift rounds down").isEqualTo((byte) -5);
        assertThat(GemmReference.requant(0x4000_0000, 4, 0)).as("low 32 bits of the product").isEqualTo((byte) 0);
    }
}
