package io.socsim.workloads.ita;

import io.socsim.config.hw.RegisterMap;
import io.socsim.ita.math.Activation;
import io.socsim.ita.math.Requant;

/**
 * The ITA register window and the event-unit registers the programs use, as the register map
 * ({@link RegisterMap}) defines them, with the field conversions the code generators need.
 */
public final class ItaRegisters {

    public static final int MODE = RegisterMap.Ita.MODE, S = RegisterMap.Ita.S, E = RegisterMap.Ita.E, P = RegisterMap.Ita.P,
            ACT = RegisterMap.Ita.ACT, IN = RegisterMap.Ita.IN, IN_KV = RegisterMap.Ita.IN_KV;
    /** W0 .. W3 at {@code W0 + 4*i}. */
    public static final int W0 = RegisterMap.Ita.W0;
    /** B0 .. B3 at {@code B0 + 4*i}. */
    public static final int B0 = RegisterMap.Ita.B0;
    public static final int OUT = RegisterMap.Ita.OUT;
    /** RQ0 .. RQ5 at {@code RQ0 + 4*i}. */
    public static final int RQ0 = RegisterMap.Ita.RQ0;
    public static final int START = RegisterMap.Ita.START, STATUS = RegisterMap.Ita.STATUS, WAIT = RegisterMap.Ita.WAIT,
            SCRATCH = RegisterMap.Ita.SCRATCH, ACT_RQ = RegisterMap.Ita.ACT_RQ;
    /** Size of the register file in bytes (the last register, ACT_RQ, ends here). */
    public static final int SIZE = RegisterMap.Ita.SIZE;

    public static final int EU_EVENT_WAIT = RegisterMap.EventUnit.EVENT_WAIT, EU_EVENT_MASK = RegisterMap.EventUnit.EVENT_MASK;

    private ItaRegisters() {
    }

    /** One {@code ITA_RQi} word: multiplier [7:0], shift [15:8], add [23:16] (int8). */
    public static int requantWord(Requant rq) {
        return RegisterMap.requantWord(rq.mult(), rq.shift(), rq.add());
    }

    /** Inverse of {@link #requantWord}. */
    public static Requant requant(int word) {
        return new Requant(RegisterMap.requantMult(word), RegisterMap.requantShift(word), (byte) RegisterMap.requantAdd(word));
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
