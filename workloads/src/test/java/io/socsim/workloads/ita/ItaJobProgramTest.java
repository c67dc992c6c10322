package io.socsim.workloads.ita;

import static io.socsim.workloads.ita.ItaRun.SOC;
import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.exec.Sem;
import io.socsim.ita.math.Activation;
import io.socsim.workloads.ita.ItaJobSpec.Mode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated ITA programs run on the functional cluster with the stub ITA (no timing). */
class ItaJobProgramTest {

    static Stream<Arguments> jobs() {
        return Stream.of(
                Arguments.of(ItaJobSpec.attention(64, 64, 64)),
                Arguments.of(ItaJobSpec.attention(128, 128, 32).withSeed(2)),      // a MobileBERT head
                Arguments.of(ItaJobSpec.linear(128, 512, 128, Activation.IDENTITY).withSeed(3)),
                Arguments.of(ItaJobSpec.linear(128, 512, 128, Activation.RELU).withSeed(3)),
                Arguments.of(ItaJobSpec.linear(128, 512, 128, Activation.GELU).withSeed(3)),
                Arguments.of(ItaJobSpec.linear(40, 72, 24, Activation.IDENTITY).withSeed(4)),
                Arguments.of(ItaJobSpec.linear(40, 72, 24, Activation.GELU).withSeed(4)),
                Arguments.of(ItaJobSpec.linear(5, 7, 3, Activation.IDENTITY).withSeed(5)));  // 15 output bytes
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void coreZeroRunsTheJobChecksTheOutputAndPrintsOk(ItaJobSpec spec) {
        ItaJobProgram job = new ItaJobProgram(spec, SOC);
        ItaRun run = ItaRun.run(job);
        assertThat(run.stdout()).isEqualTo("ita: ok\n");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).isEqualTo(job.expectedOutput());
    }

    @Test
    void coreZeroRecordsTheCycleCounterAroundTheJob() {
        ItaJobProgram job = new ItaJobProgram(ItaJobSpec.linear(40, 72, 24, Activation.IDENTITY), SOC);
        ItaRun run = ItaRun.run(job);
        int at = job.build().address("ita_cycles");
        var words = java.nio.ByteBuffer.wrap(run.cluster().read(at, 8)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int start = words.getInt(), end = words.getInt();
        // Functionally mcycle counts retired instructions: the staging writes, li's, START, WAIT.
        assertThat(end - start).isBetween(2 * job.stagedRegisters().size(), 4 * job.stagedRegisters().size() + 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void coreZeroStagesExactlyTheRegistersOfItsModeThenWaitsForTheReturnedId(ItaJobSpec spec) {
        ItaJobProgram job = new ItaJobProgram(spec, SOC);
        ItaRun run = ItaRun.run(job);
        assertThat(run.ita().jobs()).hasSize(1);
        StubIta.Job started = run.ita().jobs().get(0);
        assertThat(started.hart()).isZero();
        assertThat(started.registers()).containsExactlyEntriesOf(job.stagedRegisters());
        List<Integer> expectedKeys = spec.mode() == Mode.LINEAR
                ? List.of(0x00, 0x04, 0x08, 0x0C, 0x10, 0x14, 0x1C, 0x2C, 0x3C, 0x40)
                : List.of(0x00, 0x04, 0x08, 0x0C, 0x14, 0x18, 0x1C, 0x20, 0x24, 0x28, 0x2C, 0x30, 0x34, 0x38,
                        0x3C, 0x40, 0x44, 0x48, 0x4C, 0x50, 0x54, 0x64);
        assertThat(started.registers().keySet()).containsExactlyElementsOf(expectedKeys);
        assertThat(run.ita().waits()).containsExactly(started.id());
    }

    @Test
    void attentionScratchReceivesTheIntermediatesInContractOrder() {
        ItaJobProgram job = new ItaJobProgram(ItaJobSpec.attention(64, 64, 32), SOC);
        ItaRun run = ItaRun.run(job);
        var head = io.socsim.ita.math.Attention.head(job.operands().x(), job.operands().x(), job.operands().x(),
                job.operands().headWeights(), job.operands().headRequant());
        int sp = 64 * 32, at = job.layout().scratch();
        assertThat(run.cluster().read(at, sp)).isEqualTo(head.qp().data());
        assertThat(run.cluster().read(at + sp, sp)).isEqualTo(head.kp().data());
        assertThat(run.cluster().read(at + 2 * sp, sp)).isEqualTo(head.vp().data());
        assertThat(run.cluster().read(at + 3 * sp, 64 * 64)).isEqualTo(head.a().data());
        assertThat(run.cluster().read(at + 3 * sp + 64 * 64, sp)).isEqualTo(head.av().data());
    }

    @Test
    void corruptedExpectedOutputMakesCoreZeroReportTheMismatchesAndExitOne() {
        ItaJobProgram job = new ItaJobProgram(ItaJobSpec.linear(5, 7, 3, Activation.IDENTITY).withSeed(5), SOC);
        int expected = job.build().address("ita_expected");
        byte[] want = job.expectedOutput();
        ItaRun run = ItaRun.run(job, true, c -> {
            for (int i : new int[] {6, 7, 13}) {              // two bytes of one word, one of the 3-byte tail
                c.write(expected + i, new byte[] {(byte) ~want[i]});
            }
        }, false);
        assertThat(run.stdout()).isEqualTo("ita: 3 mismatches, first at 6\n");
        assertThat(run.exitCode()).isOne();
    }

    @Test
    void corruptedExpectedOutputOfAnAttentionHeadExitsOne() {
        ItaJobProgram job = new ItaJobProgram(ItaJobSpec.attention(64, 64, 64), SOC);
        int expected = job.build().address("ita_expected");
        byte[] want = job.expectedOutput();
        ItaRun run = ItaRun.run(job, true, c -> c.write(expected + 4095, new byte[] {(byte) (want[4095] + 1)}), false);
        assertThat(run.stdout()).isEqualTo("ita: 1 mismatches, first at 4095\n");
        assertThat(run.exitCode()).isOne();
    }

    @Test
    void anAcceleratorThatNeverWritesItsOutputFailsTheCheck() {
        ItaJobProgram job = new ItaJobProgram(ItaJobSpec.linear(128, 512, 128, Activation.RELU).withSeed(3), SOC);
        // ReLU with PyITA's default constants is all zero: only the poisoned buffer catches a silent model.
        assertThat(job.expectedOutput()).containsOnly((byte) 0);
        ItaRun run = ItaRun.run(job, false, c -> { }, false);
        assertThat(run.stdout()).isEqualTo("ita: 16384 mismatches, first at 0\n");
        assertThat(run.exitCode()).isOne();
    }

    @Test
    void idleCoresGoToSleepWithAnEmptyEventMaskWithoutTouchingL1() {
        ItaJobProgram job = new ItaJobProgram(ItaJobSpec.attention(64, 64, 64), SOC);
        ItaRun run = ItaRun.run(job, true, c -> { }, true);
        assertThat(run.stdout()).isEqualTo("ita: ok\n");
        for (int h = 1; h < SOC.cores().count(); h++) {
            assertThat(run.cluster().asleep(h)).as("core %d asleep", h).isTrue();
            assertThat(run.cluster().count(h, Sem.LW)).as("loads of core %d", h).isZero();
            assertThat(run.cluster().instret(h)).as("instructions of core %d", h).isLessThan(12);
        }
    }

    @Test
    void hammeringCoresLoadTheirOwnBuffersForTheWholeCountThenSleep() {
        ItaJobSpec spec = ItaJobSpec.attention(64, 64, 64).withHammer(true);
        ItaJobProgram job = new ItaJobProgram(spec, SOC);
        ItaRun run = ItaRun.run(job, true, c -> { }, true);
        assertThat(run.stdout()).isEqualTo("ita: ok\n");
        assertThat(run.exitCode()).isZero();
        assertThat(spec.effectiveHammerLoads()).isEqualTo(4 * (int) (spec.macs() / 1024) + 8192);
        for (int h = 1; h < SOC.cores().count(); h++) {
            assertThat(run.cluster().count(h, Sem.LW)).as("loads of core %d", h).isEqualTo(spec.effectiveHammerLoads());
            assertThat(run.cluster().asleep(h)).as("core %d asleep after hammering", h).isTrue();
        }
        assertThat(run.cluster().count(0, Sem.LW) - 1).as("core 0 loads only ITA_START and the check").isLessThan(4096 + 8);
    }

    @Test
    void hammerBuffersAreDisjointPerCoreAndStartInDifferentBanks() {
        ItaJobProgram job = new ItaJobProgram(ItaJobSpec.attention(64, 64, 64).withHammer(true), SOC);
        ItaLayout l = job.layout();
        int banks = SOC.memory().l1().orElseThrow().banks();
        java.util.Set<Integer> startBanks = new java.util.HashSet<>();
        for (int core = 1; core < 8; core++) {
            int a = l.hammerBuffer(core);
            assertThat(a).isGreaterThanOrEqualTo(l.scratch() + l.scratchBytes());
            assertThat(a + ItaJobProgram.HAMMER_BUFFER_BYTES).isLessThanOrEqualTo(l.end());
            if (core > 1) {
                assertThat(a).isGreaterThanOrEqualTo(l.hammerBuffer(core - 1) + ItaJobProgram.HAMMER_BUFFER_BYTES);
            }
            startBanks.add((a >>> 2) % banks);
        }
        assertThat(startBanks).hasSize(7);
    }

    @Test
    void withFewerCoresOnlyTheSpecCoresHammerAndTheRestSleep() {
        ItaJobSpec spec = ItaJobSpec.linear(40, 72, 24, Activation.IDENTITY).withCores(3).withHammer(true)
                .withHammerLoads(100);
        ItaRun run = ItaRun.run(new ItaJobProgram(spec, SOC), true, c -> { }, true);
        assertThat(run.stdout()).isEqualTo("ita: ok\n");
        assertThat(spec.effectiveHammerLoads()).isEqualTo(128);
        for (int h = 1; h < 8; h++) {
            assertThat(run.cluster().count(h, Sem.LW)).as("loads of core %d", h).isEqualTo(h < 3 ? 128 : 0);
            assertThat(run.cluster().asleep(h)).isTrue();
        }
    }
}
