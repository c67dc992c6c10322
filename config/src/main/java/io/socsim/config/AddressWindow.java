package io.socsim.config;

/** A memory-mapped register window: {@code size} bytes from {@code base}. */
public record AddressWindow(long base, long size) {

    public boolean contains(long address) {
        return address >= base && address - base < size;
    }
}
