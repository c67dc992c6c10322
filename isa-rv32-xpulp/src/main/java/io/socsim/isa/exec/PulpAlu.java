package io.socsim.isa.exec;

/**
 * XpulpV2 scalar ALU, bit-manipulation, multiply-accumulate and normalising add/sub semantics,
 * as pure functions of the operands. Semantics follow the RI5CY user manual (CV32E40P v1
 * "instruction set extensions") and the rules in {@code shared/reference/xpulpv2-isa.md}.
 * Multiply-accumulate and normalisation use a 32-bit datapath: sums wrap before the shift.
 */
final class PulpAlu {

    private PulpAlu() {
    }

    /**
     * @param a    rs1 value
     * @param b    rs2 value
     * @param c    old rd value (accumulator / insertion target)
     * @param imm  the first immediate (Is2, clip width)
     * @param imm2 the second immediate (Is3: bit-field width - 1, normalisation shift)
     */
    static int exec(int sem, int a, int b, int c, int imm, int imm2) {
        switch (sem) {
            case Sem.P_ABS: return a < 0 ? -a : a;
            case Sem.P_SLET: return a <= b ? 1 : 0;
            case Sem.P_SLETU: return Integer.compareUnsigned(a, b) <= 0 ? 1 : 0;
            case Sem.P_MIN: return Math.min(a, b);
            case Sem.P_MINU: return Integer.compareUnsigned(a, b) <= 0 ? a : b;
            case Sem.P_MAX: return Math.max(a, b);
            case Sem.P_MAXU: return Integer.compareUnsigned(a, b) >= 0 ? a : b;
            case Sem.P_ROR: return Integer.rotateRight(a, b);
            case Sem.P_FF1: return a == 0 ? 32 : Integer.numberOfTrailingZeros(a);
            case Sem.P_FL1: return a == 0 ? 32 : 31 - Integer.numberOfLeadingZeros(a);
            case Sem.P_CLB: return a == 0 ? 0 : Integer.numberOfLeadingZeros(a ^ (a >> 31)) - 1;
            case Sem.P_CNT: return Integer.bitCount(a);
            case Sem.P_EXTHS: return (short) a;
            case Sem.P_EXTHZ: return a & 0xffff;
            case Sem.P_EXTBS: return (byte) a;
            case Sem.P_EXTBZ: return a & 0xff;
            case Sem.P_CLIP: return clip(a, -(1 << Math.max(0, imm - 1)), (1 << Math.max(0, imm - 1)) - 1);
            case Sem.P_CLIPU: return clip(a, 0, (1 << Math.max(0, imm - 1)) - 1);
            case Sem.P_CLIPR: return clip(a, -(b + 1), b);
            case Sem.P_CLIPUR: return clip(a, 0, b);
            case Sem.P_EXTRACT: return extract(a, imm, imm2 + 1);
            case Sem.P_EXTRACTU: return extractu(a, imm, imm2 + 1);
            case Sem.P_INSERT: return insert(c, a, imm, imm2 + 1);
            case Sem.P_BCLR: return a & ~(mask(imm2 + 1) << imm);
            case Sem.P_BSET: return a | (mask(imm2 + 1) << imm);
            // register forms: position in rs2[4:0], width - 1 in rs2[9:5]
            case Sem.P_EXTRACTR: return extract(a, b & 31, ((b >>> 5) & 31) + 1);
            case Sem.P_EXTRACTUR: return extractu(a, b & 31, ((b >>> 5) & 31) + 1);
            case Sem.P_INSERTR: return insert(c, a, b & 31, ((b >>> 5) & 31) + 1);
            case Sem.P_BCLRR: return a & ~(mask(((b >>> 5) & 31) + 1) << (b & 31));
            case Sem.P_BSETR: return a | (mask(((b >>> 5) & 31) + 1) << (b & 31));
            case Sem.P_MAC: return c + a * b;
            case Sem.P_MSU: return c - a * b;
            case Sem.P_MULSN: return (((short) a) * ((short) b)) >> imm2;
            case Sem.P_MULHHSN: return ((a >> 16) * (b >> 16)) >> imm2;
            case Sem.P_MULSRN: return (((short) a) * ((short) b) + round(imm2)) >> imm2;
            case Sem.P_MULHHSRN: return ((a >> 16) * (b >> 16) + round(imm2)) >> imm2;
            case Sem.P_MULUN: return ((a & 0xffff) * (b & 0xffff)) >>> imm2;
            case Sem.P_MULHHUN: return ((a >>> 16) * (b >>> 16)) >>> imm2;
            case Sem.P_MULURN: return ((a & 0xffff) * (b & 0xffff) + round(imm2)) >>> imm2;
            case Sem.P_MULHHURN: return ((a >>> 16) * (b >>> 16) + round(imm2)) >>> imm2;
            case Sem.P_MACSN: return (((short) a) * ((short) b) + c) >> imm2;
            case Sem.P_MACHHSN: return ((a >> 16) * (b >> 16) + c) >> imm2;
            case Sem.P_MACSRN: return (((short) a) * ((short) b) + c + round(imm2)) >> imm2;
            case Sem.P_MACHHSRN: return ((a >> 16) * (b >> 16) + c + round(imm2)) >> imm2;
            case Sem.P_MACUN: return ((a & 0xffff) * (b & 0xffff) + c) >>> imm2;
            case Sem.P_MACHHUN: return ((a >>> 16) * (b >>> 16) + c) >>> imm2;
            case Sem.P_MACURN: return ((a & 0xffff) * (b & 0xffff) + c + round(imm2)) >>> imm2;
            case Sem.P_MACHHURN: return ((a >>> 16) * (b >>> 16) + c + round(imm2)) >>> imm2;
            case Sem.P_ADDN: return (a + b) >> imm2;
            case Sem.P_ADDUN: return (a + b) >>> imm2;
            case Sem.P_ADDRN: return (a + b + round(imm2)) >> imm2;
            case Sem.P_ADDURN: return (a + b + round(imm2)) >>> imm2;
            case Sem.P_SUBN: return (a - b) >> imm2;
            case Sem.P_SUBUN: return (a - b) >>> imm2;
            case Sem.P_SUBRN: return (a - b + round(imm2)) >> imm2;
            case Sem.P_SUBURN: return (a - b + round(imm2)) >>> imm2;
            // register forms: rd = (rd +/- rs1) shifted by rs2[4:0]
            case Sem.P_ADDNR: return (c + a) >> b;
            case Sem.P_ADDUNR: return (c + a) >>> b;
            case Sem.P_ADDRNR: return (c + a + round(b & 31)) >> b;
            case Sem.P_ADDURNR: return (c + a + round(b & 31)) >>> b;
            case Sem.P_SUBNR: return (c - a) >> b;
            case Sem.P_SUBUNR: return (c - a) >>> b;
            case Sem.P_SUBRNR: return (c - a + round(b & 31)) >> b;
            case Sem.P_SUBURNR: return (c - a + round(b & 31)) >>> b;
            default: throw new IllegalStateException("not a PULP ALU semantic id: " + sem);
        }
    }

    private static int clip(int v, int lo, int hi) {
        return v <= lo ? lo : (v >= hi ? hi : v);
    }

    /** All-ones mask of {@code width} bits, 1 to 32. */
    private static int mask(int width) {
        return width >= 32 ? -1 : (1 << width) - 1;
    }

    /** Arithmetic shift first: a field reaching past bit 31 is extended with rs1's sign. */
    private static int extract(int a, int pos, int width) {
        int v = a >> pos;
        int sh = 32 - width;
        return sh <= 0 ? v : (v << sh) >> sh;
    }

    private static int extractu(int a, int pos, int width) {
        return (a >>> pos) & mask(width);
    }

    private static int insert(int target, int a, int pos, int width) {
        int m = mask(width) << pos;
        return (target & ~m) | ((a << pos) & m);
    }

    /** Rounding constant 2^(shift-1); none for a zero shift. */
    private static int round(int shift) {
        return shift == 0 ? 0 : 1 << (shift - 1);
    }
}
