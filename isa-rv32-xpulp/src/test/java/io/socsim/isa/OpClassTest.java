package io.socsim.isa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cost column of the encoding table agrees with what the rows' formats and expansions say. */
class OpClassTest {

    private static final Set<Format> LOADS = EnumSet.of(Format.LOAD, Format.LOAD_REG, Format.POST_LOAD_IMM, Format.POST_LOAD_REG);
    private static final Set<Format> STORES = EnumSet.of(Format.STORE, Format.STORE_REG, Format.POST_STORE_IMM, Format.POST_STORE_REG);

    @Test
    void memoryRowsAreLoadsOrStoresWithASizeAndNoOtherRowMovesBytes() {
        for (Op op : Op.values()) {
            if (op.length() == 2) {
                continue;
            }
            OpClass c = op.opClass();
            boolean memory = LOADS.contains(op.format()) || STORES.contains(op.format());
            assertThat(c.accessBytes() > 0).as(op + " moves bytes").isEqualTo(memory);
            if (LOADS.contains(op.format())) {
                assertThat(c.timing()).as(op.name()).isEqualTo(OpClass.Timing.LOAD);
            } else if (STORES.contains(op.format())) {
                assertThat(c.timing()).as(op.name()).isEqualTo(OpClass.Timing.STORE);
            }
        }
    }

    @Test
    void branchesJumpsAndCsrRowsHaveTheirTimingKind() {
        for (Op op : Op.values()) {
            OpClass.Timing t = op.opClass().timing();
            switch (op.expanded().format()) {
                case BRANCH: case BRANCH_IMM: assertThat(t).as(op.name()).isEqualTo(OpClass.Timing.BRANCH); break;
                case J: assertThat(t).as(op.name()).isEqualTo(OpClass.Timing.JAL); break;
                case JALR: assertThat(t).as(op.name()).isEqualTo(OpClass.Timing.JALR); break;
                case CSR: case CSRI: assertThat(t).as(op.name()).isEqualTo(OpClass.Timing.CSR); break;
                default: break;
            }
        }
    }

    @Test
    void aCompressedRowCostsWhatItsExpansionCosts() {
        for (Op op : Op.values()) {
            assertThat(op.opClass()).as(op.name()).isEqualTo(op.expanded().opClass());
        }
    }

    @Test
    void accumulatingRowsReadTheirDestination() {
        assertThat(Op.P_MAC.opClass().readsRd()).isTrue();
        assertThat(Op.PV_SDOTSP_B.opClass().readsRd()).isTrue();
        assertThat(Op.PV_DOTSP_B.opClass().readsRd()).isFalse();
        assertThat(Op.ADD.opClass().readsRd()).isFalse();
    }
}
