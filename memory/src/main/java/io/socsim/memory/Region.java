package io.socsim.memory;

/**
 * One memory of the system: its address window, its bytes and its access timing.
 *
 * @param name            report name (l1, l2, l3, ram)
 * @param base            first address
 * @param bytes           contents (the region's size is their length)
 * @param latencyCycles   cycles from a core's request to the data, without contention
 * @param bytesPerCycle   sustained bandwidth of the region's port
 */
public record Region(String name, int base, byte[] bytes, int latencyCycles, int bytesPerCycle) {

    public int size() {
        return bytes.length;
    }

    /** True when {@code [address, address + length)} lies inside the region. */
    public boolean contains(int address, int length) {
        long off = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(base);
        return off >= 0 && off + length <= bytes.length;
    }

    public int offset(int address) {
        return address - base;
    }
}
