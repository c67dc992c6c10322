package io.socsim.sim.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socsim.config.PowerConfig;
import io.socsim.config.PowerConfig.Key;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    static final PowerConfig ITA = EnergyModelTest.ITA;

    @Test
    void everyAssumptionOrRangedCoefficientIsSweptAndSortedByImpact() {
        List<Sensitivity.Entry> rows = Sensitivity.sweep(ITA, 0.65, 470, EnergyModelTest.run(), 0.1);
        long expected = ITA.coefficients().values().stream()
                .filter(c -> c.isAssumption() || c.range().isPresent()).count();
        assertThat(rows).hasSize((int) expected);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(Math.abs(rows.get(i - 1).energyChangeJ())).isGreaterThanOrEqualTo(Math.abs(rows.get(i).energyChangeJ()));
        }
        // Raising an energy coefficient raises power and lowers efficiency.
        Sensitivity.Entry l3 = rows.stream().filter(r -> r.name().equals("power.l3.byte_pj")).findFirst().orElseThrow();
        assertThat(l3.low()).isEqualTo(20.0);
        assertThat(l3.high()).isEqualTo(300.0);
        assertThat(l3.powerChangeMw()).isPositive();
        assertThat(l3.gopPerJouleChange()).isNegative();
        assertThat(l3.onChipPowerChangeMw()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void aSourcedCoefficientWithoutRangeIsNotSwept() {
        List<Sensitivity.Entry> rows = Sensitivity.sweep(ITA, 0.65, 470, EnergyModelTest.run(), 0.1);
        assertThat(ITA.coefficient(Key.L1_READ).isAssumption()).isFalse();
        assertThat(rows).noneMatch(r -> r.name().equals(Key.L1_READ.path()));
    }

    @Test
    void defaultRangeIsPlusMinusHalf() {
        Map<Key, PowerConfig.Coefficient> m = new EnumMap<>(ITA.coefficients());
        m.put(Key.CLUSTER_CYCLE, PowerConfig.Coefficient.of(2.0, "ASSUMPTION: test without a range"));
        PowerConfig noRange = new PowerConfig(ITA.referenceVoltageV(), m);
        Sensitivity.Entry row = Sensitivity.sweep(noRange, 0.8, 500, EnergyModelTest.run(), 0.1).stream()
                .filter(r -> r.name().equals(Key.CLUSTER_CYCLE.path())).findFirst().orElseThrow();
        assertThat(row.low()).isEqualTo(1.0);
        assertThat(row.high()).isEqualTo(3.0);
        // cycles x 2 pJ between the two ends, at the reference voltage.
        assertThat(row.energyChangeJ()).isCloseTo(EnergyModelTest.run().cycles() * 2.0e-12,
                within(1e-18));
    }

    @Test
    void frequencyMovesPowerAndOnlyLeakageEnergy() {
        EventCounts c = EnergyModelTest.run();
        Sensitivity.Entry f = Sensitivity.sweep(ITA, 0.65, 470, c, 0.1, Optional.of(new PowerConfig.Range(400, 600)))
                .stream().filter(r -> r.name().equals(Sensitivity.FREQUENCY)).findFirst().orElseThrow();
        assertThat(f.powerChangeMw()).isPositive();
        assertThat(f.energyChangeJ()).isNegative();
        double dynLow = f.atLow().totalJ() - f.atLow().leakageJ();
        double dynHigh = f.atHigh().totalJ() - f.atHigh().leakageJ();
        assertThat(dynHigh).isEqualTo(dynLow);
        assertThat(f.gopPerJouleChange()).isPositive();
    }
}
