package io.socsim.config;

/**
 * A simple memory: L2, L3 or bare-metal RAM.
 *
 * @param base                   first address
 * @param size                   bytes
 * @param latencyCycles          cycles from request to data at the memory itself
 * @param bandwidthBytesPerCycle sustained bytes per cluster cycle the memory can deliver
 */
public record MemoryConfig(long base, long size, int latencyCycles, int bandwidthBytesPerCycle) {

    public boolean contains(long address) {
        return address >= base && address - base < size;
    }
}
