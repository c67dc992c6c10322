package io.socsim.isa;

/**
 * Prints decoded instructions in GNU objdump {@code -M no-aliases} syntax with ABI register
 * names: the mnemonic, a tab, then the operands separated by commas without spaces. Branch and
 * jump targets, hardware-loop addresses included, are printed as absolute {@code 0x...}
 * addresses. Xpulp instructions use the PULP binutils operand order. The full grammar and the
 * differences from objdump are in {@code docs/assembly-syntax.md}; the assembler parses exactly
 * this output.
 */
public final class Disassembler {

    private static final String[] ABI = {
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    };

    private Disassembler() {
    }

    /** The ABI name of register {@code x<r>}. */
    public static String register(int r) {
        return ABI[r];
    }

    /**
     * Disassembles one word: a compressed instruction when its low two bits are not {@code 11}
     * (then only the low 16 bits are used). An illegal encoding prints like objdump prints data,
     * {@code .2byte\t0x...} or {@code .4byte\t0x...} (minimal lower-case hex).
     */
    public static String disassemble(int word, int pc) {
        Insn insn = Decoder.decode(word);
        if (insn != null) {
            return format(insn, pc);
        }
        return Decoder.length(word) == 2
                ? ".2byte\t" + hex(word & 0xffff)
                : ".4byte\t" + hex(word);
    }

    /** Formats a decoded instruction located at address {@code pc}. */
    public static String format(Insn insn, int pc) {
        String operands = operands(insn, pc);
        String mnemonic = insn.op().mnemonic();
        return operands.isEmpty() ? mnemonic : mnemonic + '\t' + operands;
    }

    private static String operands(Insn i, int pc) {
        String rd = ABI[i.rd()], rs1 = ABI[i.rs1()], rs2 = ABI[i.rs2()];
        int imm = i.imm(), imm2 = i.imm2();
        switch (i.op().format()) {
            case R: return join(rd, rs1, rs2);
            case R2: return join(rd, rs1);
            case I: return join(rd, rs1, dec(imm));
            case I_SHIFT: return join(rd, rs1, hex(imm));
            case LOAD: case JALR: return rd + ',' + mem(imm, rs1);
            case STORE: return rs2 + ',' + mem(imm, rs1);
            case BRANCH: return join(rs1, rs2, target(pc, imm));
            case U: return join(rd, hex(imm));
            case J: return join(rd, target(pc, imm));
            case CSR: return join(rd, csr(imm), rs1);
            case CSRI: return join(rd, csr(imm), dec(imm2));
            case FENCE: return fenceSet(imm) + ',' + fenceSet(imm2);
            case NONE: case C_NONE: return "";
            // ---- Xpulp
            case POST_LOAD_IMM: return rd + ',' + dec(imm) + '(' + rs1 + "!)";
            case POST_LOAD_REG: return rd + ',' + rs2 + '(' + rs1 + "!)";
            case LOAD_REG: return rd + ',' + rs2 + '(' + rs1 + ')';
            case POST_STORE_IMM: return rs2 + ',' + dec(imm) + '(' + rs1 + "!)";
            case POST_STORE_REG: return rs2 + ',' + rd + '(' + rs1 + "!)";
            case STORE_REG: return rs2 + ',' + rd + '(' + rs1 + ')';
            case HWLOOP_ADDR: return join(loop(i), target(pc, imm));
            case HWLOOP_COUNT: return join(loop(i), rs1);
            case HWLOOP_COUNTI: return join(loop(i), dec(imm));
            case HWLOOP_SETUP: return join(loop(i), rs1, target(pc, imm));
            case HWLOOP_SETUPI: return join(loop(i), dec(imm), target(pc, imm2));
            case R_UIMM5: return join(rd, rs1, dec(imm));
            case BITFIELD: return join(rd, rs1, dec(imm2), dec(imm));
            case R_NORM: return join(rd, rs1, rs2, dec(imm2));
            case BRANCH_IMM: return join(rs1, dec(imm2), target(pc, imm));
            case SIMD_IMM6S: case SIMD_IMM6U: case SIMD_IMM5U: case SIMD_IMM1U: case SIMD_IMM2U:
                return join(rd, rs1, dec(imm));
            // ---- C: operands as written in the compressed form, not the expansion
            case C_ADDI4SPN: return join(rd, rs1, dec(imm));
            case C_LW: case C_LWSP: return rd + ',' + mem(imm, rs1);
            case C_SW: case C_SWSP: return rs2 + ',' + mem(imm, rs1);
            case C_ADDI: case C_LI: case C_ANDI: case C_ADDI16SP: return join(rd, dec(imm));
            case C_JAL: case C_J: return target(pc, imm);
            case C_LUI: return join(rd, hex(imm));
            case C_SRLI: case C_SRAI: case C_SLLI: return join(rd, hex(imm));
            case C_ARITH: case C_MV: case C_ADD: return join(rd, rs2);
            case C_BRANCH: return join(rs1, target(pc, imm));
            case C_JR: case C_JALR: return rs1;
            default: throw new IllegalStateException("no syntax for format " + i.op().format());
        }
    }

    private static String join(String a, String b) {
        return a + ',' + b;
    }

    private static String join(String a, String b, String c) {
        return a + ',' + b + ',' + c;
    }

    private static String join(String a, String b, String c, String d) {
        return a + ',' + b + ',' + c + ',' + d;
    }

    private static String mem(int offset, String base) {
        return dec(offset) + '(' + base + ')';
    }

    /** Hardware-loop index: printed as x0/x1 (binutils operand "di"), not as an ABI name. */
    private static String loop(Insn i) {
        return "x" + i.rd();
    }

    private static String target(int pc, int offset) {
        return hex(pc + offset);
    }

    private static String csr(int number) {
        String name = Csr.name(number);
        return name != null ? name : hex(number);
    }

    /** Fence ordering set: letters i, o, r, w in that order; the empty set prints as {@code 0}. */
    private static String fenceSet(int set) {
        if (set == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder(4);
        if ((set & 8) != 0) {
            sb.append('i');
        }
        if ((set & 4) != 0) {
            sb.append('o');
        }
        if ((set & 2) != 0) {
            sb.append('r');
        }
        if ((set & 1) != 0) {
            sb.append('w');
        }
        return sb.toString();
    }

    /** Decimal; Integer.toString does not depend on the default locale. */
    private static String dec(int v) {
        return Integer.toString(v);
    }

    /** Unsigned lower-case hex with a 0x prefix and no padding, as objdump prints it. */
    static String hex(int v) {
        return "0x" + Integer.toHexString(v);
    }
}
