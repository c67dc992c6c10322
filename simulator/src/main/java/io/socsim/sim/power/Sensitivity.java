package io.socsim.sim.power;

import io.socsim.config.PowerConfig;
import io.socsim.config.PowerConfig.Coefficient;
import io.socsim.config.PowerConfig.Key;
import io.socsim.config.PowerConfig.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How much the result depends on each uncertain coefficient: every coefficient labelled
 * ASSUMPTION or given an explicit {@code range} is set to the low and the high end of its range
 * (default value +/- 50%) one at a time, the others held; the frequency too when a range is given.
 */
public final class Sensitivity {

    /** The frequency's row name, as its configuration key. */
    public static final String FREQUENCY = "clock.frequency_mhz";

    private Sensitivity() {
    }

    /**
     * One swept parameter.
     *
     * @param name   configuration path of the coefficient, or {@link #FREQUENCY}
     * @param source the coefficient's source text ("" for the frequency)
     * @param low    value at the low end (pJ, mW or MHz)
     * @param high   value at the high end
     * @param atLow  the model evaluated at the low end
     * @param atHigh the model evaluated at the high end
     * @param gop    the workload's giga-operations, for efficiency figures
     */
    public record Entry(String name, String source, double low, double high,
                        EnergyReport atLow, EnergyReport atHigh, double gop) {

        /** Average power at the high end minus at the low end, off-chip included. */
        public double powerChangeMw() {
            return atHigh.powerMw() - atLow.powerMw();
        }

        public double onChipPowerChangeMw() {
            return atHigh.onChipPowerMw() - atLow.onChipPowerMw();
        }

        /** GOp/J at the high end minus at the low end (off-chip included). */
        public double gopPerJouleChange() {
            return atHigh.gopPerJoule(gop) - atLow.gopPerJoule(gop);
        }

        public double onChipGopPerJouleChange() {
            return atHigh.onChipGopPerJoule(gop) - atLow.onChipGopPerJoule(gop);
        }

        /** Change of total energy: the sort key (power at a fixed clock is proportional to it). */
        public double energyChangeJ() {
            return atHigh.totalJ() - atLow.totalJ();
        }
    }

    /** Sweeps the coefficients only. */
    public static List<Entry> sweep(PowerConfig p, double voltageV, double frequencyMhz, EventCounts c, double gop) {
        return sweep(p, voltageV, frequencyMhz, c, gop, Optional.empty());
    }

    /**
     * Sweeps the coefficients and, when {@code frequencyRangeMhz} is given, the clock (which moves
     * leakage energy and average power, not dynamic energy). Sorted by the absolute change of
     * total energy, largest first: the efficiency impact. At a fixed clock the power change is
     * proportional; the frequency row's power change is mostly the clock's, not uncertainty.
     */
    public static List<Entry> sweep(PowerConfig p, double voltageV, double frequencyMhz, EventCounts c, double gop,
                                    Optional<Range> frequencyRangeMhz) {
        List<Entry> out = new ArrayList<>();
        frequencyRangeMhz.ifPresent(f -> out.add(new Entry(FREQUENCY, "", f.low(), f.high(),
                EnergyModel.compute(p, voltageV, f.low(), c), EnergyModel.compute(p, voltageV, f.high(), c), gop)));
        for (Key k : Key.values()) {
            if (!p.coefficients().containsKey(k)) {
                continue;
            }
            Coefficient co = p.coefficient(k);
            if (!co.isAssumption() && co.range().isEmpty()) {
                continue;
            }
            Range r = co.sweepRange();
            out.add(new Entry(k.path(), co.source(), r.low(), r.high(),
                    EnergyModel.compute(p.withValue(k, r.low()), voltageV, frequencyMhz, c),
                    EnergyModel.compute(p.withValue(k, r.high()), voltageV, frequencyMhz, c), gop));
        }
        out.sort(Comparator.comparingDouble((Entry e) -> -Math.abs(e.energyChangeJ())).thenComparing(Entry::name));
        return out;
    }
}
