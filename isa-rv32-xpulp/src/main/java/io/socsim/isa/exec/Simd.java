package io.socsim.isa.exec;

// The six-form case lines are generated (see the class comment); lane helpers are hand-written.

/**
 * XpulpV2 packed-SIMD semantics ({@code pv.*}) as pure functions. Half-word forms work on two
 * 16-bit lanes, byte forms on four 8-bit lanes; {@code .sc} replicates the lowest lane of rs2,
 * {@code .sci} replicates the 6-bit immediate (sign- or zero-extended as its format says).
 * Lane results wrap to the lane width; averages shift the wrapped lane sum; shift amounts use the low 4 (half-word) or 3 (byte) bits of each lane.
 */
final class Simd {

    private static final int ADD = 0;
    private static final int SUB = 1;
    private static final int AVG = 2;
    private static final int AVGU = 3;
    private static final int MIN = 4;
    private static final int MINU = 5;
    private static final int MAX = 6;
    private static final int MAXU = 7;
    private static final int SRL = 8;
    private static final int SRA = 9;
    private static final int SLL = 10;
    private static final int OR = 11;
    private static final int XOR = 12;
    private static final int AND = 13;
    private static final int EQ = 14;
    private static final int NE = 15;
    private static final int GT = 16;
    private static final int GE = 17;
    private static final int LT = 18;
    private static final int LE = 19;
    private static final int GTU = 20;
    private static final int GEU = 21;
    private static final int LTU = 22;
    private static final int LEU = 23;

    private Simd() {
    }

    /**
     * @param a   rs1 value
     * @param b   rs2 value
     * @param c   old rd value (accumulator, insertion target, second shuffle source)
     * @param imm the 6-bit immediate of the {@code .sci} and lane forms
     */
    static int exec(int sem, int a, int b, int c, int imm) {
        switch (sem) {
            case Sem.PV_ADD_H: return lanes16(ADD, a, b);
            case Sem.PV_ADD_SC_H: return lanes16(ADD, a, rep16(b));
            case Sem.PV_ADD_SCI_H: return lanes16(ADD, a, rep16(imm));
            case Sem.PV_ADD_B: return lanes8(ADD, a, b);
            case Sem.PV_ADD_SC_B: return lanes8(ADD, a, rep8(b));
            case Sem.PV_ADD_SCI_B: return lanes8(ADD, a, rep8(imm));
            case Sem.PV_SUB_H: return lanes16(SUB, a, b);
            case Sem.PV_SUB_SC_H: return lanes16(SUB, a, rep16(b));
            case Sem.PV_SUB_SCI_H: return lanes16(SUB, a, rep16(imm));
            case Sem.PV_SUB_B: return lanes8(SUB, a, b);
            case Sem.PV_SUB_SC_B: return lanes8(SUB, a, rep8(b));
            case Sem.PV_SUB_SCI_B: return lanes8(SUB, a, rep8(imm));
            case Sem.PV_AVG_H: return lanes16(AVG, a, b);
            case Sem.PV_AVG_SC_H: return lanes16(AVG, a, rep16(b));
            case Sem.PV_AVG_SCI_H: return lanes16(AVG, a, rep16(imm));
            case Sem.PV_AVG_B: return lanes8(AVG, a, b);
            case Sem.PV_AVG_SC_B: return lanes8(AVG, a, rep8(b));
            case Sem.PV_AVG_SCI_B: return lanes8(AVG, a, rep8(imm));
            case Sem.PV_AVGU_H: return lanes16(AVGU, a, b);
            case Sem.PV_AVGU_SC_H: return lanes16(AVGU, a, rep16(b));
            case Sem.PV_AVGU_SCI_H: return lanes16(AVGU, a, rep16(imm));
            case Sem.PV_AVGU_B: return lanes8(AVGU, a, b);
            case Sem.PV_AVGU_SC_B: return lanes8(AVGU, a, rep8(b));
            case Sem.PV_AVGU_SCI_B: return lanes8(AVGU, a, rep8(imm));
            case Sem.PV_MIN_H: return lanes16(MIN, a, b);
            case Sem.PV_MIN_SC_H: return lanes16(MIN, a, rep16(b));
            case Sem.PV_MIN_SCI_H: return lanes16(MIN, a, rep16(imm));
            case Sem.PV_MIN_B: return lanes8(MIN, a, b);
            case Sem.PV_MIN_SC_B: return lanes8(MIN, a, rep8(b));
            case Sem.PV_MIN_SCI_B: return lanes8(MIN, a, rep8(imm));
            case Sem.PV_MINU_H: return lanes16(MINU, a, b);
            case Sem.PV_MINU_SC_H: return lanes16(MINU, a, rep16(b));
            case Sem.PV_MINU_SCI_H: return lanes16(MINU, a, rep16(imm));
            case Sem.PV_MINU_B: return lanes8(MINU, a, b);
            case Sem.PV_MINU_SC_B: return lanes8(MINU, a, rep8(b));
            case Sem.PV_MINU_SCI_B: return lanes8(MINU, a, rep8(imm));
            case Sem.PV_MAX_H: return lanes16(MAX, a, b);
            case Sem.PV_MAX_SC_H: return lanes16(MAX, a, rep16(b));
            case Sem.PV_MAX_SCI_H: return lanes16(MAX, a, rep16(imm));
            case Sem.PV_MAX_B: return lanes8(MAX, a, b);
            case Sem.PV_MAX_SC_B: return lanes8(MAX, a, rep8(b));
            case Sem.PV_MAX_SCI_B: return lanes8(MAX, a, rep8(imm));
            case Sem.PV_MAXU_H: return lanes16(MAXU, a, b);
            case Sem.PV_MAXU_SC_H: return lanes16(MAXU, a, rep16(b));
            case Sem.PV_MAXU_SCI_H: return lanes16(MAXU, a, rep16(imm));
            case Sem.PV_MAXU_B: return lanes8(MAXU, a, b);
            case Sem.PV_MAXU_SC_B: return lanes8(MAXU, a, rep8(b));
            case Sem.PV_MAXU_SCI_B: return lanes8(MAXU, a, rep8(imm));
            case Sem.PV_SRL_H: return lanes16(SRL, a, b);
            case Sem.PV_SRL_SC_H: return lanes16(SRL, a, rep16(b));
            case Sem.PV_SRL_SCI_H: return lanes16(SRL, a, rep16(imm));
            case Sem.PV_SRL_B: return lanes8(SRL, a, b);
            case Sem.PV_SRL_SC_B: return lanes8(SRL, a, rep8(b));
            case Sem.PV_SRL_SCI_B: return lanes8(SRL, a, rep8(imm));
            case Sem.PV_SRA_H: return lanes16(SRA, a, b);
            case Sem.PV_SRA_SC_H: return lanes16(SRA, a, rep16(b));
            case Sem.PV_SRA_SCI_H: return lanes16(SRA, a, rep16(imm));
            case Sem.PV_SRA_B: return lanes8(SRA, a, b);
            case Sem.PV_SRA_SC_B: return lanes8(SRA, a, rep8(b));
            case Sem.PV_SRA_SCI_B: return lanes8(SRA, a, rep8(imm));
            case Sem.PV_SLL_H: return lanes16(SLL, a, b);
            case Sem.PV_SLL_SC_H: return lanes16(SLL, a, rep16(b));
            case Sem.PV_SLL_SCI_H: return lanes16(SLL, a, rep16(imm));
            case Sem.PV_SLL_B: return lanes8(SLL, a, b);
            case Sem.PV_SLL_SC_B: return lanes8(SLL, a, rep8(b));
            case Sem.PV_SLL_SCI_B: return lanes8(SLL, a, rep8(imm));
            case Sem.PV_OR_H: return lanes16(OR, a, b);
            case Sem.PV_OR_SC_H: return lanes16(OR, a, rep16(b));
            case Sem.PV_OR_SCI_H: return lanes16(OR, a, rep16(imm));
            case Sem.PV_OR_B: return lanes8(OR, a, b);
            case Sem.PV_OR_SC_B: return lanes8(OR, a, rep8(b));
            case Sem.PV_OR_SCI_B: return lanes8(OR, a, rep8(imm));
            case Sem.PV_XOR_H: return lanes16(XOR, a, b);
            case Sem.PV_XOR_SC_H: return lanes16(XOR, a, rep16(b));
            case Sem.PV_XOR_SCI_H: return lanes16(XOR, a, rep16(imm));
            case Sem.PV_XOR_B: return lanes8(XOR, a, b);
            case Sem.PV_XOR_SC_B: return lanes8(XOR, a, rep8(b));
            case Sem.PV_XOR_SCI_B: return lanes8(XOR, a, rep8(imm));
            case Sem.PV_AND_H: return lanes16(AND, a, b);
            case Sem.PV_AND_SC_H: return lanes16(AND, a, rep16(b));
            case Sem.PV_AND_SCI_H: return lanes16(AND, a, rep16(imm));
            case Sem.PV_AND_B: return lanes8(AND, a, b);
            case Sem.PV_AND_SC_B: return lanes8(AND, a, rep8(b));
            case Sem.PV_AND_SCI_B: return lanes8(AND, a, rep8(imm));
            case Sem.PV_CMPEQ_H: return lanes16(EQ, a, b);
            case Sem.PV_CMPEQ_SC_H: return lanes16(EQ, a, rep16(b));
            case Sem.PV_CMPEQ_SCI_H: return lanes16(EQ, a, rep16(imm));
            case Sem.PV_CMPEQ_B: return lanes8(EQ, a, b);
            case Sem.PV_CMPEQ_SC_B: return lanes8(EQ, a, rep8(b));
            case Sem.PV_CMPEQ_SCI_B: return lanes8(EQ, a, rep8(imm));
            case Sem.PV_CMPNE_H: return lanes16(NE, a, b);
            case Sem.PV_CMPNE_SC_H: return lanes16(NE, a, rep16(b));
            case Sem.PV_CMPNE_SCI_H: return lanes16(NE, a, rep16(imm));
            case Sem.PV_CMPNE_B: return lanes8(NE, a, b);
            case Sem.PV_CMPNE_SC_B: return lanes8(NE, a, rep8(b));
            case Sem.PV_CMPNE_SCI_B: return lanes8(NE, a, rep8(imm));
            case Sem.PV_CMPGT_H: return lanes16(GT, a, b);
            case Sem.PV_CMPGT_SC_H: return lanes16(GT, a, rep16(b));
            case Sem.PV_CMPGT_SCI_H: return lanes16(GT, a, rep16(imm));
            case Sem.PV_CMPGT_B: return lanes8(GT, a, b);
            case Sem.PV_CMPGT_SC_B: return lanes8(GT, a, rep8(b));
            case Sem.PV_CMPGT_SCI_B: return lanes8(GT, a, rep8(imm));
            case Sem.PV_CMPGE_H: return lanes16(GE, a, b);
            case Sem.PV_CMPGE_SC_H: return lanes16(GE, a, rep16(b));
            case Sem.PV_CMPGE_SCI_H: return lanes16(GE, a, rep16(imm));
            case Sem.PV_CMPGE_B: return lanes8(GE, a, b);
            case Sem.PV_CMPGE_SC_B: return lanes8(GE, a, rep8(b));
            case Sem.PV_CMPGE_SCI_B: return lanes8(GE, a, rep8(imm));
            case Sem.PV_CMPLT_H: return lanes16(LT, a, b);
            case Sem.PV_CMPLT_SC_H: return lanes16(LT, a, rep16(b));
            case Sem.PV_CMPLT_SCI_H: return lanes16(LT, a, rep16(imm));
            case Sem.PV_CMPLT_B: return lanes8(LT, a, b);
            case Sem.PV_CMPLT_SC_B: return lanes8(LT, a, rep8(b));
            case Sem.PV_CMPLT_SCI_B: return lanes8(LT, a, rep8(imm));
            case Sem.PV_CMPLE_H: return lanes16(LE, a, b);
            case Sem.PV_CMPLE_SC_H: return lanes16(LE, a, rep16(b));
            case Sem.PV_CMPLE_SCI_H: return lanes16(LE, a, rep16(imm));
            case Sem.PV_CMPLE_B: return lanes8(LE, a, b);
            case Sem.PV_CMPLE_SC_B: return lanes8(LE, a, rep8(b));
            case Sem.PV_CMPLE_SCI_B: return lanes8(LE, a, rep8(imm));
            case Sem.PV_CMPGTU_H: return lanes16(GTU, a, b);
            case Sem.PV_CMPGTU_SC_H: return lanes16(GTU, a, rep16(b));
            case Sem.PV_CMPGTU_SCI_H: return lanes16(GTU, a, rep16(imm));
            case Sem.PV_CMPGTU_B: return lanes8(GTU, a, b);
            case Sem.PV_CMPGTU_SC_B: return lanes8(GTU, a, rep8(b));
            case Sem.PV_CMPGTU_SCI_B: return lanes8(GTU, a, rep8(imm));
            case Sem.PV_CMPGEU_H: return lanes16(GEU, a, b);
            case Sem.PV_CMPGEU_SC_H: return lanes16(GEU, a, rep16(b));
            case Sem.PV_CMPGEU_SCI_H: return lanes16(GEU, a, rep16(imm));
            case Sem.PV_CMPGEU_B: return lanes8(GEU, a, b);
            case Sem.PV_CMPGEU_SC_B: return lanes8(GEU, a, rep8(b));
            case Sem.PV_CMPGEU_SCI_B: return lanes8(GEU, a, rep8(imm));
            case Sem.PV_CMPLTU_H: return lanes16(LTU, a, b);
            case Sem.PV_CMPLTU_SC_H: return lanes16(LTU, a, rep16(b));
            case Sem.PV_CMPLTU_SCI_H: return lanes16(LTU, a, rep16(imm));
            case Sem.PV_CMPLTU_B: return lanes8(LTU, a, b);
            case Sem.PV_CMPLTU_SC_B: return lanes8(LTU, a, rep8(b));
            case Sem.PV_CMPLTU_SCI_B: return lanes8(LTU, a, rep8(imm));
            case Sem.PV_CMPLEU_H: return lanes16(LEU, a, b);
            case Sem.PV_CMPLEU_SC_H: return lanes16(LEU, a, rep16(b));
            case Sem.PV_CMPLEU_SCI_H: return lanes16(LEU, a, rep16(imm));
            case Sem.PV_CMPLEU_B: return lanes8(LEU, a, b);
            case Sem.PV_CMPLEU_SC_B: return lanes8(LEU, a, rep8(b));
            case Sem.PV_CMPLEU_SCI_B: return lanes8(LEU, a, rep8(imm));
            case Sem.PV_DOTUP_H: return dotup16(a, b);
            case Sem.PV_DOTUP_SC_H: return dotup16(a, rep16(b));
            case Sem.PV_DOTUP_SCI_H: return dotup16(a, rep16(imm));
            case Sem.PV_DOTUP_B: return dotup8(a, b);
            case Sem.PV_DOTUP_SC_B: return dotup8(a, rep8(b));
            case Sem.PV_DOTUP_SCI_B: return dotup8(a, rep8(imm));
            case Sem.PV_DOTUSP_H: return dotusp16(a, b);
            case Sem.PV_DOTUSP_SC_H: return dotusp16(a, rep16(b));
            case Sem.PV_DOTUSP_SCI_H: return dotusp16(a, rep16(imm));
            case Sem.PV_DOTUSP_B: return dotusp8(a, b);
            case Sem.PV_DOTUSP_SC_B: return dotusp8(a, rep8(b));
            case Sem.PV_DOTUSP_SCI_B: return dotusp8(a, rep8(imm));
            case Sem.PV_DOTSP_H: return dotsp16(a, b);
            case Sem.PV_DOTSP_SC_H: return dotsp16(a, rep16(b));
            case Sem.PV_DOTSP_SCI_H: return dotsp16(a, rep16(imm));
            case Sem.PV_DOTSP_B: return dotsp8(a, b);
            case Sem.PV_DOTSP_SC_B: return dotsp8(a, rep8(b));
            case Sem.PV_DOTSP_SCI_B: return dotsp8(a, rep8(imm));
            case Sem.PV_SDOTUP_H: return c + dotup16(a, b);
            case Sem.PV_SDOTUP_SC_H: return c + dotup16(a, rep16(b));
            case Sem.PV_SDOTUP_SCI_H: return c + dotup16(a, rep16(imm));
            case Sem.PV_SDOTUP_B: return c + dotup8(a, b);
            case Sem.PV_SDOTUP_SC_B: return c + dotup8(a, rep8(b));
            case Sem.PV_SDOTUP_SCI_B: return c + dotup8(a, rep8(imm));
            case Sem.PV_SDOTUSP_H: return c + dotusp16(a, b);
            case Sem.PV_SDOTUSP_SC_H: return c + dotusp16(a, rep16(b));
            case Sem.PV_SDOTUSP_SCI_H: return c + dotusp16(a, rep16(imm));
            case Sem.PV_SDOTUSP_B: return c + dotusp8(a, b);
            case Sem.PV_SDOTUSP_SC_B: return c + dotusp8(a, rep8(b));
            case Sem.PV_SDOTUSP_SCI_B: return c + dotusp8(a, rep8(imm));
            case Sem.PV_SDOTSP_H: return c + dotsp16(a, b);
            case Sem.PV_SDOTSP_SC_H: return c + dotsp16(a, rep16(b));
            case Sem.PV_SDOTSP_SCI_H: return c + dotsp16(a, rep16(imm));
            case Sem.PV_SDOTSP_B: return c + dotsp8(a, b);
            case Sem.PV_SDOTSP_SC_B: return c + dotsp8(a, rep8(b));
            case Sem.PV_SDOTSP_SCI_B: return c + dotsp8(a, rep8(imm));
            case Sem.PV_ABS_H: return pack16(Math.abs(lo16(a)), Math.abs(hi16(a)));
            case Sem.PV_ABS_B: return pack8(Math.abs(s8(a, 0)), Math.abs(s8(a, 1)), Math.abs(s8(a, 2)), Math.abs(s8(a, 3)));
            case Sem.PV_EXTRACT_H: return (imm & 1) == 0 ? lo16(a) : hi16(a);
            case Sem.PV_EXTRACTU_H: return (imm & 1) == 0 ? a & 0xffff : a >>> 16;
            case Sem.PV_EXTRACT_B: return s8(a, imm & 3);
            case Sem.PV_EXTRACTU_B: return u8(a, imm & 3);
            case Sem.PV_INSERT_H: return (imm & 1) == 0 ? (c & 0xffff0000) | (a & 0xffff) : (c & 0xffff) | (a << 16);
            case Sem.PV_INSERT_B: {
                int sh = (imm & 3) * 8;
                return (c & ~(0xff << sh)) | ((a & 0xff) << sh);
            }
            case Sem.PV_SHUFFLE_H: return pack16(lane16(a, b & 1), lane16(a, (b >>> 16) & 1));
            case Sem.PV_SHUFFLE_SCI_H: return pack16(lane16(a, imm & 1), lane16(a, (imm >>> 1) & 1));
            case Sem.PV_SHUFFLE_B: return pack8(u8(a, b & 3), u8(a, (b >>> 8) & 3), u8(a, (b >>> 16) & 3), u8(a, (b >>> 24) & 3));
            case Sem.PV_SHUFFLEI0_SCI_B: return shuffleImm8(a, imm);
            case Sem.PV_SHUFFLEI1_SCI_B: return shuffleImm8(a, (1 << 6) | imm);
            case Sem.PV_SHUFFLEI2_SCI_B: return shuffleImm8(a, (2 << 6) | imm);
            case Sem.PV_SHUFFLEI3_SCI_B: return shuffleImm8(a, (3 << 6) | imm);
            case Sem.PV_SHUFFLE2_H: return pack16(shuffle2Lane16(a, c, b & 0xffff), shuffle2Lane16(a, c, b >>> 16));
            case Sem.PV_SHUFFLE2_B:
                return pack8(shuffle2Lane8(a, c, b), shuffle2Lane8(a, c, b >>> 8), shuffle2Lane8(a, c, b >>> 16), shuffle2Lane8(a, c, b >>> 24));
            case Sem.PV_PACK_H: return (a << 16) | (b & 0xffff);
            case Sem.PV_PACKHI_B: return ((a & 0xff) << 24) | ((b & 0xff) << 16) | (c & 0xffff);
            case Sem.PV_PACKLO_B: return (c & 0xffff0000) | ((a & 0xff) << 8) | (b & 0xff);
            default: throw new IllegalStateException("not a SIMD semantic id: " + sem);
        }
    }

    // ---------------------------------------------------------------- lanes

    private static int lo16(int v) {
        return (short) v;
    }

    private static int hi16(int v) {
        return v >> 16;
    }

    private static int lane16(int v, int i) {
        return i == 0 ? v & 0xffff : v >>> 16;
    }

    private static int s8(int v, int i) {
        return (byte) (v >>> (8 * i));
    }

    private static int u8(int v, int i) {
        return (v >>> (8 * i)) & 0xff;
    }

    private static int pack16(int lo, int hi) {
        return (hi << 16) | (lo & 0xffff);
    }

    private static int pack8(int b0, int b1, int b2, int b3) {
        return (b3 << 24) | ((b2 & 0xff) << 16) | ((b1 & 0xff) << 8) | (b0 & 0xff);
    }

    private static int rep16(int v) {
        return (v & 0xffff) * 0x10001;
    }

    private static int rep8(int v) {
        return (v & 0xff) * 0x01010101;
    }

    /** Lane i takes the byte of {@code a} selected by bits 2i+1:2i of the 8-bit selector. */
    private static int shuffleImm8(int a, int sel) {
        return pack8(u8(a, sel & 3), u8(a, (sel >>> 2) & 3), u8(a, (sel >>> 4) & 3), u8(a, (sel >>> 6) & 3));
    }

    /** Selector bit 1 picks rs1 (set) or the old rd (clear), bit 0 the lane. */
    private static int shuffle2Lane16(int a, int c, int sel) {
        return lane16((sel & 2) != 0 ? a : c, sel & 1);
    }

    /** Selector bit 2 picks rs1 (set) or the old rd (clear), bits 1:0 the lane. */
    private static int shuffle2Lane8(int a, int c, int sel) {
        return u8((sel & 4) != 0 ? a : c, sel & 3);
    }

    private static int lanes16(int op, int a, int b) {
        return pack16(lane(op, lo16(a), lo16(b), 16), lane(op, hi16(a), hi16(b), 16));
    }

    private static int lanes8(int op, int a, int b) {
        return pack8(lane(op, s8(a, 0), s8(b, 0), 8), lane(op, s8(a, 1), s8(b, 1), 8),
                lane(op, s8(a, 2), s8(b, 2), 8), lane(op, s8(a, 3), s8(b, 3), 8));
    }

    /** One lane; {@code x} and {@code y} arrive sign-extended, the result is truncated by the caller. */
    private static int lane(int op, int x, int y, int width) {
        int umask = (1 << width) - 1;
        int ux = x & umask, uy = y & umask;
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            // the lane adder drops its carry before the shift (RI5CY RTL)
            case AVG: return (((x + y) << (32 - width)) >> (32 - width)) >> 1;
            case AVGU: return ((ux + uy) & umask) >>> 1;
            case MIN: return Math.min(x, y);
            case MINU: return Math.min(ux, uy);
            case MAX: return Math.max(x, y);
            case MAXU: return Math.max(ux, uy);
            case SRL: return ux >>> (uy & (width - 1));
            case SRA: return x >> (uy & (width - 1));
            case SLL: return x << (uy & (width - 1));
            case OR: return x | y;
            case XOR: return x ^ y;
            case AND: return x & y;
            case EQ: return x == y ? -1 : 0;
            case NE: return x != y ? -1 : 0;
            case GT: return x > y ? -1 : 0;
            case GE: return x >= y ? -1 : 0;
            case LT: return x < y ? -1 : 0;
            case LE: return x <= y ? -1 : 0;
            case GTU: return ux > uy ? -1 : 0;
            case GEU: return ux >= uy ? -1 : 0;
            case LTU: return ux < uy ? -1 : 0;
            case LEU: return ux <= uy ? -1 : 0;
            default: throw new IllegalStateException("lane op " + op);
        }
    }

    // ---------------------------------------------------------------- dot products (32-bit wrap)

    private static int dotup16(int a, int b) {
        return (a & 0xffff) * (b & 0xffff) + (a >>> 16) * (b >>> 16);
    }

    private static int dotusp16(int a, int b) {
        return (a & 0xffff) * lo16(b) + (a >>> 16) * hi16(b);
    }

    private static int dotsp16(int a, int b) {
        return lo16(a) * lo16(b) + hi16(a) * hi16(b);
    }

    private static int dotup8(int a, int b) {
        return u8(a, 0) * u8(b, 0) + u8(a, 1) * u8(b, 1) + u8(a, 2) * u8(b, 2) + u8(a, 3) * u8(b, 3);
    }

    private static int dotusp8(int a, int b) {
        return u8(a, 0) * s8(b, 0) + u8(a, 1) * s8(b, 1) + u8(a, 2) * s8(b, 2) + u8(a, 3) * s8(b, 3);
    }

    private static int dotsp8(int a, int b) {
        return s8(a, 0) * s8(b, 0) + s8(a, 1) * s8(b, 1) + s8(a, 2) * s8(b, 2) + s8(a, 3) * s8(b, 3);
    }
}
