package io.socsim.config;

/**
 * The cluster operating point. The simulator counts cycles; frequency turns them into time and
 * voltage selects the power-model coefficients.
 *
 * @param frequencyMhz cluster clock in MHz, &gt; 0
 * @param voltageV     supply voltage in volts
 */
public record ClockConfig(double frequencyMhz, double voltageV) {

    /** Length of one cycle in nanoseconds. */
    public double cycleNs() {
        return 1000.0 / frequencyMhz;
    }
}
