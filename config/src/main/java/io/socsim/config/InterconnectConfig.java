package io.socsim.config;

import java.util.Locale;
import java.util.Objects;

/**
 * How requests reach memory (platform.md section 3, pulp-platform/hci).
 *
 * @param arbitration              per-bank arbitration among cores and DMA ports
 * @param clusterToL2LatencyCycles cycles added by the cluster bus and AXI crossing on an access to
 *                                 L2, on top of {@code memory.l2.latency_cycles}
 * @param hwpePriority             which side wins when the accelerator's wide port and the
 *                                 logarithmic crossbar want the same banks
 * @param hwpeMaxStallCycles       cycles the losing side may stall before it is force-granted
 */
public record InterconnectConfig(
        Arbitration arbitration,
        int clusterToL2LatencyCycles,
        Side hwpePriority,
        int hwpeMaxStallCycles) {

    public InterconnectConfig {
        Objects.requireNonNull(arbitration, "arbitration");
        Objects.requireNonNull(hwpePriority, "hwpePriority");
    }

    /** Per-bank arbitration policy. */
    public enum Arbitration {
        /** Starvation-free round robin per bank; losers retry next cycle. */
        ROUND_ROBIN;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A side of the TCDM arbiter between cores/DMA and accelerator. */
    public enum Side {
        CORES, ACCELERATOR;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
