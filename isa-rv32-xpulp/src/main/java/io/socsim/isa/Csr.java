package io.socsim.isa;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers and assembler names of the control and status registers the cluster core implements
 * (machine mode only, RI5CY performance counters and hardware-loop registers).
 *
 * <p>Standard CSRs carry the names GNU binutils uses; the PULP-specific ones carry lower-case
 * names derived from the RI5CY register names ({@code pcer}, {@code pcmr}, {@code pccr0..31},
 * {@code lpstart0} ...).
 */
public final class Csr {

    public static final int MSTATUS = 0x300;
    public static final int MISA = 0x301;
    public static final int MIE = 0x304;
    public static final int MTVEC = 0x305;
    public static final int MSCRATCH = 0x340;
    public static final int MEPC = 0x341;
    public static final int MCAUSE = 0x342;
    public static final int MTVAL = 0x343;
    public static final int MIP = 0x344;

    public static final int MCYCLE = 0xb00;
    public static final int MINSTRET = 0xb02;
    public static final int MCYCLEH = 0xb80;
    public static final int MINSTRETH = 0xb82;

    /** Read-only user-level shadows of mcycle/minstret. */
    public static final int CYCLE = 0xc00;
    public static final int INSTRET = 0xc02;
    public static final int CYCLEH = 0xc80;
    public static final int INSTRETH = 0xc82;

    public static final int MVENDORID = 0xf11;
    public static final int MARCHID = 0xf12;
    public static final int MIMPID = 0xf13;
    public static final int MHARTID = 0xf14;

    /** RI5CY performance counter event enable register (one bit per counter). */
    public static final int PCER = 0xcc0;
    /** RI5CY performance counter mode register (global enable, saturation). */
    public static final int PCMR = 0xcc1;
    /** First RI5CY performance counter; counter {@code i} lives at {@code PCCR0 + i}. */
    public static final int PCCR0 = 0x780;
    /** Number of performance counter numbers reserved from {@link #PCCR0} (0x780-0x79F). */
    public static final int PCCR_COUNT = 32;

    /** Hardware-loop registers, RI5CY numbering (GVSoC); 0x7C3 is unused. */
    public static final int LPSTART0 = 0x7c0;
    public static final int LPEND0 = 0x7c1;
    public static final int LPCOUNT0 = 0x7c2;
    public static final int LPSTART1 = 0x7c4;
    public static final int LPEND1 = 0x7c5;
    public static final int LPCOUNT1 = 0x7c6;

    private static final String[] NAMES = new String[4096];
    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    static {
        name(MSTATUS, "mstatus");
        name(MISA, "misa");
        name(MIE, "mie");
        name(MTVEC, "mtvec");
        name(MSCRATCH, "mscratch");
        name(MEPC, "mepc");
        name(MCAUSE, "mcause");
        name(MTVAL, "mtval");
        name(MIP, "mip");
        name(MCYCLE, "mcycle");
        name(MINSTRET, "minstret");
        name(MCYCLEH, "mcycleh");
        name(MINSTRETH, "minstreth");
        name(CYCLE, "cycle");
        name(INSTRET, "instret");
        name(CYCLEH, "cycleh");
        name(INSTRETH, "instreth");
        name(MVENDORID, "mvendorid");
        name(MARCHID, "marchid");
        name(MIMPID, "mimpid");
        name(MHARTID, "mhartid");
        name(PCER, "pcer");
        name(PCMR, "pcmr");
        for (int i = 0; i < PCCR_COUNT; i++) {
            name(PCCR0 + i, "pccr" + i);
        }
        name(LPSTART0, "lpstart0");
        name(LPEND0, "lpend0");
        name(LPCOUNT0, "lpcount0");
        name(LPSTART1, "lpstart1");
        name(LPEND1, "lpend1");
        name(LPCOUNT1, "lpcount1");
    }

    private Csr() {
    }

    private static void name(int number, String name) {
        NAMES[number] = name;
        NUMBERS.put(name, number);
    }

    /** The assembler name of CSR {@code number}, or {@code null} when the core does not know it. */
    public static String name(int number) {
        return number >= 0 && number < NAMES.length ? NAMES[number] : null;
    }

    /** The number of the CSR called {@code name}, or -1 when there is none. */
    public static int number(String name) {
        Integer n = NUMBERS.get(name);
        return n == null ? -1 : n;
    }

    /** True when the core implements CSR {@code number}. */
    public static boolean known(int number) {
        return name(number) != null;
    }
}
