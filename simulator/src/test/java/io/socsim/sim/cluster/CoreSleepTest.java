package io.socsim.sim.cluster;

import static io.socsim.sim.cluster.CoreRig.e;
import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.Op;
import org.junit.jupiter.api.Test;

class CoreSleepTest {

    private static final int WAIT_ENTRY = 6, WAKEUP = 2;

    private final CoreRig rig = new CoreRig(e(Op.LW, 2, 5, 0, 0), e(Op.ADDI, 0, 0, 0, 0));
    private final CoreState[] cores = {rig.core(0), rig.core(1), rig.core(2)};
    private final EventUnit eventUnit = new EventUnit(3);
    private final CoreSleep sleep = new CoreSleep(cores, eventUnit, null, null, WAIT_ENTRY, WAKEUP,
            new int[] {CoreRig.DEVICE, 0x800, 0, 0, 0, 0});

    @Test
    void aCoreResumesAfterEnteringTheWaitAndWakingUpAndItsWaitingLoadExecutesThen() {
        CoreState c = cores[1];
        assertThat(sleep.mayIssueLoad(c, CoreRig.DEVICE + EventUnit.EVENT_WAIT, 10)).isFalse();
        assertThat(c.sleep).isEqualTo(CoreState.SLEEP_EVENT);
        assertThat(c.readyAt).isEqualTo(Long.MAX_VALUE);
        sleep.softwareEvents(0b010, 12); // before the wait was entered: resumes at 10 + 6 + 2
        assertThat(c.sleep).isEqualTo(CoreState.AWAKE);
        assertThat(c.readyAt).isEqualTo(10 + WAIT_ENTRY + WAKEUP);
        assertThat(c.sleepCycles).isEqualTo(WAIT_ENTRY + WAKEUP);
        assertThat(c.hart.pc()).as("the waiting load executed").isEqualTo(CoreRig.CODE + 4);
        assertThat(c.instructions).isEqualTo(1);
        eventUnit.read(1, EventUnit.EVENT_WAIT); // what the load read on the cluster's bus: the event is consumed
        sleep.mayIssueLoad(c, CoreRig.DEVICE + EventUnit.EVENT_WAIT, 40);
        sleep.softwareEvents(0b010, 100); // long after: resumes at event + wake-up
        assertThat(c.readyAt).isEqualTo(100 + WAKEUP);
    }

    @Test
    void anEventAlreadyPendingLetsTheWaitCompleteLikeAnyLoad() {
        eventUnit.raise(0, EventUnit.EV_SW);
        assertThat(sleep.mayIssueLoad(cores[0], CoreRig.DEVICE + EventUnit.EVENT_WAIT, 5)).isTrue();
        assertThat(cores[0].sleep).isEqualTo(CoreState.AWAKE);
    }

    @Test
    void everyCoreSleepsAtTheBarrierTheLastArrivalIncludedAndAllResumeTogether() {
        assertThat(sleep.mayIssueLoad(cores[0], CoreRig.DEVICE + EventUnit.BARRIER, 3)).isFalse();
        assertThat(sleep.mayIssueLoad(cores[2], CoreRig.DEVICE + EventUnit.BARRIER, 7)).isFalse();
        assertThat(cores[0].sleep).isEqualTo(CoreState.SLEEP_BARRIER);
        assertThat(sleep.mayIssueLoad(cores[1], CoreRig.DEVICE + EventUnit.BARRIER, 20)).isFalse();
        for (CoreState c : cores) {
            assertThat(c.sleep).isEqualTo(CoreState.AWAKE);
            assertThat(c.readyAt).as("core " + c.id).isEqualTo(Math.max(20, c.sleepSince + WAIT_ENTRY) + WAKEUP);
        }
        assertThat(cores[1].readyAt).as("the last one too pays entry and wake-up").isEqualTo(20 + WAIT_ENTRY + WAKEUP);
    }

    @Test
    void registersThatNeverWaitAndAddressesOutsideTheWindowsIssueAtOnce() {
        assertThat(sleep.mayIssueLoad(cores[0], CoreRig.DEVICE + EventUnit.CORE_ID, 1)).isTrue();
        assertThat(sleep.mayIssueLoad(cores[0], 0x1c000000, 1)).isTrue();
        assertThat(cores[0].sleep).isEqualTo(CoreState.AWAKE);
    }
}
