package io.socsim.workloads.ita;

import io.socsim.ita.math.Activation;
import io.socsim.ita.math.Requant;

/**
 * Offsets of the ITA register window and the event-unit registers the programs use, as listed in
 * {@code docs/architecture.md} (the contract the cluster model implements).
 */
public final class ItaRegisters {

    public static final int MODE = 0x00, S = 0x04, E = 0x08, P = 0x0C, ACT = 0x10, IN = 0x14, IN_KV = 0x18;
    /** W0 .. W3 at {@code W0 + 4*i}. */
    public static final int W0 = 0x1C;
    /** B0 .. B3 at {@code B0 + 4*i}. */
    public static final int B0 = 0x2C;
    public static final int OUT = 0x3C;
    /** RQ0 .. RQ5 at {@code RQ0 + 4*i}. */
    public static final int RQ0 = 0x40;
    public static final int START = 0x58, STATUS = 0x5C, WAIT = 0x60, SCRATCH = 0x64;
    /** Size of the register file in bytes (the last register ends here). */
    public static final int SIZE = 0x68;

    public static final int EU_EVENT_WAIT = 0x04, EU_EVENT_MASK = 0x08;

    private ItaRegisters() {
    }

    /** One {@code ITA_RQi} word: multiplier [7:0], shift [15:8], add [23:16] (int8). */
    public static int requantWord(Requant rq) {
        return (rq.mult() & 0xff) | (rq.shift() & 0xff) << 8 | (rq.add() & 0xff) << 16;
    }

    /** Inverse of {@link #requantWord}. */
    public static Requant requant(int word) {
        return new Requant(word & 0xff, (word >>> 8) & 0xff, (byte) (word >>> 16));
    }

    /** The value of {@code ITA_ACT} for an activation: 0 identity, 1 ReLU, 2 GELU. */
    public static int activationCode(Activation a) {
        return switch (a) {
            case IDENTITY -> 0;
            case RELU -> 1;
            case GELU -> 2;
        };
    }

    public static Activation activation(int code) {
        return switch (code) {
            case 0 -> Activation.IDENTITY;
            case 1 -> Activation.RELU;
            case 2 -> Activation.GELU;
            default -> throw new IllegalArgumentException("ITA_ACT " + code + " is not 0, 1 or 2");
        };
    }
}
