package io.socsim.workloads.deploy;

import java.util.Map;
import java.util.TreeMap;

/** First-fit allocation of activation buffers in an address range offset from 0 (16-byte aligned). */
final class Allocator {

    private final TreeMap<Long, Long> free = new TreeMap<>(); // start -> length
    private long top;
    private long peak;

    long take(long bytes) {
        long size = Math.max(16, (bytes + 15) & ~15L);
        for (Map.Entry<Long, Long> e : free.entrySet()) {
            if (e.getValue() >= size) {
                long at = e.getKey(), length = e.getValue(); // read before removing: TreeMap reuses the entry
                free.remove(at);
                if (length > size) {
                    free.put(at + size, length - size);
                }
                return at;
            }
        }
        long at = top;
        top += size;
        peak = Math.max(peak, top);
        return at;
    }

    void give(long at, long bytes) {
        long size = Math.max(16, (bytes + 15) & ~15L);
        long start = at, len = size;
        Map.Entry<Long, Long> before = free.floorEntry(at);
        if (before != null && before.getKey() + before.getValue() == at) {
            start = before.getKey();
            len += before.getValue();
            free.remove(before.getKey());
        }
        Long after = free.containsKey(at + size) ? free.remove(at + size) : null;
        if (after != null) {
            len += after;
        }
        if (start + len == top) {
            top = start;
        } else {
            free.put(start, len);
        }
    }

    long peak() {
        return peak;
    }
}
