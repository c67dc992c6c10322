package io.socsim.sim.cluster;

/**
 * Closes a core's accounts at the end of a run of {@code total} cycles. Its latest charge (an
 * instruction's extra cycles, a load-use wait or a wake-up) may reach past the end: the
 * overshoot is cut from that account first, so the columns add up to {@code total} exactly.
 */
final class CoreAccounts {

    /** Indices of the accounts in the working array. */
    private static final int A_BRANCH = 0, A_MUL_DIV = 1, A_OTHER = 2, A_MEMORY = 3, A_LOAD_USE = 4, A_SLEEP = 5, A_TCDM = 6, A_ISSUE = 7;

    private CoreAccounts() {
    }

    static ClusterResult.CoreStats close(CoreState c, long total) {
        long[] a = new long[8];
        a[A_BRANCH] = c.branchStalls;
        a[A_MUL_DIV] = c.mulDivStalls;
        a[A_OTHER] = c.otherStalls;
        a[A_MEMORY] = c.memoryStalls;
        a[A_LOAD_USE] = c.loadUseStalls;
        a[A_SLEEP] = c.sleepCycles + (c.sleep != CoreState.AWAKE && !c.done ? total - c.sleepSince : 0); // asleep at the end
        a[A_TCDM] = c.tcdmStalls;
        a[A_ISSUE] = c.busy - c.branchStalls - c.mulDivStalls - c.memoryStalls - c.otherStalls;
        long over = -total;
        for (long v : a) {
            over += v;
        }
        for (int account : cutOrder(c.lastCharge)) {
            long cut = Math.min(Math.max(over, 0), a[account]);
            a[account] -= cut;
            over -= cut;
        }
        long idle = -over; // what no account covers: the core stood between instructions at the end
        return new ClusterResult.CoreStats(c.id, c.instructions, a[A_ISSUE], a[A_BRANCH], a[A_MUL_DIV], a[A_MEMORY], a[A_OTHER],
                a[A_LOAD_USE], a[A_TCDM], a[A_SLEEP], idle, c.loads, c.stores);
    }

    /** The accounts to cut an overshoot from: the latest charge's first, then the others as a fallback. */
    private static int[] cutOrder(byte charge) {
        switch (charge) {
            case CoreState.CHARGE_BRANCH: return new int[] {A_BRANCH, A_OTHER, A_MEMORY, A_MUL_DIV, A_LOAD_USE, A_SLEEP, A_TCDM, A_ISSUE};
            case CoreState.CHARGE_MUL_DIV: return new int[] {A_MUL_DIV, A_OTHER, A_MEMORY, A_BRANCH, A_LOAD_USE, A_SLEEP, A_TCDM, A_ISSUE};
            case CoreState.CHARGE_OTHER: return new int[] {A_OTHER, A_MEMORY, A_BRANCH, A_MUL_DIV, A_LOAD_USE, A_SLEEP, A_TCDM, A_ISSUE};
            case CoreState.CHARGE_LOAD_USE: return new int[] {A_LOAD_USE, A_MEMORY, A_OTHER, A_BRANCH, A_MUL_DIV, A_SLEEP, A_TCDM, A_ISSUE};
            case CoreState.CHARGE_SLEEP: return new int[] {A_SLEEP, A_LOAD_USE, A_MEMORY, A_OTHER, A_BRANCH, A_MUL_DIV, A_TCDM, A_ISSUE};
            default: return new int[] {A_MEMORY, A_OTHER, A_BRANCH, A_MUL_DIV, A_LOAD_USE, A_SLEEP, A_TCDM, A_ISSUE};
        }
    }
}
