package io.socsim.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TcdmTest {

    private final Tcdm tcdm = new Tcdm(0x10000000, 64 * 1024, 16, 4);

    @Test
    void wordsAreInterleavedAcrossBanks() {
        assertThat(tcdm.bankOf(0x10000000)).isZero();
        assertThat(tcdm.bankOf(0x10000004)).isEqualTo(1);
        assertThat(tcdm.bankOf(0x1000003C)).isEqualTo(15);
        assertThat(tcdm.bankOf(0x10000040)).isZero();
        assertThat(tcdm.contains(0x1000FFFC)).isTrue();
        assertThat(tcdm.contains(0x10010000)).isFalse();
    }

    @Test
    void differentBanksAreServedInTheSameCycle() {
        tcdm.request(0, 3);
        tcdm.request(1, 4);
        tcdm.arbitrate();
        assertThat(tcdm.granted(0)).isTrue();
        assertThat(tcdm.granted(1)).isTrue();
        assertThat(tcdm.conflicts(3) + tcdm.conflicts(4)).isZero();
    }

    @Test
    void oneBankServesOneRequesterPerCycleInRoundRobinOrder() {
        StringBuilder winners = new StringBuilder();
        for (int cycle = 0; cycle < 6; cycle++) {
            tcdm.request(0, 5);
            tcdm.request(1, 5);
            tcdm.request(2, 5);
            tcdm.arbitrate();
            for (int r = 0; r < 3; r++) {
                if (tcdm.granted(r)) {
                    winners.append(r);
                }
            }
        }
        assertThat(winners.toString()).isEqualTo("012012");
        assertThat(tcdm.accesses(5)).isEqualTo(6);
        assertThat(tcdm.conflicts(5)).isEqualTo(12);
    }

    @Test
    void acceleratorWithPriorityTakesItsBanksButCoresAreForcedInAfterMaxStall() {
        tcdm.widePortPolicy(true, 3);
        StringBuilder pattern = new StringBuilder();
        for (int cycle = 0; cycle < 8; cycle++) {
            tcdm.request(0, 2);                 // a core on a bank inside the window
            tcdm.requestWide(9, 0, 16);
            tcdm.arbitrate();
            pattern.append(tcdm.wideGranted() ? 'A' : 'c');
            assertThat(tcdm.granted(0)).isNotEqualTo(tcdm.wideGranted());
        }
        assertThat(pattern.toString()).isEqualTo("AAAcAAAc");
        assertThat(tcdm.wideDenied()).isEqualTo(2);
    }

    @Test
    void withCorePriorityTheAcceleratorIsForcedInAfterMaxStall() {
        tcdm.widePortPolicy(false, 2);
        StringBuilder pattern = new StringBuilder();
        for (int cycle = 0; cycle < 6; cycle++) {
            tcdm.request(0, 7);
            tcdm.requestWide(9, 0, 16);
            tcdm.arbitrate();
            pattern.append(tcdm.wideGranted() ? 'A' : 'c');
        }
        assertThat(pattern.toString()).isEqualTo("ccAccA");
    }

    @Test
    void uncontestedWidePortLeavesOtherBanksAlone() {
        Tcdm wide = new Tcdm(0x10000000, 64 * 1024, 16, 4);
        wide.widePortPolicy(true, 8);
        wide.request(0, 12);
        wide.requestWide(9, 0, 8);              // banks 0-7 only
        wide.arbitrate();
        assertThat(wide.wideGranted()).isTrue();
        assertThat(wide.granted(0)).isTrue();
    }
}
