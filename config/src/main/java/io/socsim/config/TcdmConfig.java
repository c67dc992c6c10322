package io.socsim.config;

/**
 * The cluster L1: {@code banks} word-interleaved banks, bank = (addr / bankWidthBytes) mod banks
 * (platform.md section 3).
 *
 * @param base           first address
 * @param size           bytes, a multiple of banks x bankWidthBytes
 * @param banks          number of banks, a power of two
 * @param bankWidthBytes bytes per bank word, a power of two (4 for 32-bit banks)
 * @param latencyCycles  access latency without a conflict
 */
public record TcdmConfig(long base, long size, int banks, int bankWidthBytes, int latencyCycles) {

    /** Bytes held by one bank. */
    public long bankSize() {
        return size / banks;
    }

    /** The bank serving {@code address} (which must lie in this region). */
    public int bankOf(long address) {
        return (int) (((address - base) / bankWidthBytes) % banks);
    }

    public boolean contains(long address) {
        return address >= base && address - base < size;
    }
}
