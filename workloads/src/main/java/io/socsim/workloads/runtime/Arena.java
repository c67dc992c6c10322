package io.socsim.workloads.runtime;

import java.util.Locale;

/** A bump allocator over one memory region: addresses for tensors the compiler places. */
public final class Arena {

    private final String name;
    private final long base;
    private final long size;
    private long next;
    private long peak;

    public Arena(String name, long base, long size) {
        this.name = name;
        this.base = base;
        this.size = size;
        this.next = base;
    }

    /** {@code bytes} at a 16-byte boundary (also keeps rows word-aligned for the kernels). */
    public int take(long bytes) {
        long at = (next + 15) & ~15L;
        if (at + bytes > base + size) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s holds %d bytes but the program needs at least %d", name, size, at + bytes - base));
        }
        next = at + bytes;
        peak = Math.max(peak, next - base);
        return (int) at;
    }

    /** The allocation point, to free everything taken after it with {@link #reset}. */
    public long mark() {
        return next;
    }

    public void reset(long mark) {
        next = mark;
    }

    public long peak() {
        return peak;
    }

    public long base() {
        return base;
    }

    public long size() {
        return size;
    }
}
