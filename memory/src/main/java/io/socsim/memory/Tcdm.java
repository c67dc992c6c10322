package io.socsim.memory;

/**
 * L1 TCDM bank arbitration: word-interleaved banks, one access per bank per cycle, round-robin
 * among the requesters of a bank (pulp-platform/hci logarithmic interconnect). A requester that
 * loses retries in a later cycle. Requesters are small integers (cores first, then DMA ports,
 * then accelerator ports); at most 63.
 *
 * <p>Per cycle: {@link #request} for every access, then {@link #arbitrate}, then {@link #granted}
 * per requester. Allocation-free.
 */
public final class Tcdm {

    private final int base;
    private final int banks;
    private final int wordShift;
    private final long size;
    private final int[] rrNext;            // per bank: the requester that wins ties next
    private final long[] requests;         // per bank: bit mask of requesters this cycle
    private final int[] touched;           // banks with requests this cycle
    private int touchedCount;
    private long grantedMask;
    private final long[] accesses;
    private final long[] conflicts;

    public Tcdm(int base, long size, int banks, int bankWidthBytes) {
        if (Integer.bitCount(banks) != 1 || Integer.bitCount(bankWidthBytes) != 1) {
            throw new IllegalArgumentException("bank count and width must be powers of two");
        }
        this.base = base;
        this.size = size;
        this.banks = banks;
        this.wordShift = Integer.numberOfTrailingZeros(bankWidthBytes);
        this.rrNext = new int[banks];
        this.requests = new long[banks];
        this.touched = new int[banks];
        this.accesses = new long[banks];
        this.conflicts = new long[banks];
    }

    /** True when {@code address} falls into the TCDM. */
    public boolean contains(int address) {
        return Integer.toUnsignedLong(address - base) < size;
    }

    /** The bank serving {@code address}: (address / bank width) mod banks. */
    public int bankOf(int address) {
        return ((address - base) >>> wordShift) & (banks - 1);
    }

    /** Registers that {@code requester} wants {@code bank} this cycle. */
    public void request(int requester, int bank) {
        if (requests[bank] == 0) {
            touched[touchedCount++] = bank;
        }
        requests[bank] |= 1L << requester;
    }

    /** Decides this cycle's winners and clears the requests. */
    public void arbitrate() {
        long granted = 0;
        for (int i = 0; i < touchedCount; i++) {
            int bank = touched[i];
            long mask = requests[bank];
            requests[bank] = 0;
            int winner;
            long atOrAfter = mask & (-1L << rrNext[bank]);
            winner = Long.numberOfTrailingZeros(atOrAfter != 0 ? atOrAfter : mask);
            granted |= 1L << winner;
            rrNext[bank] = winner + 1 == 64 ? 0 : winner + 1;
            accesses[bank]++;
            conflicts[bank] += Long.bitCount(mask) - 1;
        }
        touchedCount = 0;
        grantedMask = granted;
    }

    /** Whether {@code requester}'s request of the last {@link #arbitrate} was granted. */
    public boolean granted(int requester) {
        return (grantedMask & (1L << requester)) != 0;
    }

    public int banks() {
        return banks;
    }

    /** Granted accesses of {@code bank} so far. */
    public long accesses(int bank) {
        return accesses[bank];
    }

    /** Requests of {@code bank} that lost arbitration so far (each costs its requester a cycle). */
    public long conflicts(int bank) {
        return conflicts[bank];
    }
}
