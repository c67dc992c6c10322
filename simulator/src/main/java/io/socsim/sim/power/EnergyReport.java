package io.socsim.sim.power;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Energy of one run, split by unit, in joules. L3 is off-chip memory: it is kept apart so on-chip
 * figures can be compared with published chip measurements, which exclude external memory.
 *
 * @param voltageV      supply voltage of the run
 * @param frequencyMhz  cluster clock of the run
 * @param seconds       run time, cycles / frequency
 * @param coresJ        core instructions, fetch, stalled and clock-gated cycles
 * @param l1J           L1 bank reads and writes
 * @param interconnectJ L1 interconnect traversals
 * @param l2J           L2 traffic
 * @param l3OffchipJ    off-chip L3 traffic
 * @param dmaJ          DMA engine and transport
 * @param itaJ          ITA MACs, softmax and idle cycles
 * @param clusterOtherJ per-cycle cluster background (clock tree root, event unit, peripherals)
 * @param leakageJ      leakage of every on-chip unit over the run time
 */
public record EnergyReport(double voltageV, double frequencyMhz, double seconds,
        double coresJ, double l1J, double interconnectJ, double l2J, double l3OffchipJ, double dmaJ,
        double itaJ, double clusterOtherJ, double leakageJ) {

    public double onChipJ() {
        return coresJ + l1J + interconnectJ + l2J + dmaJ + itaJ + clusterOtherJ + leakageJ;
    }

    public double offChipJ() {
        return l3OffchipJ;
    }

    public double totalJ() {
        return onChipJ() + offChipJ();
    }

    /** Average power over the run, off-chip included. */
    public double powerMw() {
        return milliwatts(totalJ());
    }

    /** Average on-chip power: the figure comparable with a chip measurement. */
    public double onChipPowerMw() {
        return milliwatts(onChipJ());
    }

    /** Energy efficiency for a workload of {@code gop} giga-operations, off-chip included. */
    public double gopPerJoule(double gop) {
        return gop / totalJ();
    }

    public double onChipGopPerJoule(double gop) {
        return gop / onChipJ();
    }

    /** Per-unit energies in joules, in a fixed order. */
    public Map<String, Double> breakdown() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("cores", coresJ);
        m.put("l1", l1J);
        m.put("interconnect", interconnectJ);
        m.put("l2", l2J);
        m.put("l3_offchip", l3OffchipJ);
        m.put("dma", dmaJ);
        m.put("ita", itaJ);
        m.put("cluster_other", clusterOtherJ);
        m.put("leakage", leakageJ);
        return Collections.unmodifiableMap(m);
    }

    /**
     * For JSON reports, fixed key order: {@code energy_j}, {@code power_mw},
     * {@code energy: {breakdown: {...}}}, {@code offchip_energy_j}, then the on-chip figures and the
     * operating point.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy_j", totalJ());
        m.put("power_mw", powerMw());
        Map<String, Object> energy = new LinkedHashMap<>();
        energy.put("breakdown", breakdown());
        m.put("energy", energy);
        m.put("offchip_energy_j", offChipJ());
        m.put("onchip_energy_j", onChipJ());
        m.put("onchip_power_mw", onChipPowerMw());
        m.put("time_s", seconds);
        m.put("voltage_v", voltageV);
        m.put("frequency_mhz", frequencyMhz);
        return m;
    }

    private double milliwatts(double joules) {
        return seconds > 0 ? joules / seconds * 1e3 : 0;
    }
}
