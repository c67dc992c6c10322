package io.socsim.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventUnitTest {

    private final EventUnit eu = new EventUnit(4);

    @Test
    void theBarrierOpensOnTheLastArrivalReleasingEveryCoreAndThenStartsOver() {
        assertThat(eu.arrive(2)).isZero();
        assertThat(eu.arrive(0)).isZero();
        assertThat(eu.arrive(3)).isZero();
        assertThat(eu.arrivedAtBarrier(1)).isFalse();
        assertThat(eu.arrive(1)).isEqualTo(0b1111);
        assertThat(eu.arrivedAtBarrier(2)).as("a new round").isFalse();
        assertThat(eu.arrive(1)).isZero();
    }

    @Test
    void anEventWaitIsReadyOnlyForAPendingEventItsMaskLetsThroughAndReadingItClearsThoseEvents() {
        eu.write(1, EventUnit.EVENT_MASK, EventUnit.EV_DMA);
        assertThat(eu.raise(1, EventUnit.EV_SW)).as("masked off").isFalse();
        assertThat(eu.ready(1, EventUnit.EVENT_WAIT)).isFalse();
        assertThat(eu.raise(1, EventUnit.EV_DMA)).isTrue();
        assertThat(eu.ready(1, EventUnit.EVENT_WAIT)).isTrue();
        assertThat(eu.read(1, EventUnit.EVENT_WAIT)).isEqualTo(EventUnit.EV_DMA);
        assertThat(eu.read(1, EventUnit.EVENT_PENDING)).as("the masked-off event stays pending").isEqualTo(EventUnit.EV_SW);
        assertThat(eu.ready(1, EventUnit.EVENT_WAIT)).isFalse();
        assertThat(eu.ready(0, EventUnit.EVENT_WAIT)).as("events are per core").isFalse();
    }

    @Test
    void aTriggerNamesTheCoresThatGetASoftwareEventAndOnlyCoresThatExist() {
        assertThat(eu.write(0, EventUnit.EVENT_TRIGGER, 0b1111_0110)).isEqualTo(0b0110);
        assertThat(eu.write(0, EventUnit.EVENT_MASK, 5)).isZero();
        assertThat(eu.read(0, EventUnit.EVENT_MASK)).isEqualTo(5);
    }

    @Test
    void identityRegistersTellTheCoreItsIdAndTheCoreCount() {
        assertThat(eu.read(3, EventUnit.CORE_ID)).isEqualTo(3);
        assertThat(eu.read(3, EventUnit.CORE_COUNT)).isEqualTo(4);
        assertThat(EventUnit.waits(EventUnit.BARRIER)).isTrue();
        assertThat(EventUnit.waits(EventUnit.EVENT_MASK)).isFalse();
    }
}
