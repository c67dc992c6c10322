package io.socsim.isa;

/**
 * Operand formats: where each operand lives in the instruction bits, in both directions.
 * This is the single place that knows bit placement; the decoder, the assembler, the builder
 * and the disassembler all go through it.
 *
 * <p>Field conventions of {@link Insn} per format (binutils operand letters in brackets):
 * <ul>
 * <li>{@code R} [d,s,t], {@code R2} [d,s], {@code I} [d,s,j], {@code I_SHIFT} [d,s,&gt;],
 *     {@code LOAD} [d,o(s)], {@code STORE} [t,q(s)] (data in rs2), {@code BRANCH} [s,t,p],
 *     {@code U} [d,u] (imm = the 20-bit upper value), {@code J} [d,a], {@code JALR} [d,o(s)],
 *     {@code CSR} [d,E,s] (imm = CSR number), {@code CSRI} [d,E,Z] (imm = CSR, imm2 = uimm5),
 *     {@code FENCE} (imm = predecessor set, imm2 = successor set), {@code NONE}.</li>
 * <li>Xpulp: post-increment and register-register loads and stores; for register-offset stores
 *     the offset register rs3 sits in the rd field and is returned in {@code rd}.
 *     Hardware loops: {@code rd} = loop index L (0 or 1); start/end/setup offsets are in bytes
 *     relative to the instruction; {@code HWLOOP_SETUPI}: imm = count, imm2 = end offset.
 *     {@code R_UIMM5} (clip): imm = uimm5. {@code BITFIELD}: imm = Is2 (bits 24:20),
 *     imm2 = Is3 (bits 29:25). {@code R_NORM}: imm2 = Is3. {@code BRANCH_IMM}: imm = offset,
 *     imm2 = simm5 compared value. {@code SIMD_IMM*}: imm = the 6-bit immediate, cut to the
 *     operand width for {@code SIMD_IMM5U/1U/2U}.</li>
 * <li>Don't-care bits that {@link #encode} writes as zero: bits 11:8 of the hardware-loop
 *     index field (only bit 7 selects the loop) and the Imm6 bits above a narrow SIMD
 *     immediate. Every other bit outside a row's mask is an operand bit.</li>
 * <li>Compressed formats decode to the expanded operands, so execution needs no special case.</li>
 * </ul>
 */
public enum Format {
    R, R2, I, I_SHIFT, LOAD, STORE, BRANCH, U, J, JALR, CSR, CSRI, FENCE, NONE,
    POST_LOAD_IMM, POST_LOAD_REG, LOAD_REG, POST_STORE_IMM, POST_STORE_REG, STORE_REG,
    HWLOOP_ADDR, HWLOOP_COUNT, HWLOOP_COUNTI, HWLOOP_SETUP, HWLOOP_SETUPI,
    R_UIMM5, BITFIELD, R_NORM, BRANCH_IMM,
    SIMD_IMM6S, SIMD_IMM6U, SIMD_IMM5U, SIMD_IMM1U, SIMD_IMM2U,
    C_ADDI4SPN, C_LW, C_SW, C_NONE, C_ADDI, C_JAL, C_J, C_LI, C_ADDI16SP, C_LUI,
    C_SRLI, C_SRAI, C_ANDI, C_ARITH, C_BRANCH, C_SLLI, C_LWSP, C_SWSP, C_JR, C_JALR, C_MV, C_ADD;

    /** True for the 16-bit formats. */
    public boolean compressed() {
        return ordinal() >= C_ADDI4SPN.ordinal();
    }

    // ---------------------------------------------------------------- decoding

    /** Extracts the operands of {@code word} (already matched against {@code op}). */
    public Insn decode(Op op, int w) {
        int rd = (w >>> 7) & 31, rs1 = (w >>> 15) & 31, rs2 = (w >>> 20) & 31;
        switch (this) {
            case R: case LOAD_REG: case POST_LOAD_REG: return new Insn(op, rd, rs1, rs2, 0, 0, w);
            case R2: return new Insn(op, rd, rs1, 0, 0, 0, w);
            case I: case LOAD: case JALR: case POST_LOAD_IMM: return new Insn(op, rd, rs1, 0, immI(w), 0, w);
            case I_SHIFT: case R_UIMM5: return new Insn(op, rd, rs1, 0, rs2, 0, w);
            case STORE: case POST_STORE_IMM: return new Insn(op, 0, rs1, rs2, immS(w), 0, w);
            case STORE_REG: case POST_STORE_REG: return new Insn(op, rd, rs1, rs2, 0, 0, w);
            case BRANCH: return new Insn(op, 0, rs1, rs2, immB(w), 0, w);
            case U: return new Insn(op, rd, 0, 0, w >>> 12, 0, w);
            case J: return new Insn(op, rd, 0, 0, immJ(w), 0, w);
            case CSR: return new Insn(op, rd, rs1, 0, w >>> 20, 0, w);
            case CSRI: return new Insn(op, rd, 0, 0, w >>> 20, rs1, w);
            case FENCE: return new Insn(op, 0, 0, 0, (w >>> 24) & 15, (w >>> 20) & 15, w);
            case NONE: return new Insn(op, 0, 0, 0, 0, 0, w);
            case HWLOOP_ADDR: return new Insn(op, rd & 1, 0, 0, (w >>> 20) << 1, 0, w);
            case HWLOOP_COUNT: return new Insn(op, rd & 1, rs1, 0, 0, 0, w);
            case HWLOOP_COUNTI: return new Insn(op, rd & 1, 0, 0, w >>> 20, 0, w);
            case HWLOOP_SETUP: return new Insn(op, rd & 1, rs1, 0, (w >>> 20) << 1, 0, w);
            case HWLOOP_SETUPI: return new Insn(op, rd & 1, 0, 0, w >>> 20, rs1 << 1, w);
            case BITFIELD: return new Insn(op, rd, rs1, 0, rs2, (w >>> 25) & 31, w);
            case R_NORM: return new Insn(op, rd, rs1, rs2, 0, (w >>> 25) & 31, w);
            case BRANCH_IMM: return new Insn(op, 0, rs1, 0, immB(w), (rs2 << 27) >> 27, w);
            case SIMD_IMM6S: return new Insn(op, rd, rs1, 0, (imm6(w) << 26) >> 26, 0, w);
            case SIMD_IMM6U: return new Insn(op, rd, rs1, 0, imm6(w), 0, w);
            // Narrower immediates use only the low Imm6 bits; the rest are don't-care (binutils
            // never sets them), so they are dropped here and encode() writes them as zero.
            case SIMD_IMM5U: return new Insn(op, rd, rs1, 0, imm6(w) & 31, 0, w);
            case SIMD_IMM1U: return new Insn(op, rd, rs1, 0, imm6(w) & 1, 0, w);
            case SIMD_IMM2U: return new Insn(op, rd, rs1, 0, imm6(w) & 3, 0, w);
            default: return decodeCompressed(op, w & 0xffff);
        }
    }

    private Insn decodeCompressed(Op op, int h) {
        int rdFull = (h >>> 7) & 31, rs2Full = (h >>> 2) & 31;
        int rdP = 8 + ((h >>> 2) & 7), rs1P = 8 + ((h >>> 7) & 7);
        switch (this) {
            case C_ADDI4SPN: {
                int imm = (bits(h, 12, 11) << 4) | (bits(h, 10, 7) << 6) | (bit(h, 6) << 2) | (bit(h, 5) << 3);
                return new Insn(op, rdP, 2, 0, imm, 0, h);
            }
            case C_LW: return new Insn(op, rdP, rs1P, 0, clwImm(h), 0, h);
            case C_SW: return new Insn(op, 0, rs1P, rdP, clwImm(h), 0, h);
            case C_NONE: return new Insn(op, 0, 0, 0, 0, 0, h);
            case C_ADDI: return new Insn(op, rdFull, rdFull, 0, cImm6(h), 0, h);
            case C_JAL: return new Insn(op, 1, 0, 0, cjImm(h), 0, h);
            case C_J: return new Insn(op, 0, 0, 0, cjImm(h), 0, h);
            case C_LI: return new Insn(op, rdFull, 0, 0, cImm6(h), 0, h);
            case C_ADDI16SP: {
                int imm = (bit(h, 12) << 9) | (bit(h, 6) << 4) | (bit(h, 5) << 6) | (bits(h, 4, 3) << 7) | (bit(h, 2) << 5);
                return new Insn(op, 2, 2, 0, (imm << 22) >> 22, 0, h);
            }
            case C_LUI: return new Insn(op, rdFull, 0, 0, cImm6(h) & 0xfffff, 0, h);
            case C_SRLI: case C_SRAI: return new Insn(op, rs1P, rs1P, 0, (bit(h, 12) << 5) | bits(h, 6, 2), 0, h);
            case C_ANDI: return new Insn(op, rs1P, rs1P, 0, cImm6(h), 0, h);
            case C_ARITH: return new Insn(op, rs1P, rs1P, rdP, 0, 0, h);
            case C_BRANCH: {
                int imm = (bit(h, 12) << 8) | (bits(h, 11, 10) << 3) | (bits(h, 6, 5) << 6) | (bits(h, 4, 3) << 1) | (bit(h, 2) << 5);
                return new Insn(op, 0, rs1P, 0, (imm << 23) >> 23, 0, h);
            }
            case C_SLLI: return new Insn(op, rdFull, rdFull, 0, (bit(h, 12) << 5) | bits(h, 6, 2), 0, h);
            case C_LWSP: {
                int imm = (bit(h, 12) << 5) | (bits(h, 6, 4) << 2) | (bits(h, 3, 2) << 6);
                return new Insn(op, rdFull, 2, 0, imm, 0, h);
            }
            case C_SWSP: return new Insn(op, 0, 2, rs2Full, (bits(h, 12, 9) << 2) | (bits(h, 8, 7) << 6), 0, h);
            case C_JR: return new Insn(op, 0, rdFull, 0, 0, 0, h);
            case C_JALR: return new Insn(op, 1, rdFull, 0, 0, 0, h);
            case C_MV: return new Insn(op, rdFull, 0, rs2Full, 0, 0, h);
            case C_ADD: return new Insn(op, rdFull, rdFull, rs2Full, 0, 0, h);
            default: throw new IllegalStateException("not a compressed format: " + this);
        }
    }

    // ---------------------------------------------------------------- encoding

    /**
     * Encodes the operands into {@code op}'s bits. Operands are given in the same meaning as
     * {@link Insn}'s fields.
     *
     * @throws IllegalArgumentException naming the operand that is out of range
     */
    public int encode(Op op, int rd, int rs1, int rs2, int imm, int imm2) {
        int m = op.match();
        switch (this) {
            case R: case LOAD_REG: case POST_LOAD_REG: return m | rd(rd) | rs1(rs1) | rs2(rs2);
            case R2: return m | rd(rd) | rs1(rs1);
            case I: case LOAD: case JALR: case POST_LOAD_IMM:
                return m | rd(rd) | rs1(rs1) | (signed(imm, 12, "immediate") << 20);
            case I_SHIFT: case R_UIMM5: return m | rd(rd) | rs1(rs1) | (unsigned(imm, 5, "immediate") << 20);
            case STORE: case POST_STORE_IMM: {
                int v = signed(imm, 12, "offset");
                return m | rs1(rs1) | rs2(rs2) | ((v >>> 5) << 25) | ((v & 31) << 7);
            }
            case STORE_REG: case POST_STORE_REG: return m | rd(rd) | rs1(rs1) | rs2(rs2);
            case BRANCH: return m | rs1(rs1) | rs2(rs2) | bImm(imm);
            case U: return m | rd(rd) | (unsigned(imm, 20, "immediate") << 12);
            case J: return m | rd(rd) | jImm(imm);
            case CSR: return m | rd(rd) | rs1(rs1) | (unsigned(imm, 12, "CSR number") << 20);
            case CSRI: return m | rd(rd) | (unsigned(imm2, 5, "immediate") << 15) | (unsigned(imm, 12, "CSR number") << 20);
            case FENCE: return m | (unsigned(imm, 4, "predecessor set") << 24) | (unsigned(imm2, 4, "successor set") << 20);
            case NONE: return m;
            case HWLOOP_ADDR: return m | loop(rd) | (halves(imm, 12, "loop offset") << 20);
            case HWLOOP_COUNT: return m | loop(rd) | rs1(rs1);
            case HWLOOP_COUNTI: return m | loop(rd) | (unsigned(imm, 12, "loop count") << 20);
            case HWLOOP_SETUP: return m | loop(rd) | rs1(rs1) | (halves(imm, 12, "loop end offset") << 20);
            case HWLOOP_SETUPI:
                return m | loop(rd) | (unsigned(imm, 12, "loop count") << 20) | (halves(imm2, 5, "loop end offset") << 15);
            case BITFIELD: return m | rd(rd) | rs1(rs1) | (unsigned(imm, 5, "bit position") << 20) | (unsigned(imm2, 5, "width") << 25);
            case R_NORM: return m | rd(rd) | rs1(rs1) | rs2(rs2) | (unsigned(imm2, 5, "shift") << 25);
            case BRANCH_IMM: return m | rs1(rs1) | ((signed(imm2, 5, "compared immediate") & 31) << 20) | bImm(imm);
            case SIMD_IMM6S: return m | rd(rd) | rs1(rs1) | imm6Bits(signed(imm, 6, "immediate"));
            case SIMD_IMM6U: return m | rd(rd) | rs1(rs1) | imm6Bits(unsigned(imm, 6, "immediate"));
            case SIMD_IMM5U: return m | rd(rd) | rs1(rs1) | imm6Bits(unsigned(imm, 5, "immediate"));
            case SIMD_IMM1U: return m | rd(rd) | rs1(rs1) | imm6Bits(unsigned(imm, 1, "lane"));
            case SIMD_IMM2U: return m | rd(rd) | rs1(rs1) | imm6Bits(unsigned(imm, 2, "lane"));
            default: return encodeCompressed(op, rd, rs1, rs2, imm);
        }
    }

    private int encodeCompressed(Op op, int rd, int rs1, int rs2, int imm) {
        int m = op.match();
        switch (this) {
            case C_ADDI4SPN: {
                need(rs1 == 2, "c.addi4spn takes sp as source");
                int v = scaled(imm, 10, 2, "immediate"); // nzuimm[9:2]: a multiple of 4 below 1024
                need(v != 0, "c.addi4spn immediate must not be zero");
                return m | (rdP(rd) << 2) | (field(v, 5, 4) << 11) | (field(v, 9, 6) << 7) | (field(v, 2, 2) << 6) | (field(v, 3, 3) << 5);
            }
            case C_LW: return m | (rdP(rd) << 2) | (rdP(rs1) << 7) | clwBits(imm);
            case C_SW: return m | (rdP(rs2) << 2) | (rdP(rs1) << 7) | clwBits(imm);
            case C_NONE: return m;
            case C_ADDI: need(rd == rs1, "c.addi needs rd == rs1"); return m | (reg(rd) << 7) | cImm6Bits(signed(imm, 6, "immediate"));
            case C_JAL: case C_J: return m | cjBits(imm);
            case C_LI: return m | (reg(rd) << 7) | cImm6Bits(signed(imm, 6, "immediate"));
            case C_ADDI16SP: {
                int v = signed(imm, 10, "immediate");
                need((v & 15) == 0 && v != 0, "c.addi16sp immediate must be a non-zero multiple of 16");
                return m | (field(v, 9, 9) << 12) | (field(v, 4, 4) << 6) | (field(v, 6, 6) << 5) | (field(v, 8, 7) << 3) | (field(v, 5, 5) << 2);
            }
            case C_LUI: {
                int v = (imm << 12) >> 12; // the 20-bit value as a signed number
                need(v >= -32 && v <= 31 && v != 0, "c.lui immediate must be a non-zero 6-bit signed value");
                return m | (reg(rd) << 7) | cImm6Bits(v);
            }
            case C_SRLI: case C_SRAI: case C_SLLI: {
                int v = unsigned(imm, 5, "shift amount");
                int r = this == C_SLLI ? reg(rd) << 7 : rdP(rd) << 7;
                return m | r | (v << 2);
            }
            case C_ANDI: return m | (rdP(rd) << 7) | cImm6Bits(signed(imm, 6, "immediate"));
            case C_ARITH: return m | (rdP(rd) << 7) | (rdP(rs2) << 2);
            case C_BRANCH: {
                int v = signed(imm, 9, "branch offset");
                need((v & 1) == 0, "branch offset must be even");
                return m | (rdP(rs1) << 7) | (field(v, 8, 8) << 12) | (field(v, 4, 3) << 10) | (field(v, 7, 6) << 5) | (field(v, 2, 1) << 3) | (field(v, 5, 5) << 2);
            }
            case C_LWSP: {
                int v = scaled(imm, 8, 2, "offset");
                return m | (reg(rd) << 7) | (field(v, 5, 5) << 12) | (field(v, 4, 2) << 4) | (field(v, 7, 6) << 2);
            }
            case C_SWSP: {
                int v = scaled(imm, 8, 2, "offset");
                return m | (reg(rs2) << 2) | (field(v, 5, 2) << 9) | (field(v, 7, 6) << 7);
            }
            case C_JR: case C_JALR: return m | (reg(rs1) << 7);
            case C_MV: case C_ADD: return m | (reg(rd) << 7) | (reg(rs2) << 2);
            default: throw new IllegalStateException("unhandled format " + this);
        }
    }

    // ---------------------------------------------------------------- bit helpers

    static int bit(int w, int i) {
        return (w >>> i) & 1;
    }

    static int bits(int w, int hi, int lo) {
        return (w >>> lo) & ((1 << (hi - lo + 1)) - 1);
    }

    private static int field(int v, int hi, int lo) {
        return bits(v, hi, lo);
    }

    static int immI(int w) {
        return w >> 20;
    }

    static int immS(int w) {
        return ((w >> 25) << 5) | ((w >>> 7) & 31);
    }

    static int immB(int w) {
        return ((w >> 31) << 12) | (bit(w, 7) << 11) | (bits(w, 30, 25) << 5) | (bits(w, 11, 8) << 1);
    }

    static int immJ(int w) {
        return ((w >> 31) << 20) | (bits(w, 19, 12) << 12) | (bit(w, 20) << 11) | (bits(w, 30, 21) << 1);
    }

    private static int imm6(int w) {
        return (bits(w, 24, 20) << 1) | bit(w, 25);
    }

    private static int imm6Bits(int v) {
        return ((v >>> 1) & 31) << 20 | (v & 1) << 25;
    }

    private static int cImm6(int h) {
        return ((bit(h, 12) << 5 | bits(h, 6, 2)) << 26) >> 26;
    }

    private static int cImm6Bits(int v) {
        return (field(v, 5, 5) << 12) | (field(v, 4, 0) << 2);
    }

    private static int clwImm(int h) {
        return (bits(h, 12, 10) << 3) | (bit(h, 6) << 2) | (bit(h, 5) << 6);
    }

    private static int clwBits(int imm) {
        int v = scaled(imm, 7, 2, "offset");
        return (field(v, 5, 3) << 10) | (field(v, 2, 2) << 6) | (field(v, 6, 6) << 5);
    }

    private static int cjImm(int h) {
        int v = (bit(h, 12) << 11) | (bit(h, 11) << 4) | (bits(h, 10, 9) << 8) | (bit(h, 8) << 10) | (bit(h, 7) << 6)
                | (bit(h, 6) << 7) | (bits(h, 5, 3) << 1) | (bit(h, 2) << 5);
        return (v << 20) >> 20;
    }

    private static int cjBits(int imm) {
        int v = signed(imm, 12, "jump offset");
        need((v & 1) == 0, "jump offset must be even");
        return (field(v, 11, 11) << 12) | (field(v, 4, 4) << 11) | (field(v, 9, 8) << 9) | (field(v, 10, 10) << 8)
                | (field(v, 6, 6) << 7) | (field(v, 7, 7) << 6) | (field(v, 3, 1) << 3) | (field(v, 5, 5) << 2);
    }

    private static int bImm(int imm) {
        int v = signed(imm, 13, "branch offset");
        need((v & 1) == 0, "branch offset must be even");
        return (field(v, 12, 12) << 31) | (field(v, 10, 5) << 25) | (field(v, 4, 1) << 8) | (field(v, 11, 11) << 7);
    }

    private static int jImm(int imm) {
        int v = signed(imm, 21, "jump offset");
        need((v & 1) == 0, "jump offset must be even");
        return (field(v, 20, 20) << 31) | (field(v, 10, 1) << 21) | (field(v, 11, 11) << 20) | (field(v, 19, 12) << 12);
    }

    private static int reg(int r) {
        need(r >= 0 && r < 32, "register x" + r + " does not exist");
        return r;
    }

    private static int rd(int r) {
        return reg(r) << 7;
    }

    private static int rs1(int r) {
        return reg(r) << 15;
    }

    private static int rs2(int r) {
        return reg(r) << 20;
    }

    private static int rdP(int r) {
        need(r >= 8 && r <= 15, "compressed instructions only reach registers x8-x15 (s0-s1, a0-a5) here, not x" + r);
        return r - 8;
    }

    private static int loop(int l) {
        need(l == 0 || l == 1, "hardware loop index must be 0 or 1, not " + l);
        return l << 7;
    }

    private static int signed(int v, int width, String what) {
        int min = -(1 << (width - 1)), max = (1 << (width - 1)) - 1;
        need(v >= min && v <= max, what + " " + v + " does not fit in " + width + " signed bits [" + min + ", " + max + "]");
        return v & ((1 << width) - 1);
    }

    private static int unsigned(int v, int width, String what) {
        need(v >= 0 && (width == 32 || v < (1 << width)), what + " " + v + " does not fit in " + width + " unsigned bits [0, " + ((1L << width) - 1) + "]");
        return v;
    }

    /** An unsigned byte offset stored in half-word units. */
    private static int halves(int v, int width, String what) {
        need((v & 1) == 0, what + " " + v + " must be even");
        return unsigned(v >> 1, width, what + " (in half-words)");
    }

    /** An unsigned offset that must be a multiple of 2^shift and fit below 2^width. */
    private static int scaled(int v, int width, int shift, String what) {
        need((v & ((1 << shift) - 1)) == 0, what + " " + v + " must be a multiple of " + (1 << shift));
        return unsigned(v, width, what);
    }

    private static void need(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
