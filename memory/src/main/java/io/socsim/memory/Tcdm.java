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

    // the accelerator's wide ("shallow") port: a window of adjacent banks, all or nothing
    private boolean acceleratorFirst = true;
    private int maxStall = Integer.MAX_VALUE;
    private int sideStall;        // consecutive contested cycles the low-priority side lost
    private int wideRequester = -1;
    private int wideFirst;
    private int wideCount;
    private boolean wideGranted;
    private long wideAccesses;
    private long wideDenied;

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

    /**
     * How the accelerator's wide port and the cores' side share banks (pulp-platform/hci): the
     * preferred side wins a contested cycle, but after {@code maxStallCycles} contested cycles lost
     * in a row the other side is granted once.
     */
    public void widePortPolicy(boolean acceleratorPriority, int maxStallCycles) {
        this.acceleratorFirst = acceleratorPriority;
        this.maxStall = maxStallCycles;
    }

    /** The accelerator wants {@code count} adjacent banks from {@code firstBank} this cycle. */
    public void requestWide(int requester, int firstBank, int count) {
        wideRequester = requester;
        wideFirst = firstBank;
        wideCount = Math.min(count, banks);
    }

    /** Whether the last {@link #arbitrate} granted the wide port. */
    public boolean wideGranted() {
        return wideGranted;
    }

    /** Decides this cycle's winners and clears the requests. */
    public void arbitrate() {
        long granted = 0;
        wideGranted = false;
        if (wideRequester >= 0) {
            arbitrateWide();
        }
        for (int i = 0; i < touchedCount; i++) {
            int bank = touched[i];
            long mask = requests[bank];
            if (mask == 0) {
                continue; // taken by the wide port
            }
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

    /**
     * What {@link #request} then {@link #arbitrate} do for a cycle in which {@code requester} is the
     * only one asking for {@code bank}: the access is granted and the round-robin pointer moves past
     * it. For a component that streams alone and settles its accesses without a full cycle.
     */
    public void grantAlone(int requester, int bank) {
        accesses[bank]++;
        rrNext[bank] = requester + 1 == 64 ? 0 : requester + 1;
    }

    /** What {@link #requestWide} then {@link #arbitrate} do in {@code cycles} cycles nobody else asks for a bank. */
    public void wideGrantedAlone(long cycles) {
        wideAccesses += cycles;
    }

    /** Whether {@code requester}'s request of the last {@link #arbitrate} was granted. */
    public boolean granted(int requester) {
        return (grantedMask & (1L << requester)) != 0;
    }

    private void arbitrateWide() {
        boolean contested = false;
        for (int i = 0; i < wideCount && !contested; i++) {
            contested = requests[(wideFirst + i) & (banks - 1)] != 0;
        }
        boolean win;
        if (!contested) {
            win = true;
        } else if (acceleratorFirst) {
            win = sideStall < maxStall;
            sideStall = win ? sideStall + 1 : 0;
        } else {
            win = sideStall >= maxStall;
            sideStall = win ? 0 : sideStall + 1;
        }
        if (win) {
            for (int i = 0; i < wideCount; i++) {
                int bank = (wideFirst + i) & (banks - 1);
                conflicts[bank] += Long.bitCount(requests[bank]);
                requests[bank] = 0;
            }
            wideGranted = true;
            wideAccesses++;
        } else {
            wideDenied++;
        }
        wideRequester = -1;
    }

    public int banks() {
        return banks;
    }

    /** Cycles the wide port was granted. */
    public long wideAccesses() {
        return wideAccesses;
    }

    /** Cycles the wide port asked and was refused. */
    public long wideDenied() {
        return wideDenied;
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
