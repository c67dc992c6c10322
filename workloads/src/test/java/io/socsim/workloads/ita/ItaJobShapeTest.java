package io.socsim.workloads.ita;

import static io.socsim.workloads.ita.ItaRun.SOC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.config.Presets;
import io.socsim.isa.asm.Program;
import io.socsim.isa.elf.ElfFile;
import io.socsim.ita.math.Activation;
import io.socsim.ita.math.Requant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec validation, MAC counting, L1 layout and the ELF image (no program is run here). */
class ItaJobShapeTest {

    @Test
    void macCountsFollowTheDocumentedConvention() {
        assertThat(ItaJobSpec.linear(128, 512, 128, Activation.GELU).macs()).isEqualTo(128L * 512 * 128);
        assertThat(ItaJobSpec.linear(40, 72, 24, Activation.IDENTITY).macs()).isEqualTo(69_120);
        // 3*S*E*P (Q, K, V) + 2*S*S*P (QK^T, A.V) + S*P*E (output projection)
        assertThat(ItaJobSpec.attention(64, 64, 64).macs()).isEqualTo(6L * 64 * 64 * 64);
        assertThat(ItaJobSpec.attention(128, 128, 32).macs()).isEqualTo(3_145_728);
        assertThat(new ItaJobProgram(ItaJobSpec.attention(128, 128, 32), SOC).macs()).isEqualTo(3_145_728);
    }

    @Test
    void specRejectsWhatTheRegisterInterfaceCannotRun() {
        assertThatThrownBy(() -> ItaJobSpec.attention(40, 64, 64)).hasMessageContaining("multiple of 16");
        assertThatThrownBy(() -> new ItaJobSpec(ItaJobSpec.Mode.ATTENTION, 64, 64, 64, Activation.GELU, List.of(), 1, 8,
                false, 0)).hasMessageContaining("no activation");
        assertThatThrownBy(() -> ItaJobSpec.attention(64, 64, 64).withRequants(List.of(new Requant(1, 1, 0))))
                .hasMessageContaining("needs 6 requant settings");
        assertThatThrownBy(() -> ItaJobSpec.linear(0, 4, 4, Activation.IDENTITY)).hasMessageContaining("positive");
        assertThatThrownBy(() -> ItaJobSpec.linear(4, 4, 4, Activation.IDENTITY).withCores(17)).hasMessageContaining("1-16");
    }

    @Test
    void aJobThatDoesNotFitL1IsRejectedWithItsSize() {
        ItaJobSpec big = ItaJobSpec.linear(512, 512, 512, Activation.IDENTITY);
        assertThatThrownBy(() -> new ItaJobProgram(big, SOC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S=512 E=512 P=512")
                .hasMessageContaining("needs " + (3 * 512 * 512 + 4 * 512) + " bytes of L1")
                .hasMessageContaining("L1 holds 262144");
        // 4*S*P + S*S of scratch tips an attention head over the edge that its operands alone would not
        ItaJobSpec head = ItaJobSpec.attention(256, 256, 64);
        assertThatThrownBy(() -> new ItaJobProgram(head, SOC)).hasMessageContaining("scratch");
    }

    @Test
    void configurationsWithoutItaOrWithFewerCoresAreRejected() {
        assertThatThrownBy(() -> new ItaJobProgram(ItaJobSpec.linear(8, 8, 8, Activation.IDENTITY),
                Presets.load("pulp-cluster"))).hasMessageContaining("no ITA register window");
        assertThatThrownBy(() -> new ItaJobProgram(ItaJobSpec.linear(8, 8, 8, Activation.IDENTITY).withCores(9), SOC))
                .hasMessageContaining("9 cores");
    }

    @Test
    void operandsAreWordAlignedDisjointAndInsideL1() {
        ItaJobProgram job = new ItaJobProgram(ItaJobSpec.attention(128, 128, 32).withHammer(true), SOC);
        ItaLayout l = job.layout();
        int s = 128, e = 128, p = 32;
        List<int[]> regions = new ArrayList<>();                 // {start, bytes}
        regions.add(new int[] {l.in(), s * e});
        for (int i = 0; i < 4; i++) {
            regions.add(new int[] {l.weights().get(i), e * p});
            regions.add(new int[] {l.biases().get(i), 4 * (i < 3 ? p : e)});
        }
        regions.add(new int[] {l.out(), s * e});
        regions.add(new int[] {l.scratch(), 4 * s * p + s * s});
        assertThat(l.scratchBytes()).isEqualTo(4 * s * p + s * s);
        for (int core = 1; core < 8; core++) {
            regions.add(new int[] {l.hammerBuffer(core), ItaJobProgram.HAMMER_BUFFER_BYTES});
        }
        long l1 = SOC.memory().l1().orElseThrow().base(), size = SOC.memory().l1().orElseThrow().size();
        regions.sort((a, b) -> Integer.compareUnsigned(a[0], b[0]));
        for (int i = 0; i < regions.size(); i++) {
            int[] r = regions.get(i);
            assertThat(r[0] & 3).as("alignment of 0x%08x", r[0]).isZero();
            assertThat((long) r[0]).isGreaterThanOrEqualTo(l1);
            assertThat((long) r[0] + r[1]).isLessThanOrEqualTo(l1 + size).isLessThanOrEqualTo(l.end());
            if (i > 0) {
                int[] prev = regions.get(i - 1);
                assertThat(r[0]).as("0x%08x after 0x%08x+%d", r[0], prev[0], prev[1]).isGreaterThanOrEqualTo(prev[0] + prev[1]);
            }
        }
        assertThat(l.kv()).isZero();
        assertThat(job.stagedRegisters().get(ItaRegisters.IN_KV)).isZero();
    }

    @Test
    void elfPreloadsTheOperandsInL1AndRunsFromL2() {
        ItaJobProgram job = new ItaJobProgram(ItaJobSpec.linear(40, 72, 24, Activation.GELU), SOC);
        Program p = job.build();
        ElfFile elf = ElfFile.read(job.elf(), "ita");
        assertThat(elf.entry()).isEqualTo(p.address("_start")).isEqualTo(0x1C00_0000);
        assertThat(elf.symbolAddress("ita_in")).contains(0x1000_0000);
        assertThat(elf.symbolAddress("ita_out")).contains(job.outputAddress());
        byte[] l1 = elf.contents(elf.section(".ita.l1").orElseThrow());
        assertThat(l1).isEqualTo(p.section(".ita.l1").orElseThrow().bytes());
        int out = job.outputAddress() - 0x1000_0000;
        for (int i = 0; i < 40 * 24; i++) {
            assertThat(l1[out + i]).isEqualTo(ItaJobProgram.OUTPUT_POISON);
        }
        int expected = p.address("ita_expected");
        for (int i = 0; i < 40 * 24; i++) {
            assertThat((byte) p.byteAt(expected + i)).isEqualTo(job.expectedOutput()[i]);
        }
        assertThat(Integer.toUnsignedLong(expected)).isGreaterThanOrEqualTo(0x1C00_0000L);
    }

    @Test
    void sameSpecGivesTheSameElf() {
        ItaJobSpec spec = ItaJobSpec.attention(64, 64, 32).withHammer(true).withSeed(11);
        assertThat(new ItaJobProgram(spec, SOC).elf()).isEqualTo(new ItaJobProgram(spec, SOC).elf());
        assertThat(new ItaJobProgram(spec, SOC).elf()).isNotEqualTo(new ItaJobProgram(spec.withSeed(12), SOC).elf());
    }

    @Test
    void requantWordPacksMultiplierShiftAndSignedAdd() {
        Requant rq = new Requant(200, 17, -3);
        assertThat(ItaRegisters.requantWord(rq)).isEqualTo(200 | 17 << 8 | 0xFD << 16);
        assertThat(ItaRegisters.requant(ItaRegisters.requantWord(rq))).isEqualTo(rq);
    }
}
