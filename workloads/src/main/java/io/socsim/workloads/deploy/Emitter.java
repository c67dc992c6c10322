package io.socsim.workloads.deploy;

import io.socsim.isa.Op;
import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Code generation helpers for one generated kernel: a register pool, typed loads and stores,
 * constants, and the loop nest that walks strided pointers over an index space with the outermost
 * dimension split over the cores.
 *
 * <p>Calling convention (the runtime's): {@code a0} = argument block (operand addresses, one word
 * each), {@code a1} = core id, return with {@code ra}. The runtime keeps its state in s0, s1 and
 * s2-s7; every other register except {@code ra} is free here (the generated code calls nothing and
 * uses no stack), so the pool holds 20 registers.
 */
final class Emitter {

    static final int RA = 1, A0 = 10, A1 = 11;
    private static final int[] POOL = {5, 6, 7, 28, 29, 30, 31, 12, 13, 14, 15, 16, 17, 24, 25, 26, 27, 3, 4, 2};

    final ProgramBuilder b;
    final int cores;
    private int next;

    Emitter(ProgramBuilder b, int cores) {
        this.b = b;
        this.cores = cores;
    }

    int reg() {
        if (next >= POOL.length) {
            throw new IllegalStateException("kernel needs more than " + POOL.length + " registers");
        }
        return POOL[next++];
    }

    int[] regs(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = reg();
        }
        return r;
    }

    /** Registers taken so far, to give back the ones taken after with {@link #release}. */
    int mark() {
        return next;
    }

    void release(int mark) {
        next = mark;
    }

    /** The register holding constant {@code v} (x0 for 0). */
    int constant(long v) {
        if (v == 0) {
            return 0;
        }
        int r = reg();
        b.li(r, (int) v);
        return r;
    }

    void addImm(int rd, int rs, long v, int tmp) {
        if (v == 0) {
            if (rd != rs) {
                b.mv(rd, rs);
            }
        } else if (v >= -2048 && v <= 2047) {
            b.addi(rd, rs, (int) v);
        } else {
            b.li(tmp, (int) v);
            b.add(rd, rs, tmp);
        }
    }

    void mulImm(int rd, int rs, long v, int tmp) {
        if (v == 1) {
            if (rd != rs) {
                b.mv(rd, rs);
            }
        } else if (v > 0 && Long.bitCount(v) == 1) {
            b.slli(rd, rs, Long.numberOfTrailingZeros(v));
        } else {
            b.li(tmp, (int) v);
            b.mul(rd, rs, tmp);
        }
    }

    void load(int rd, int offset, int base, Elem t) {
        switch (t.bytes()) {
            case 1 -> {
                if (t.signed()) {
                    b.lb(rd, offset, base);
                } else {
                    b.lbu(rd, offset, base);
                }
            }
            case 2 -> {
                if (t.signed()) {
                    b.lh(rd, offset, base);
                } else {
                    b.lhu(rd, offset, base);
                }
            }
            default -> b.lw(rd, offset, base);
        }
    }

    /** Load, then {@code base += inc} (XpulpV2 post-increment; {@code inc} fits 12 bits). */
    void loadPost(int rd, int inc, int base, Elem t) {
        Op op = switch (t.bytes()) {
            case 1 -> t.signed() ? Op.P_LB_IPOST : Op.P_LBU_IPOST;
            case 2 -> t.signed() ? Op.P_LH_IPOST : Op.P_LHU_IPOST;
            default -> Op.P_LW_IPOST;
        };
        b.emit(op, rd, base, 0, inc, 0);
    }

    void store(int rs, int offset, int base, Elem t) {
        switch (t.bytes()) {
            case 1 -> b.sb(rs, offset, base);
            case 2 -> b.sh(rs, offset, base);
            default -> b.sw(rs, offset, base);
        }
    }

    /** {@code rd = floor(rs / d)} for a constant {@code d > 0} ({@code tmp} is clobbered; rd may equal rs only when d is a power of two). */
    void floorDivConst(int rd, int rs, long d, int tmp) {
        if (d == 1) {
            if (rd != rs) {
                b.mv(rd, rs);
            }
        } else if (Long.bitCount(d) == 1) {
            b.srai(rd, rs, Long.numberOfTrailingZeros(d));
        } else {
            b.li(tmp, (int) d);
            floorDivReg(rd, rs, tmp);
        }
    }

    /** {@code rd = floor(rs / rt)} for {@code rt > 0}; rd differs from rs and rt; rt is clobbered. */
    void floorDivReg(int rd, int rs, int rt) {
        b.div(rd, rs, rt);
        b.rem(rt, rs, rt);
        b.srai(rt, rt, 31);      // -1 when the remainder is negative (rs < 0, not divisible)
        b.add(rd, rd, rt);
    }

    // ------------------------------------------------------------------ loop nests

    /** A pointer register walked by a nest: byte stride per dimension. */
    record Ptr(int reg, long[] strides) {
    }

    /**
     * Loops over {@code dims} (outermost first, every dimension at least 1). With {@code split},
     * core {@code id} of {@link #cores} takes the slice {@code [id*d0/p, (id+1)*d0/p)} of dimension
     * 0 and jumps to {@code exit} when it is empty. With {@code hwLoop}, the innermost dimension
     * runs as hardware loop 0 (the body must be straight-line code without hardware loops).
     * {@code body} runs with every pointer at the current element.
     */
    void nest(long[] dims, List<Ptr> ptrs, boolean split, boolean hwLoop, Label exit, Runnable body) {
        int m = mark();
        int tmp = reg();
        int[] counter = regs(dims.length);
        if (split) {
            int first = counter[0];
            b.li(tmp, (int) dims[0]);
            b.mul(first, A1, tmp);
            int scratch = mark();
            int p = reg();
            b.li(p, cores);
            b.divu(first, first, p);
            int cnt = reg();
            b.addi(cnt, A1, 1);
            b.mul(cnt, cnt, tmp);
            b.divu(cnt, cnt, p);
            b.sub(cnt, cnt, first);
            b.beqz(cnt, exit);
            for (Ptr q : ptrs) {
                if (q.strides()[0] != 0) {
                    b.li(p, (int) q.strides()[0]);
                    b.mul(p, p, first);
                    b.add(q.reg(), q.reg(), p);
                }
            }
            b.mv(first, cnt);
            release(scratch); // p and cnt are dead once the slice is known
        }
        level(0, dims, ptrs, counter, tmp, split, hwLoop, body);
        release(m);
    }

    private void level(int d, long[] dims, List<Ptr> ptrs, int[] counter, int tmp, boolean split, boolean hwLoop, Runnable body) {
        if (d == dims.length) {
            body.run();
            return;
        }
        boolean last = d == dims.length - 1;
        List<long[]> incs = new ArrayList<>(); // {reg, increment}
        for (Ptr q : ptrs) {
            long inc = q.strides()[d] - (last ? 0 : dims[d + 1] * q.strides()[d + 1]);
            if (inc != 0) {
                incs.add(new long[] {q.reg(), inc});
            }
        }
        if (!(split && d == 0)) {
            b.li(counter[d], (int) dims[d]);
        }
        if (last && hwLoop) {
            // every increment must be one instruction: the loop's end label marks the last one
            int m = mark();
            int[] incReg = new int[incs.size()];
            for (int i = 0; i < incs.size(); i++) {
                long v = incs.get(i)[1];
                if (v < -2048 || v > 2047) {
                    incReg[i] = reg();
                    b.li(incReg[i], (int) v);
                }
            }
            Label end = b.newLabel();
            b.lpSetup(0, counter[d], end);
            body.run();
            for (int i = 0; i < incs.size(); i++) {
                if (i == incs.size() - 1) {
                    b.bind(end);
                }
                long[] inc = incs.get(i);
                if (incReg[i] != 0) {
                    b.add((int) inc[0], (int) inc[0], incReg[i]);
                } else {
                    b.addi((int) inc[0], (int) inc[0], (int) inc[1]);
                }
            }
            release(m);
            if (incs.isEmpty()) {
                b.bind(end);
                b.nop();
            }
            return;
        }
        Label top = b.here();
        level(d + 1, dims, ptrs, counter, tmp, split, hwLoop, body);
        for (long[] inc : incs) {
            addImm((int) inc[0], (int) inc[0], inc[1], tmp);
        }
        b.addi(counter[d], counter[d], -1);
        b.bnez(counter[d], top);
    }
}
