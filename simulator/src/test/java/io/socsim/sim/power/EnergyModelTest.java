package io.socsim.sim.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socsim.config.PowerConfig;
import io.socsim.config.PowerConfig.Key;
import io.socsim.config.Presets;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EnergyModelTest {

    static final PowerConfig ITA = Presets.load("ita-cluster").power().orElseThrow();
    static final PowerConfig PULP = Presets.load("pulp-cluster").power().orElseThrow();

    /** A plausible run: 8 cores on a kernel, DMA from L2 and L3, ITA busy half the time. */
    static EventCounts run() {
        return new EventCounts(100_000, 8,
                200_000, 150_000, 30_000, 5_000, 2_000, 250_000, 10_000, 40_000,
                700_000, 60_000, 30_000, 10_000,
                400_000, 120_000, 300_000, 200_000, 300_000,
                50_000_000, 16_384, 50_000, 50_000);
    }

    /** The same run without any ITA activity (the pulp-cluster has none). */
    static EventCounts coresOnly() {
        EventCounts c = run();
        return new EventCounts(c.cycles(), c.cores(), c.aluInstructions(), c.loadInstructions(),
                c.storeInstructions(), c.mulInstructions(), c.macInstructions(), c.simdDotInstructions(),
                c.simdOtherInstructions(), c.branchInstructions(), c.coreActiveCycles(), c.coreStallCycles(),
                c.coreGatedCycles(), c.coreIdleCycles(), c.l1Reads(), c.l1Writes(), c.l2Bytes(), c.l3Bytes(),
                c.dmaBytes(), 0, 0, 0, 0);
    }

    static Offset<Double> rel(double x) {
        return within(Math.abs(x) * 1e-12);
    }

    static double dynamicJ(EnergyReport r) {
        return r.totalJ() - r.leakageJ();
    }

    @Test
    void twiceTheEventsCostTwiceTheDynamicEnergy() {
        EnergyReport one = EnergyModel.compute(ITA, 0.65, 470, run());
        EnergyReport two = EnergyModel.compute(ITA, 0.65, 470, run().scaled(2));
        assertThat(dynamicJ(two)).isCloseTo(2 * dynamicJ(one), rel(2 * dynamicJ(one)));
        assertThat(two.coresJ()).isCloseTo(2 * one.coresJ(), rel(one.coresJ()));
        assertThat(two.itaJ()).isCloseTo(2 * one.itaJ(), rel(one.itaJ()));
        // Cycles doubled too, so leakage (power x time) doubles and average power stays.
        assertThat(two.leakageJ()).isCloseTo(2 * one.leakageJ(), rel(one.leakageJ()));
        assertThat(two.powerMw()).isCloseTo(one.powerMw(), rel(one.powerMw()));
    }

    @Test
    void dynamicEnergyScalesWithTheSquareOfTheVoltage() {
        EnergyReport hi = EnergyModel.compute(ITA, 0.8, 470, run());
        EnergyReport lo = EnergyModel.compute(ITA, 0.65, 470, run());
        double v2 = (0.65 / 0.8) * (0.65 / 0.8);
        for (String unit : new String[] {"cores", "l1", "interconnect", "l2", "dma", "ita", "cluster_other"}) {
            double h = hi.breakdown().get(unit);
            assertThat(lo.breakdown().get(unit)).as(unit).isCloseTo(h * v2, rel(h));
        }
        assertThat(lo.leakageJ()).isCloseTo(hi.leakageJ() * 0.65 / 0.8, rel(hi.leakageJ()));
        // Off-chip memory has its own supply: not scaled with the cluster voltage.
        assertThat(lo.l3OffchipJ()).isEqualTo(hi.l3OffchipJ());
    }

    @Test
    void atTheReferenceVoltageEventsArePricedAtTheirCoefficients() {
        EventCounts c = new EventCounts(1000, 1, 10, 0, 0, 0, 0, 0, 0, 0, 10, 0, 990, 0,
                7, 3, 0, 0, 0, 0, 0, 0, 0);
        EnergyReport r = EnergyModel.compute(PULP, 0.8, 500, c);
        double pj = 1e-12;
        assertThat(r.coresJ()).isCloseTo((10 * (PULP.value(Key.CORE_ALU) + PULP.value(Key.CORE_FETCH))
                + 990 * PULP.value(Key.CORE_GATED_CYCLE)) * pj, rel(r.coresJ()));
        assertThat(r.l1J()).isCloseTo((7 * PULP.value(Key.L1_READ) + 3 * PULP.value(Key.L1_WRITE)) * pj, rel(r.l1J()));
        assertThat(r.interconnectJ()).isCloseTo(10 * PULP.value(Key.INTERCONNECT_ACCESS) * pj, rel(r.interconnectJ()));
        assertThat(r.seconds()).isCloseTo(2e-6, rel(2e-6));
        double leakMw = PULP.value(Key.CORE_LEAKAGE) + PULP.value(Key.L1_LEAKAGE) + PULP.value(Key.L2_LEAKAGE)
                + PULP.value(Key.CLUSTER_LEAKAGE);
        assertThat(r.leakageJ()).isCloseTo(leakMw * 1e-3 * 2e-6, rel(r.leakageJ()));
        assertThat(r.powerMw()).isCloseTo(r.totalJ() / 2e-6 * 1e3, rel(r.powerMw()));
    }

    @Test
    void aClockGatedCoreCostsOnlyItsGatedEnergyAndLeakage() {
        long cycles = 1_000_000;
        EventCounts gated = new EventCounts(cycles, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, cycles, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0);
        PowerConfig p = PULP.withValue(Key.CLUSTER_CYCLE, 0);
        EnergyReport r = EnergyModel.compute(p, 0.8, 400, gated);
        assertThat(r.coresJ()).isCloseTo(cycles * p.value(Key.CORE_GATED_CYCLE) * 1e-12, rel(r.coresJ()));
        assertThat(r.l1J() + r.interconnectJ() + r.l2J() + r.l3OffchipJ() + r.dmaJ() + r.itaJ() + r.clusterOtherJ())
                .isZero();
        double seconds = cycles / 400e6;
        double leakMw = p.value(Key.CORE_LEAKAGE) + p.value(Key.L1_LEAKAGE) + p.value(Key.L2_LEAKAGE)
                + p.value(Key.CLUSTER_LEAKAGE);
        assertThat(r.leakageJ()).isCloseTo(leakMw * 1e-3 * seconds, rel(r.leakageJ()));
        // The same cycles clocked but stalled cost far more than gated ones.
        EventCounts stalled = new EventCounts(cycles, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, cycles, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(EnergyModel.compute(p, 0.8, 400, stalled).coresJ()).isGreaterThan(100 * r.coresJ());
        // Idle cycles (before start, after the end) are priced as gated.
        EventCounts idle = new EventCounts(cycles, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, cycles,
                0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(EnergyModel.compute(p, 0.8, 400, idle)).isEqualTo(r);
    }

    @Test
    void multiCycleExecutionIsPricedAsStallCycles() {
        EventCounts oneMul = new EventCounts(5, 1, 0, 0, 0, 1, 0, 0, 0, 0, 5, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0);
        EnergyReport r = EnergyModel.compute(PULP, 0.8, 500, oneMul);
        double expected = PULP.value(Key.CORE_MUL) + PULP.value(Key.CORE_FETCH) + 4 * PULP.value(Key.CORE_STALL_CYCLE);
        assertThat(r.coresJ()).isCloseTo(expected * 1e-12, rel(r.coresJ()));
    }

    @Test
    void offChipEnergyIsReportedApart() {
        EnergyReport r = EnergyModel.compute(ITA, 0.65, 470, run());
        assertThat(r.offChipJ()).isEqualTo(r.l3OffchipJ())
                .isCloseTo(run().l3Bytes() * ITA.value(Key.L3_BYTE) * 1e-12, rel(r.offChipJ()));
        assertThat(r.onChipJ() + r.offChipJ()).isCloseTo(r.totalJ(), rel(r.totalJ()));
        assertThat(r.onChipJ()).isCloseTo(r.totalJ() - r.l3OffchipJ(), rel(r.totalJ()));
        assertThat(r.onChipPowerMw()).isLessThan(r.powerMw());
        assertThat(r.onChipGopPerJoule(1)).isGreaterThan(r.gopPerJoule(1));
        assertThat(r.gopPerJoule(2)).isCloseTo(2 / r.totalJ(), rel(2 / r.totalJ()));
        EnergyReport noL3 = EnergyModel.compute(ITA.withValue(Key.L3_BYTE, 0), 0.65, 470, run());
        assertThat(noL3.onChipJ()).isEqualTo(r.onChipJ());
    }

    @Test
    void mapForJsonHasFixedKeys() {
        EnergyReport r = EnergyModel.compute(ITA, 0.65, 470, run());
        Map<String, Object> m = r.toMap();
        assertThat(m.keySet()).startsWith("energy_j", "power_mw", "energy", "offchip_energy_j");
        assertThat(m.get("energy_j")).isEqualTo(r.totalJ());
        @SuppressWarnings("unchecked")
        Map<String, Double> breakdown = (Map<String, Double>) ((Map<String, Object>) m.get("energy")).get("breakdown");
        assertThat(breakdown.keySet()).containsExactly("cores", "l1", "interconnect", "l2", "l3_offchip", "dma",
                "ita", "cluster_other", "leakage");
        assertThat(breakdown.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(r.totalJ(), rel(r.totalJ()));
    }

    @Test
    void itaActivityNeedsItaCoefficients() {
        assertThatThrownBy(() -> EnergyModel.compute(PULP, 0.8, 613, run()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power.ita");
        EnergyReport ok = EnergyModel.compute(PULP, 0.8, 613, coresOnly());
        assertThat(ok.itaJ()).isZero();
        // ITA present: its leakage counts even when idle throughout.
        EnergyReport withIta = EnergyModel.compute(ITA, 0.8, 613, run());
        assertThat(withIta.itaJ()).isPositive();
    }
}
