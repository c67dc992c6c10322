package io.socsim.isa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsrTest {

    @Test
    void standardCsrsCarryTheNamesBinutilsPrints() {
        // objdump 2.40 names, learned by disassembling csrrs a0,<n>,a1.
        assertThat(Csr.name(0x300)).isEqualTo("mstatus");
        assertThat(Csr.name(0x343)).isEqualTo("mtval");
        assertThat(Csr.name(0xb80)).isEqualTo("mcycleh");
        assertThat(Csr.name(0xc82)).isEqualTo("instreth");
        assertThat(Csr.name(0xf14)).isEqualTo("mhartid");
    }

    @Test
    void namesAndNumbersAreInverse() {
        for (int n = 0; n < 4096; n++) {
            String name = Csr.name(n);
            if (name != null) {
                assertThat(Csr.number(name)).isEqualTo(n);
            }
        }
        assertThat(Csr.number("fflags")).isEqualTo(-1);
        assertThat(Csr.name(4096)).isNull();
    }

    @Test
    void pulpCountersAndHardwareLoopRegistersHaveNames() {
        assertThat(Csr.name(Csr.PCCR0 + 31)).isEqualTo("pccr31");
        assertThat(Csr.name(0x7c3)).isNull();
        assertThat(Csr.number("lpcount1")).isEqualTo(0x7c6);
        assertThat(Csr.known(Csr.PCMR)).isTrue();
    }
}
