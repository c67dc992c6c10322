package io.socsim.sim.cluster;

import static io.socsim.sim.cluster.CoreRig.e;
import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.Op;
import org.junit.jupiter.api.Test;

class CoreTimerTest {

    /** Issues the core's next instruction at its ready cycle, as the engine does when nothing contends. */
    private static void issue(CoreRig rig, CoreTimer timer, CoreState c) {
        long now = c.readyAt;
        assertThat(timer.prepare(now)).isEqualTo(CoreTimer.ISSUE);
        rig.tcdm.arbitrate();
        assertThat(timer.execute(now, c.decoded)).isEqualTo(CoreTimer.EXECUTED);
    }

    @Test
    void branchesCostTheirConfiguredCyclesAndTheExtraCyclesAreBranchStalls() {
        CoreRig rig = new CoreRig(e(Op.ADDI, 1, 0, 0, 1), e(Op.BEQ, 0, 1, 0, 8), e(Op.BNE, 0, 1, 0, 8), 0, e(Op.ADDI, 2, 0, 0, 2));
        CoreState c = rig.core(0);
        CoreTimer timer = rig.timer(c);
        issue(rig, timer, c);
        assertThat(c.readyAt).isEqualTo(1);
        issue(rig, timer, c); // not taken
        assertThat(c.readyAt).isEqualTo(1 + CoreRig.TIMING.notTakenBranchCycles());
        long before = c.readyAt;
        issue(rig, timer, c); // taken, over the zero word
        assertThat(c.readyAt - before).isEqualTo(CoreRig.TIMING.takenBranchCycles());
        assertThat(c.hart.pc()).isEqualTo(CoreRig.CODE + 16);
        assertThat(c.branchStalls).isEqualTo(CoreRig.TIMING.takenBranchCycles() - 1 + CoreRig.TIMING.notTakenBranchCycles() - 1);
        assertThat(c.instructions).isEqualTo(3);
    }

    @Test
    void aUseOfALoadedRegisterWaitsForItsDataAndTheWaitIsALoadUseStall() {
        CoreRig rig = new CoreRig(e(Op.LW, 2, 3, 0, 0), e(Op.ADD, 4, 2, 2, 0));
        CoreState c = rig.core(0);
        c.hart.reg(3, CoreRig.DATA);
        CoreTimer timer = rig.timer(c);
        issue(rig, timer, c);
        long ready = c.loadReadyAt;
        assertThat(ready).isEqualTo(rig.memory.l1().latencyCycles() + CoreRig.TIMING.loadUsePenaltyCycles());
        assertThat(timer.prepare(c.readyAt)).isEqualTo(CoreTimer.STALL);
        assertThat(c.readyAt).isEqualTo(ready);
        assertThat(c.loadUseStalls).isEqualTo(CoreRig.TIMING.loadUsePenaltyCycles());
        assertThat(timer.prepare(c.readyAt)).isEqualTo(CoreTimer.ISSUE);
    }

    @Test
    void aCoreThatLostItsBankAsksForTheSameBankAgainWithoutLookingAtItsRegisters() {
        CoreRig rig = new CoreRig(e(Op.LW, 2, 3, 0, 0));
        CoreState c = rig.core(5);
        c.hart.reg(3, CoreRig.DATA);
        CoreTimer timer = rig.timer(c);
        assertThat(timer.prepare(0)).isEqualTo(CoreTimer.ISSUE);
        int bank = rig.tcdm.bankOf(CoreRig.DATA);
        assertThat(c.wantsBank).isTrue();
        assertThat(c.bank).isEqualTo(bank);
        rig.tcdm.request(1, bank); // core 1 wins the round-robin tie
        rig.tcdm.arbitrate();
        assertThat(rig.tcdm.granted(5)).isFalse();
        c.retryBank = true;
        c.hart.reg(3, CoreRig.DATA + 4); // would be another bank if it decoded again
        assertThat(timer.prepare(1)).isEqualTo(CoreTimer.ISSUE);
        rig.tcdm.arbitrate();
        assertThat(rig.tcdm.granted(5)).isTrue();
        assertThat(rig.tcdm.accesses(bank)).isEqualTo(2);
    }

    @Test
    void aLoadOutsideL1IsHandedBackToTheClusterAndAStoreThereIssues() {
        CoreRig rig = new CoreRig(e(Op.LW, 2, 5, 0, 4), e(Op.SW, 0, 5, 6, 0));
        CoreState c = rig.core(0);
        c.hart.reg(5, CoreRig.DEVICE);
        CoreTimer timer = rig.timer(c);
        assertThat(timer.prepare(0)).isEqualTo(CoreTimer.PERIPHERAL_LOAD);
        assertThat(c.address).isEqualTo(CoreRig.DEVICE + 4);
        assertThat(c.wantsBank).isFalse();
        timer.execute(0, c.decoded);
        assertThat(timer.prepare(c.readyAt)).isEqualTo(CoreTimer.ISSUE);
    }

    @Test
    void runAheadStopsBeforeTheNextSharedAccessOrTheLimitAndTakeBackUndoesWhatIssuedAfterTheEnd() {
        int addi = e(Op.ADDI, 6, 6, 0, 1);
        CoreRig rig = new CoreRig(addi, addi, addi, addi, addi, e(Op.LW, 2, 3, 0, 0));
        CoreState c = rig.core(2);
        c.hart.reg(3, CoreRig.DATA);
        CoreTimer timer = rig.timer(c);
        issue(rig, timer, c);
        c.firstCharge = c.lastCharge;
        timer.runAhead(3);
        assertThat(c.instructions).as("issued at cycles 0, 1, 2").isEqualTo(3);
        assertThat(c.readyAt).isEqualTo(3);
        timer.runAhead(100);
        assertThat(c.instructions).as("up to the load").isEqualTo(5);
        assertThat(c.hart.reg(6)).isEqualTo(5);
        assertThat(c.batchLength).isEqualTo(4);
        timer.takeBack(3, 0);
        assertThat(c.instructions).as("the ones issued at cycles 3 and 4 are taken back").isEqualTo(3);
        assertThat(c.busy).isEqualTo(3);
    }
}
