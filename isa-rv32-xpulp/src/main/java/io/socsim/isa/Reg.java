package io.socsim.isa;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Integer register names: ABI names (zero, ra, sp, ..., t6), {@code fp}, and {@code x0}-{@code x31}. */
public final class Reg {

    public static final int ZERO = 0, RA = 1, SP = 2, GP = 3, TP = 4, T0 = 5, T1 = 6, T2 = 7, S0 = 8, FP = 8, S1 = 9;
    public static final int A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15, A6 = 16, A7 = 17;
    public static final int S2 = 18, S3 = 19, S4 = 20, S5 = 21, S6 = 22, S7 = 23, S8 = 24, S9 = 25, S10 = 26, S11 = 27;
    public static final int T3 = 28, T4 = 29, T5 = 30, T6 = 31;

    private static final String[] ABI = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    };
    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        for (int i = 0; i < 32; i++) {
            BY_NAME.put(ABI[i], i);
            BY_NAME.put("x" + i, i);
        }
        BY_NAME.put("fp", 8);
    }

    private Reg() {
    }

    /** The ABI name of register {@code r} (0-31). */
    public static String abi(int r) {
        return ABI[r];
    }

    /** The register number for {@code name} (ABI name, {@code fp} or {@code xN}; case-insensitive), or -1. */
    public static int parse(String name) {
        Integer r = BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        return r == null ? -1 : r;
    }
}
