package io.socsim.config.hw;

import io.socsim.config.AddressWindow;
import io.socsim.config.PeripheralsConfig;
import io.socsim.config.Presets;
import java.util.List;
import java.util.Locale;

/**
 * The hardware contract of the cluster's register windows, defined once: register offsets and
 * fields of the event unit, the cluster DMA and ITA, their event numbers and id ranges, and the
 * requantisation word. The model, the code generators and the SDK's C header
 * ({@code sdk/socsim_regs.h}, written by {@link #cHeader}) all take them from here. The window
 * bases are the system's ({@code memory.peripherals} of a preset); the header carries those of
 * {@code ita-cluster}.
 */
public final class RegisterMap {

    private RegisterMap() {
    }

    /** Event unit registers (every one banked per core). */
    public static final class EventUnit {
        public static final int BARRIER = 0x00, EVENT_WAIT = 0x04, EVENT_MASK = 0x08, EVENT_PENDING = 0x0C,
                EVENT_TRIGGER = 0x10, CORE_ID = 0x14, CORE_COUNT = 0x18;

        private EventUnit() {
        }
    }

    /** Event bits of the event unit's mask and pending registers. */
    public static final class Events {
        public static final int SW = 1 << 0, DMA = 1 << 1, ITA = 1 << 2;

        private Events() {
        }
    }

    /** Cluster DMA registers (staging registers banked per core). */
    public static final class Dma {
        public static final int SRC = 0x00, DST = 0x04, LEN = 0x08, SRC_STRIDE = 0x0C, DST_STRIDE = 0x10, ROWS = 0x14,
                START = 0x18, STATUS = 0x1C, WAIT = 0x20;
        /** Transfer ids are 0 .. IDS-1: DMA_STATUS has one bit per id. */
        public static final int IDS = 32;
        /** Bytes per row: 1 .. MAX_LEN. */
        public static final int MAX_LEN = 0xffff;

        private Dma() {
        }
    }

    /** ITA registers (staged per core; a read of START queues the staged job). */
    public static final class Ita {
        public static final int MODE = 0x00, S = 0x04, E = 0x08, P = 0x0C, ACT = 0x10, IN = 0x14, IN_KV = 0x18,
                W0 = 0x1C, W1 = 0x20, W2 = 0x24, W3 = 0x28, B0 = 0x2C, B1 = 0x30, B2 = 0x34, B3 = 0x38, OUT = 0x3C,
                RQ0 = 0x40, START = 0x58, STATUS = 0x5C, WAIT = 0x60, SCRATCH = 0x64, ACT_RQ = 0x68;
        /** Bytes of the register file: ACT_RQ is the last register. */
        public static final int SIZE = ACT_RQ + 4;
        /** Requantisation steps RQ0 .. RQ0 + 4 (STEPS - 1). */
        public static final int RQ_STEPS = 6;
        /** ITA_MODE values. */
        public static final int MODE_LINEAR = 0, MODE_ATTENTION = 1;
        /** ITA_ACT values. */
        public static final int ACT_IDENTITY = 0, ACT_RELU = 1, ACT_GELU = 2;

        private Ita() {
        }
    }

    /** One requantisation word (ITA_RQi, ITA_ACT_RQ): multiplier [7:0], shift [15:8], add [23:16] (int8). */
    public static int requantWord(int mult, int shift, int add) {
        return (mult & 0xff) | (shift & 0xff) << 8 | (add & 0xff) << 16;
    }

    public static int requantMult(int word) {
        return word & 0xff;
    }

    public static int requantShift(int word) {
        return (word >>> 8) & 0xff;
    }

    /** The add field, sign-extended. */
    public static int requantAdd(int word) {
        return (byte) (word >>> 16);
    }

    private record Reg(String name, int offset, String comment) {
    }

    private static final List<Reg> EVENT_UNIT = List.of(
            new Reg("EU_BARRIER", EventUnit.BARRIER, "read with p.elw: hardware barrier"),
            new Reg("EU_EVENT_WAIT", EventUnit.EVENT_WAIT, "read with p.elw: sleep, return and clear pending"),
            new Reg("EU_EVENT_MASK", EventUnit.EVENT_MASK, "events that wake this core (reset all ones)"),
            new Reg("EU_EVENT_PENDING", EventUnit.EVENT_PENDING, "pending events, not cleared"),
            new Reg("EU_EVENT_TRIGGER", EventUnit.EVENT_TRIGGER, "write: bit i sends EV_SW to core i"),
            new Reg("EU_CORE_ID", EventUnit.CORE_ID, ""),
            new Reg("EU_CORE_COUNT", EventUnit.CORE_COUNT, ""));
    private static final List<Reg> DMA = List.of(
            new Reg("DMA_SRC", Dma.SRC, ""),
            new Reg("DMA_DST", Dma.DST, ""),
            new Reg("DMA_LEN", Dma.LEN, "bytes per row, 1 .. " + Dma.MAX_LEN),
            new Reg("DMA_SRC_STRIDE", Dma.SRC_STRIDE, ""),
            new Reg("DMA_DST_STRIDE", Dma.DST_STRIDE, ""),
            new Reg("DMA_ROWS", Dma.ROWS, "1 = 1D; kept after a start"),
            new Reg("DMA_START", Dma.START, "read: enqueue, returns id 0.." + (Dma.IDS - 1)),
            new Reg("DMA_STATUS", Dma.STATUS, "bit i: transfer i queued or running"),
            new Reg("DMA_WAIT", Dma.WAIT, "write id, then p.elw: sleep until done"));
    private static final List<Reg> ITA = List.of(
            new Reg("ITA_MODE", Ita.MODE, "0 linear, 1 attention head"),
            new Reg("ITA_S", Ita.S, ""), new Reg("ITA_E", Ita.E, ""), new Reg("ITA_P", Ita.P, ""),
            new Reg("ITA_ACT", Ita.ACT, "0 identity, 1 ReLU, 2 GELU"),
            new Reg("ITA_IN", Ita.IN, ""), new Reg("ITA_IN_KV", Ita.IN_KV, ""),
            new Reg("ITA_W0", Ita.W0, ""), new Reg("ITA_W1", Ita.W1, ""), new Reg("ITA_W2", Ita.W2, ""), new Reg("ITA_W3", Ita.W3, ""),
            new Reg("ITA_B0", Ita.B0, ""), new Reg("ITA_B1", Ita.B1, ""), new Reg("ITA_B2", Ita.B2, ""), new Reg("ITA_B3", Ita.B3, ""),
            new Reg("ITA_OUT", Ita.OUT, ""),
            new Reg("ITA_RQ0", Ita.RQ0, "+ 4 * step"),
            new Reg("ITA_START", Ita.START, "read: queue the staged job, returns its id"),
            new Reg("ITA_STATUS", Ita.STATUS, "bit i: job i queued or running"),
            new Reg("ITA_WAIT", Ita.WAIT, "write id, then p.elw: sleep until done"),
            new Reg("ITA_SCRATCH", Ita.SCRATCH, ""),
            new Reg("ITA_ACT_RQ", Ita.ACT_RQ, "requant after the activation; 0 = PyITA defaults"));

    /** The text of {@code sdk/socsim_regs.h}. */
    public static String cHeader() {
        PeripheralsConfig p = Presets.load("ita-cluster").memory().peripherals().orElseThrow();
        StringBuilder b = new StringBuilder();
        b.append("/* socsim_regs.h: register map of the socsim cluster (event unit, DMA, ITA).\n")
                .append(" * GENERATED from io.socsim.config.hw.RegisterMap: do not edit by hand; a test fails\n")
                .append(" * when this file differs (regenerate with -Dsocsim.regs.update=true).\n")
                .append(" * Window bases are those of the ita-cluster preset. */\n")
                .append("#ifndef SOCSIM_REGS_H\n#define SOCSIM_REGS_H\n\n");
        b.append("/* ---- event unit (every register banked per core) --------------------- */\n");
        define(b, "EU_BASE", base(p.eventUnit().orElseThrow()), "");
        EVENT_UNIT.forEach(r -> define(b, r.name(), r.offset(), r.comment()));
        b.append('\n');
        b.append(String.format(Locale.ROOT, "#define EV_SW   (1u << %d)   /* software event (EU_EVENT_TRIGGER) */%n", Integer.numberOfTrailingZeros(Events.SW)));
        b.append(String.format(Locale.ROOT, "#define EV_DMA  (1u << %d)   /* a DMA transfer this core started completed */%n", Integer.numberOfTrailingZeros(Events.DMA)));
        b.append(String.format(Locale.ROOT, "#define EV_ITA  (1u << %d)   /* an accelerator job completed */%n", Integer.numberOfTrailingZeros(Events.ITA)));
        b.append("\n/* ---- cluster DMA (staging registers banked per core) ------------------ */\n");
        define(b, "DMA_BASE", base(p.dma().orElseThrow()), "");
        DMA.forEach(r -> define(b, r.name(), r.offset(), r.comment()));
        b.append(String.format(Locale.ROOT, "%-32s /* transfer ids are 0 .. DMA_IDS-1 */%n", "#define DMA_IDS             " + Dma.IDS + "u"));
        b.append("\n/* ---- ITA (staged per core) ------------------------------------------- */\n");
        define(b, "ITA_BASE", base(p.ita().orElseThrow()), "");
        ITA.forEach(r -> define(b, r.name(), r.offset(), r.comment()));
        b.append("\n#endif\n");
        return b.toString();
    }

    private static int base(AddressWindow w) {
        return (int) w.base();
    }

    private static void define(StringBuilder b, String name, int value, String comment) {
        String v = value >= 0x1000 ? String.format(Locale.ROOT, "0x%08Xu", value) : String.format(Locale.ROOT, "0x%02Xu", value);
        String line = String.format(Locale.ROOT, "#define %-19s %s", name, v);
        b.append(comment.isEmpty() ? line : String.format(Locale.ROOT, "%-32s /* %s */", line, comment)).append('\n');
    }
}
