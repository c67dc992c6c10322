package io.socsim.sim.power;

import io.socsim.config.PowerConfig;
import io.socsim.config.PowerConfig.Key;

/**
 * Prices {@link EventCounts} with a {@link PowerConfig} (docs/power.md).
 *
 * <ul>
 *   <li>Dynamic energy: events x pJ x (V / Vref)^2, the CV^2 law. L3 is not scaled: the off-chip
 *       memory has its own supply.</li>
 *   <li>Leakage: mW per unit x (V / Vref) x run time. Linear in V is an ASSUMPTION (subthreshold
 *       leakage grows faster than linearly with V, and with temperature, which is not modelled).</li>
 *   <li>A clock-gated core costs its gated-cycle energy and its leakage, nothing else. Cycles
 *       before a core starts or after it ends are priced as gated (the event unit holds it).</li>
 *   <li>Cycles a core spends executing beyond one per instruction (multi-cycle mul/div, taken
 *       branches) are priced as stall cycles: the clock runs, no new instruction is issued.</li>
 * </ul>
 */
public final class EnergyModel {

    private static final double PJ = 1e-12;

    private EnergyModel() {
    }

    public static EnergyReport compute(PowerConfig p, double voltageV, double frequencyMhz, EventCounts c) {
        if (!(voltageV > 0) || !(frequencyMhz > 0)) {
            throw new IllegalArgumentException("voltage and frequency must be positive: " + voltageV + " V, "
                    + frequencyMhz + " MHz");
        }
        boolean itaPresent = c.itaBusyCycles() + c.itaIdleCycles() > 0 || c.itaMacs() > 0;
        if (itaPresent && !p.hasIta()) {
            throw new IllegalArgumentException("the run used ITA but the power configuration has no power.ita");
        }
        double ratio = voltageV / p.referenceVoltageV();
        double dyn = ratio * ratio * PJ;
        double seconds = c.cycles() / (frequencyMhz * 1e6);

        long clockedExtra = c.coreStallCycles() + Math.max(0, c.coreActiveCycles() - c.instructions());
        double cores = c.aluInstructions() * p.value(Key.CORE_ALU)
                + c.loadInstructions() * p.value(Key.CORE_LOAD)
                + c.storeInstructions() * p.value(Key.CORE_STORE)
                + c.mulInstructions() * p.value(Key.CORE_MUL)
                + c.macInstructions() * p.value(Key.CORE_MAC)
                + c.simdDotInstructions() * p.value(Key.CORE_SIMD_DOT)
                + c.simdOtherInstructions() * p.value(Key.CORE_SIMD_OTHER)
                + c.branchInstructions() * p.value(Key.CORE_BRANCH)
                + c.instructions() * p.value(Key.CORE_FETCH)
                + clockedExtra * p.value(Key.CORE_STALL_CYCLE)
                + (c.coreGatedCycles() + c.coreIdleCycles()) * p.value(Key.CORE_GATED_CYCLE);
        double l1 = c.l1Reads() * p.value(Key.L1_READ) + c.l1Writes() * p.value(Key.L1_WRITE);
        double interconnect = (c.l1Reads() + c.l1Writes()) * p.value(Key.INTERCONNECT_ACCESS);
        double l2 = c.l2Bytes() * p.value(Key.L2_BYTE);
        double l3 = c.l3Bytes() * p.value(Key.L3_BYTE);
        double dma = c.dmaBytes() * p.value(Key.DMA_BYTE);
        double ita = !itaPresent ? 0 : c.itaMacs() * p.value(Key.ITA_MAC)
                + c.itaSoftmaxElements() * p.value(Key.ITA_SOFTMAX_ELEMENT)
                + c.itaIdleCycles() * p.value(Key.ITA_IDLE_CYCLE);
        double cluster = c.cycles() * p.value(Key.CLUSTER_CYCLE);

        double leakMw = c.cores() * p.value(Key.CORE_LEAKAGE) + p.value(Key.L1_LEAKAGE) + p.value(Key.L2_LEAKAGE)
                + p.value(Key.CLUSTER_LEAKAGE) + (itaPresent ? p.value(Key.ITA_LEAKAGE) : 0);
        double leakage = leakMw * 1e-3 * ratio * seconds;

        return new EnergyReport(voltageV, frequencyMhz, seconds, cores * dyn, l1 * dyn, interconnect * dyn,
                l2 * dyn, l3 * PJ, dma * dyn, ita * dyn, cluster * dyn, leakage);
    }
}
