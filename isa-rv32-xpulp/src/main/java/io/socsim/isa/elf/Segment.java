package io.socsim.isa.elf;

import java.util.Arrays;
import java.util.Locale;

/**
 * A {@code PT_LOAD} segment: what a loader copies into memory. The file bytes cover the first
 * {@code data().length} bytes; the rest up to {@code memSize} (the .bss part) reads as zero.
 *
 * <p>Holds a private copy of its bytes, so {@code data()} returns a fresh copy each call and
 * {@code equals} compares contents.
 */
public record Segment(int vaddr, int paddr, byte[] data, int memSize, int flags, int alignment) {

    public Segment {
        data = data.clone();
        if (Integer.toUnsignedLong(memSize) < data.length) {
            throw new IllegalArgumentException("memSize smaller than the file bytes");
        }
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int fileSize() {
        return data.length;
    }

    /**
     * The full memory image, {@code memSize} bytes, zero-filled past the file bytes.
     *
     * @throws IllegalStateException if memSize does not fit a Java array (2 GiB or more)
     */
    public byte[] image() {
        if (memSize < 0) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "segment at 0x%08x is too large for one array (0x%08x bytes)", vaddr, memSize));
        }
        return Arrays.copyOf(data, memSize);
    }

    public boolean isReadable() {
        return (flags & ProgramHeader.PF_R) != 0;
    }

    public boolean isWritable() {
        return (flags & ProgramHeader.PF_W) != 0;
    }

    public boolean isExecutable() {
        return (flags & ProgramHeader.PF_X) != 0;
    }

    /** Whether {@code address} lies in {@code [vaddr, vaddr + memSize)}. */
    public boolean contains(int address) {
        long off = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(vaddr);
        return off >= 0 && off < Integer.toUnsignedLong(memSize);
    }

    /** Exclusive end address as an unsigned value (may be 2^32). */
    public long end() {
        return Integer.toUnsignedLong(vaddr) + Integer.toUnsignedLong(memSize);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && vaddr == s.vaddr && paddr == s.paddr
                && memSize == s.memSize && flags == s.flags && alignment == s.alignment
                && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return ((vaddr * 31 + paddr) * 31 + memSize) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Segment[vaddr=0x%08x, paddr=0x%08x, fileSize=0x%x, "
                + "memSize=0x%x, flags=%s]", vaddr, paddr, data.length, memSize, flagString());
    }

    private String flagString() {
        return (isReadable() ? "R" : "-") + (isWritable() ? "W" : "-") + (isExecutable() ? "X" : "-");
    }
}
