package io.socsim.config;

/**
 * The cluster event unit (GVSoC {@code pulp/event_unit/eu_v3}; platform.md section 5).
 *
 * @param waitEntryCycles cycles for a core to enter a clock-gated wait
 * @param wakeupCycles    cycles from the event to the core running again
 */
public record EventUnitConfig(int waitEntryCycles, int wakeupCycles) {
}
