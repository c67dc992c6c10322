package io.socsim.isa.exec;

import io.socsim.isa.Decoder;
import io.socsim.isa.Format;
import io.socsim.isa.Insn;
import io.socsim.isa.Op;

/**
 * Instructions decoded once per address into one {@code long} each, shared by every hart that
 * runs the same code. Pages of 4 KiB are created on first execution; {@link #flush()} (on
 * {@code fence.i}) forgets everything.
 *
 * <p>Packed layout: bits 0-9 semantic id ({@link Sem}), bit 10 compressed, bits 11-16 rd,
 * 17-21 rs1, 22-26 rs2, 27-31 second immediate, 32-63 immediate. Illegal words keep their raw
 * bits in the immediate for {@code mtval}.
 */
public final class DecodeCache {

    static final long COMPRESSED = 1L << 10;
    private static final int PAGE_SHIFT = 12;
    private static final int SLOTS = 1 << (PAGE_SHIFT - 1);
    private static final int[] SEM_BY_OP = semTable();

    private final long[][] pages = new long[1 << (32 - PAGE_SHIFT)][];

    /** The page of decoded slots holding {@code pc}, created on first use. */
    long[] page(int pc) {
        long[] page = pages[pc >>> PAGE_SHIFT];
        if (page == null) {
            page = new long[SLOTS];
            pages[pc >>> PAGE_SHIFT] = page;
        }
        return page;
    }

    /** Decodes the instruction at {@code pc} (fetched through {@code hart}) into its slot of {@code page}. */
    static long fill(long[] page, int pc, Hart hart) {
        int low = hart.fetch16(pc);
        int word = Decoder.length(low) == 2 ? low : low | (hart.fetch16(pc + 2) << 16);
        long d = pack(word);
        page[slot(pc)] = d;
        return d;
    }

    static int slot(int pc) {
        return (pc >>> 1) & (SLOTS - 1);
    }

    /** Page number of {@code pc}. */
    static int pageNumber(int pc) {
        return pc >>> PAGE_SHIFT;
    }

    /**
     * Forgets all decoded instructions (code may have been rewritten). Pages are cleared in place,
     * so harts holding a reference to one see the change.
     */
    public void flush() {
        for (long[] page : pages) {
            if (page != null) {
                java.util.Arrays.fill(page, 0L);
            }
        }
    }

    /** The semantic id ({@link Sem}) executing {@code op}; compressed rows share their expansion's id. */
    public static int semOf(Op op) {
        return SEM_BY_OP[op.ordinal()];
    }

    /** Field accessors of the packed form, for timing models. */
    public static int sem(long d) {
        return (int) d & 0x3ff;
    }

    public static boolean compressed(long d) {
        return (d & COMPRESSED) != 0;
    }

    public static int rd(long d) {
        return (int) (d >>> 11) & 63;
    }

    public static int rs1(long d) {
        return (int) (d >>> 17) & 31;
    }

    public static int rs2(long d) {
        return (int) (d >>> 22) & 31;
    }

    public static int imm(long d) {
        return (int) (d >>> 32);
    }

    /** The five-bit second immediate, sign-extended (p.beqimm / p.bneimm compare value). */
    public static int imm2Signed(long d) {
        return ((int) (d >>> 27) << 27) >> 27;
    }

    static long pack(int word) {
        Insn insn = Decoder.decode(word);
        if (insn == null) {
            long len = Decoder.length(word) == 2 ? COMPRESSED : 0;
            int raw = Decoder.length(word) == 2 ? word & 0xffff : word;
            return Sem.ILLEGAL | len | ((long) raw << 32);
        }
        Op op = insn.op();
        int imm2 = insn.imm2();
        if (op.format() == Format.HWLOOP_SETUPI) {
            imm2 >>>= 1; // stored in half-words to fit five bits
        }
        return SEM_BY_OP[op.ordinal()]
                | (op.length() == 2 ? COMPRESSED : 0)
                | ((long) insn.rd() << 11)
                | ((long) insn.rs1() << 17)
                | ((long) insn.rs2() << 22)
                | ((long) (imm2 & 31) << 27)
                | ((long) insn.imm() << 32);
    }

    /** Semantic id per table row, found by name; a row without semantics fails at class load. */
    private static int[] semTable() {
        Op[] ops = Op.values();
        int[] table = new int[ops.length];
        for (Op op : ops) {
            try {
                table[op.ordinal()] = Sem.class.getField(op.expanded().name()).getInt(null);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError("no semantics for " + op + ": regenerate Sem with tools/gen-sem.py");
            }
        }
        return table;
    }
}
