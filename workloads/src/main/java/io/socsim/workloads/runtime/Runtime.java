package io.socsim.workloads.runtime;

import io.socsim.config.AddressWindow;
import io.socsim.config.PeripheralsConfig;
import io.socsim.config.SocConfig;
import io.socsim.config.hw.RegisterMap;
import io.socsim.isa.Csr;
import io.socsim.isa.Op;
import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;

/**
 * The code every core runs to execute a {@link Schedule}: a loop over the table in which core 0
 * drives the DMA and ITA (register addresses from {@code docs/architecture.md}) and all cores run
 * kernels on their share, meeting at the event unit's hardware barrier. The table, the slots for
 * transfer/job ids and the mark table live in the program's data; core 0 exits with 0 at the end.
 */
public final class Runtime {

    // registers held for the whole run (kernels preserve s0-s11)
    private static final int TABLE = 8, HART = 9, CORES = 18, EU = 19, DMA = 20, ITA = 21, SLOTS = 22, MARKS = 23;
    private static final int A0 = 10, A1 = 11, A2 = 12, A7 = 17, T0 = 5, T1 = 6, T2 = 7, T3 = 28, T4 = 29, T5 = 30, RA = 1;
    private static final int EU_BARRIER = RegisterMap.EventUnit.BARRIER, EU_EVENT_WAIT = RegisterMap.EventUnit.EVENT_WAIT,
            EU_EVENT_MASK = RegisterMap.EventUnit.EVENT_MASK, EU_CORE_COUNT = RegisterMap.EventUnit.CORE_COUNT;
    private static final int DMA_SRC = RegisterMap.Dma.SRC, DMA_DST = RegisterMap.Dma.DST, DMA_LEN = RegisterMap.Dma.LEN,
            DMA_SRC_STRIDE = RegisterMap.Dma.SRC_STRIDE, DMA_DST_STRIDE = RegisterMap.Dma.DST_STRIDE, DMA_ROWS = RegisterMap.Dma.ROWS,
            DMA_START = RegisterMap.Dma.START, DMA_WAIT = RegisterMap.Dma.WAIT;
    private static final int ITA_START = RegisterMap.Ita.START, ITA_WAIT = RegisterMap.Ita.WAIT, ITA_ACT_RQ = RegisterMap.Ita.ACT_RQ;

    private Runtime() {
    }

    /** Symbol of the mark table: one word per mark, the mcycle core 0 read there. */
    public static final String MARKS_SYMBOL = "runtime_marks";

    /** Where a finished run leaves its marks (mcycle per mark, in schedule order). */
    public record Layout(Label marks, int markCount) {
    }

    /**
     * Emits {@code _start}, the interpreter and the schedule (with its data) into {@code b}; code
     * into {@code .text}, tables into {@code .data}.
     */
    public static Layout emit(ProgramBuilder b, Schedule schedule, SocConfig soc) {
        PeripheralsConfig p = soc.memory().peripherals().orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no cluster peripherals"));
        int eu = (int) p.eventUnit().map(AddressWindow::base).orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no event unit")).longValue();
        int dma = (int) p.dma().map(AddressWindow::base).orElse(0L).longValue();
        int ita = (int) p.ita().map(AddressWindow::base).orElse(0L).longValue();
        Label table = b.newLabel(), slots = b.newLabel(), marks = b.label(MARKS_SYMBOL);
        Label loop = b.newLabel(), next = b.newLabel(), end = b.newLabel();
        Label[] cases = new Label[8];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = b.newLabel();
        }
        b.text();
        b.global(b.label("_start"));
        b.bind(b.label("_start"));
        b.csrr(HART, Csr.MHARTID);
        b.li(EU, eu);
        b.li(DMA, dma);
        b.li(ITA, ita);
        b.lw(CORES, EU_CORE_COUNT, EU);
        b.la(TABLE, table);
        b.la(SLOTS, slots);
        b.la(MARKS, marks);
        b.bind(loop);
        b.lw(T0, 0, TABLE);
        for (int op = 0; op < 8; op++) {
            b.li(T1, op);
            b.beq(T0, T1, cases[op]);
        }
        b.bind(next);
        b.addi(TABLE, TABLE, Schedule.ENTRY_BYTES);
        b.j(loop);

        // END: core 0 exits with 0; the others sleep with no event to wake them
        b.bind(cases[Schedule.END]);
        b.bnez(HART, end);
        b.li(A0, 0);
        b.li(A7, 93);
        b.ecall();
        b.bind(end);
        b.sw(0, EU_EVENT_MASK, EU);
        b.emit(Op.P_ELW, 0, EU, 0, EU_EVENT_WAIT, 0);
        b.j(end);

        // DMA: slot, src, dst, len, rows, src stride, dst stride
        b.bind(cases[Schedule.DMA]);
        b.bnez(HART, next);
        b.lw(T1, 8, TABLE);
        b.sw(T1, DMA_SRC, DMA);
        b.lw(T1, 12, TABLE);
        b.sw(T1, DMA_DST, DMA);
        b.lw(T1, 16, TABLE);
        b.sw(T1, DMA_LEN, DMA);
        b.lw(T1, 20, TABLE);
        b.sw(T1, DMA_ROWS, DMA);
        b.lw(T1, 24, TABLE);
        b.sw(T1, DMA_SRC_STRIDE, DMA);
        b.lw(T1, 28, TABLE);
        b.sw(T1, DMA_DST_STRIDE, DMA);
        b.lw(T2, DMA_START, DMA);
        storeSlot(b);
        b.j(next);

        // DMA_WAIT: slot
        emitWait(b, cases[Schedule.DMA_WAIT], DMA, DMA_WAIT, next);

        // ITA: slot, register image; writes 0x00-0x54 and 0x64-0x68, then starts
        b.bind(cases[Schedule.ITA]);
        b.bnez(HART, next);
        b.lw(T1, 8, TABLE);
        b.mv(T3, ITA);
        b.li(T4, ITA_START);
        b.add(T4, T4, ITA);                         // end of the first register run
        Label copy = b.here();
        b.lw(T5, 0, T1);
        b.sw(T5, 0, T3);
        b.addi(T1, T1, 4);
        b.addi(T3, T3, 4);
        b.bltu(T3, T4, copy);
        b.lw(T5, 0x64 - ITA_START, T1);             // the image continues past START/STATUS/WAIT
        b.sw(T5, 0x64, ITA);
        b.lw(T5, ITA_ACT_RQ - ITA_START, T1);
        b.sw(T5, ITA_ACT_RQ, ITA);
        b.lw(T2, ITA_START, ITA);
        storeSlot(b);
        b.j(next);

        // ITA_WAIT: slot
        emitWait(b, cases[Schedule.ITA_WAIT], ITA, ITA_WAIT, next);

        // BARRIER
        b.bind(cases[Schedule.BARRIER]);
        b.emit(Op.P_ELW, 0, EU, 0, EU_BARRIER, 0);
        b.j(next);

        // KERNEL: routine, argument block; every core, then the barrier
        b.bind(cases[Schedule.KERNEL]);
        b.lw(T1, 4, TABLE);
        b.lw(A0, 8, TABLE);
        b.mv(A1, HART);
        b.mv(A2, CORES);
        b.jalr(RA, T1, 0);
        b.emit(Op.P_ELW, 0, EU, 0, EU_BARRIER, 0);
        b.j(next);

        // MARK: index; core 0 stores mcycle
        b.bind(cases[Schedule.MARK]);
        b.bnez(HART, next);
        b.lw(T1, 4, TABLE);
        b.slli(T1, T1, 2);
        b.add(T1, T1, MARKS);
        b.csrr(T2, Csr.MCYCLE);
        b.sw(T2, 0, T1);
        b.j(next);

        b.data();
        schedule.emit(b, table);
        b.balign(4);
        b.bind(slots);
        b.space(4 * Schedule.SLOTS);
        b.bind(marks);
        b.space(4 * Math.max(1, schedule.markNames().size()));
        return new Layout(marks, schedule.markNames().size());
    }

    /** slots[table.word1] = t2 */
    private static void storeSlot(ProgramBuilder b) {
        b.lw(T1, 4, TABLE);
        b.slli(T1, T1, 2);
        b.add(T1, T1, SLOTS);
        b.sw(T2, 0, T1);
    }

    /**
     * A wait entry on core 0: writes the slot's transfer or job id to the unit's wait register at
     * {@code unit + waitOffset}, then sleeps on it with {@code p.elw} until that id has completed.
     */
    private static void emitWait(ProgramBuilder b, Label entry, int unit, int waitOffset, Label next) {
        b.bind(entry);
        b.bnez(HART, next);
        loadSlot(b);
        b.sw(T2, waitOffset, unit);
        b.emit(Op.P_ELW, 0, unit, 0, waitOffset, 0);
        b.j(next);
    }

    /** t2 = slots[table.word1] */
    private static void loadSlot(ProgramBuilder b) {
        b.lw(T1, 4, TABLE);
        b.slli(T1, T1, 2);
        b.add(T1, T1, SLOTS);
        b.lw(T2, 0, T1);
    }
}
