package io.socsim.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.Op;
import io.socsim.isa.OpClass;
import io.socsim.isa.exec.DecodeCache;
import org.junit.jupiter.api.Test;

class InsnClassTest {

    @Test
    void kindAndEnergyConstantsAreTheOrdinalsOfTheTableColumn() {
        assertThat(new int[] {InsnClass.ALU, InsnClass.LOAD, InsnClass.STORE, InsnClass.BRANCH, InsnClass.JAL, InsnClass.JALR,
            InsnClass.MULH, InsnClass.DIV, InsnClass.CSR, InsnClass.WFI})
                .containsExactly(java.util.Arrays.stream(OpClass.Timing.values()).mapToInt(Enum::ordinal).toArray());
        assertThat(new int[] {InsnClass.E_ALU, InsnClass.E_LOAD, InsnClass.E_STORE, InsnClass.E_MUL, InsnClass.E_MAC,
            InsnClass.E_SIMD_DOT, InsnClass.E_SIMD_OTHER, InsnClass.E_BRANCH})
                .containsExactly(java.util.Arrays.stream(OpClass.Energy.values()).mapToInt(Enum::ordinal).toArray());
        assertThat(InsnClass.ENERGY_CLASSES).isEqualTo(OpClass.Energy.values().length);
    }

    @Test
    void anAccumulatorWaitsForItsDestinationAndOnlyRegisterAndAluWorkRunsAhead() {
        int mac = DecodeCache.semOf(Op.P_MAC);
        assertThat(InsnClass.READS[mac] & InsnClass.READS_RD).isNotZero();
        assertThat(InsnClass.PRIVATE[mac]).isTrue();
        assertThat(InsnClass.PRIVATE[DecodeCache.semOf(Op.LW)]).isFalse();
        assertThat(InsnClass.PRIVATE[DecodeCache.semOf(Op.CSRRW)]).isFalse();
        assertThat(InsnClass.PRIVATE[DecodeCache.semOf(Op.ECALL)]).isFalse();
        assertThat(InsnClass.SIZE[DecodeCache.semOf(Op.LHU)]).isEqualTo((byte) 2);
    }
}
