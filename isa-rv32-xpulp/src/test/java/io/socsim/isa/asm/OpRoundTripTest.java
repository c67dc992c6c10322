package io.socsim.isa.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.Decoder;
import io.socsim.isa.Insn;
import io.socsim.isa.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every row of the encoding table can be written as text; the word the assembler produces decodes
 * back to the same row and operand fields.
 */
class OpRoundTripTest {

    private static final int BASE = 0x80000000;
    /** Branch/loop targets are written as an absolute address 8 bytes after the instruction. */
    private static final String TARGET = String.format(Locale.ROOT, "0x%08x", BASE + 8);

    /** A text line and the fields {@link Decoder} must give back (rd, rs1, rs2, imm, imm2). */
    private record Case(Op op, String line, int rd, int rs1, int rs2, int imm, int imm2) {
    }

    static Case caseFor(Op op) {
        String m = op.mnemonic();
        switch (op.format()) {
            case R: return new Case(op, m + " a0, a1, a2", 10, 11, 12, 0, 0);
            case R2: return new Case(op, m + " a0, a1", 10, 11, 0, 0, 0);
            case I: return new Case(op, m + " a0, a1, -5", 10, 11, 0, -5, 0);
            case I_SHIFT: case R_UIMM5: return new Case(op, m + " a0, a1, 7", 10, 11, 0, 7, 0);
            case LOAD: return new Case(op, m + " a0, -8(a1)", 10, 11, 0, -8, 0);
            case STORE: return new Case(op, m + " a2, -8(a1)", 0, 11, 12, -8, 0);
            case BRANCH: return new Case(op, m + " a1, a2, " + TARGET, 0, 11, 12, 8, 0);
            case U: return new Case(op, m + " a0, 0x12345", 10, 0, 0, 0x12345, 0);
            case J: return new Case(op, m + " a0, " + TARGET, 10, 0, 0, 8, 0);
            case JALR: return new Case(op, m + " a0, 12(a1)", 10, 11, 0, 12, 0);
            case CSR: return new Case(op, m + " a0, mscratch, a1", 10, 11, 0, 0x340, 0);
            case CSRI: return new Case(op, m + " a0, mscratch, 5", 10, 0, 0, 0x340, 5);
            case FENCE: return new Case(op, m + " r, w", 0, 0, 0, 2, 1);
            case NONE: case C_NONE: return new Case(op, m, 0, 0, 0, 0, 0);
            case POST_LOAD_IMM: return new Case(op, m + " a0, -8(a1!)", 10, 11, 0, -8, 0);
            case POST_LOAD_REG: return new Case(op, m + " a0, a2(a1!)", 10, 11, 12, 0, 0);
            case LOAD_REG: return new Case(op, m + " a0, a2(a1)", 10, 11, 12, 0, 0);
            case POST_STORE_IMM: return new Case(op, m + " a2, -8(a1!)", 0, 11, 12, -8, 0);
            case POST_STORE_REG: return new Case(op, m + " a2, a3(a1!)", 13, 11, 12, 0, 0);
            case STORE_REG: return new Case(op, m + " a2, a3(a1)", 13, 11, 12, 0, 0);
            case HWLOOP_ADDR: return new Case(op, m + " x1, " + TARGET, 1, 0, 0, 8, 0);
            case HWLOOP_COUNT: return new Case(op, m + " x1, a1", 1, 11, 0, 0, 0);
            case HWLOOP_COUNTI: return new Case(op, m + " 1, 100", 1, 0, 0, 100, 0);
            case HWLOOP_SETUP: return new Case(op, m + " x0, a1, " + TARGET, 0, 11, 0, 8, 0);
            case HWLOOP_SETUPI: return new Case(op, m + " x1, 100, " + TARGET, 1, 0, 0, 100, 8);
            case BITFIELD: return new Case(op, m + " a0, a1, 7, 3", 10, 11, 0, 3, 7);
            case R_NORM: return new Case(op, m + " a0, a1, a2, 5", 10, 11, 12, 0, 5);
            case BRANCH_IMM: return new Case(op, m + " a1, -3, " + TARGET, 0, 11, 0, 8, -3);
            case SIMD_IMM6S: return new Case(op, m + " a0, a1, -7", 10, 11, 0, -7, 0);
            case SIMD_IMM6U: return new Case(op, m + " a0, a1, 45", 10, 11, 0, 45, 0);
            case SIMD_IMM5U: return new Case(op, m + " a0, a1, 17", 10, 11, 0, 17, 0);
            case SIMD_IMM1U: return new Case(op, m + " a0, a1, 1", 10, 11, 0, 1, 0);
            case SIMD_IMM2U: return new Case(op, m + " a0, a1, 3", 10, 11, 0, 3, 0);
            case C_ADDI4SPN: return new Case(op, m + " a0, sp, 16", 10, 2, 0, 16, 0);
            case C_LW: return new Case(op, m + " a0, 4(a1)", 10, 11, 0, 4, 0);
            case C_SW: return new Case(op, m + " a2, 4(a1)", 0, 11, 12, 4, 0);
            case C_ADDI: return new Case(op, m + " a0, -3", 10, 10, 0, -3, 0);
            case C_JAL: return new Case(op, m + " " + TARGET, 1, 0, 0, 8, 0);
            case C_J: return new Case(op, m + " " + TARGET, 0, 0, 0, 8, 0);
            case C_LI: return new Case(op, m + " a0, -3", 10, 0, 0, -3, 0);
            case C_ADDI16SP: return new Case(op, m + " sp, -32", 2, 2, 0, -32, 0);
            case C_LUI: return new Case(op, m + " a0, 0xfffff", 10, 0, 0, 0xfffff, 0);
            case C_SRLI: case C_SRAI: case C_SLLI: return new Case(op, m + " a0, 3", 10, 10, 0, 3, 0);
            case C_ANDI: return new Case(op, m + " a0, -2", 10, 10, 0, -2, 0);
            case C_ARITH: return new Case(op, m + " a0, a1", 10, 10, 11, 0, 0);
            case C_BRANCH: return new Case(op, m + " a0, " + TARGET, 0, 10, 0, 8, 0);
            case C_LWSP: return new Case(op, m + " a0, 8(sp)", 10, 2, 0, 8, 0);
            case C_SWSP: return new Case(op, m + " a1, 8(sp)", 0, 2, 11, 8, 0);
            case C_JR: return new Case(op, m + " a0", 0, 10, 0, 0, 0);
            case C_JALR: return new Case(op, m + " a0", 1, 10, 0, 0, 0);
            case C_MV: return new Case(op, m + " a0, a1", 10, 0, 11, 0, 0);
            case C_ADD: return new Case(op, m + " a0, a1", 10, 10, 11, 0, 0);
            default: throw new AssertionError("no case for format " + op.format());
        }
    }

    @Test
    void everyOpRowAssemblesFromTextAndDecodesToTheSameFields() {
        List<String> failures = new ArrayList<>();
        for (Op op : Op.values()) {
            Case c = caseFor(op);
            Program p;
            try {
                p = new Assembler().assemble(op.name(), c.line());
            } catch (AssemblyException e) {
                failures.add(op + ": " + e.getMessage());
                continue;
            }
            int word = op.length() == 2 ? p.halfAt(BASE) : p.wordAt(BASE);
            Insn insn = Decoder.decode(word);
            Insn expected = new Insn(op, c.rd(), c.rs1(), c.rs2(), c.imm(), c.imm2(), word);
            if (!expected.equals(insn)) {
                failures.add(op + " '" + c.line() + "': got " + insn + ", expected " + expected);
            }
            if (p.section(".text").orElseThrow().size() != op.length()) {
                failures.add(op + ": wrong length");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void pulpAliasesAssembleToTheirTargetRows() {
        String[][] pairs = {
            {"p.lw a0, 4(a1)", "lw a0, 4(a1)"},
            {"p.lbu a0, -1(a1)", "lbu a0, -1(a1)"},
            {"p.sh a0, 2(a1)", "sh a0, 2(a1)"},
            {"p.sw a0, 8(sp)", "sw a0, 8(sp)"},
            {"p.mul a0, a1, a2", "mul a0, a1, a2"},
            {"p.remu a0, a1, a2", "remu a0, a1, a2"},
            {"p.clipi a0, a1, 8", "p.clip a0, a1, 8"},
            {"p.clipui a0, a1, 8", "p.clipu a0, a1, 8"},
            {"p.extracti a0, a1, 7, 8", "p.extract a0, a1, 7, 8"},
            {"p.extractui a0, a1, 7, 8", "p.extractu a0, a1, 7, 8"},
            {"p.inserti a0, a1, 7, 8", "p.insert a0, a1, 7, 8"},
            {"p.bseti a0, a1, 0, 3", "p.bset a0, a1, 0, 3"},
            {"p.bclri a0, a1, 0, 3", "p.bclr a0, a1, 0, 3"},
            {"p.addni a0, a1, a2, 3", "p.addn a0, a1, a2, 3"},
            {"p.suburni a0, a1, a2, 3", "p.suburn a0, a1, a2, 3"},
            {"p.muls a0, a1, a2", "p.mulsn a0, a1, a2, 0"},
            {"p.mulhhu a0, a1, a2", "p.mulhhun a0, a1, a2, 0"},
            {"p.macs a0, a1, a2", "p.macsn a0, a1, a2, 0"},
            {"p.machhu a0, a1, a2", "p.machhun a0, a1, a2, 0"},
        };
        for (String[] pair : pairs) {
            assertThat(word(pair[0])).as(pair[0]).isEqualTo(word(pair[1]));
        }
    }

    @Test
    void postIncrementAndRegisterOffsetSyntaxSelectsTheRow() {
        assertThat(Decoder.decode(word("p.lw a0, 4(a1!)")).op()).isEqualTo(Op.P_LW_IPOST);
        assertThat(Decoder.decode(word("p.lw a0, a2(a1!)")).op()).isEqualTo(Op.P_LW_RPOST);
        assertThat(Decoder.decode(word("p.lw a0, a2(a1)")).op()).isEqualTo(Op.P_LW_RR);
        assertThat(Decoder.decode(word("p.lw a0, 4(a1)")).op()).isEqualTo(Op.LW);
        Insn st = Decoder.decode(word("p.sw a0, a3(a1!)"));
        assertThat(st.op()).isEqualTo(Op.P_SW_RPOST);
        assertThat(new int[] {st.rs2(), st.rd(), st.rs1()}).containsExactly(10, 13, 11);
        assertThat(Decoder.decode(word("p.sb a0, -1(a1!)")).op()).isEqualTo(Op.P_SB_IPOST);
        assertThat(Decoder.decode(word("p.elw a0, 4(a1)")).op()).isEqualTo(Op.P_ELW);
    }

    @Test
    void simdScalarImmediateVariantsAreSeparateMnemonics() {
        Insn sci = Decoder.decode(word("pv.add.sci.h a0, a1, -3"));
        assertThat(sci.op()).isEqualTo(Op.PV_ADD_SCI_H);
        assertThat(sci.imm()).isEqualTo(-3);
        assertThat(Decoder.decode(word("pv.add.sc.b a0, a1, a2")).op()).isEqualTo(Op.PV_ADD_SC_B);
        assertThat(Decoder.decode(word("pv.sdotsp.b a0, a1, a2")).op()).isEqualTo(Op.PV_SDOTSP_B);
    }

    static int word(String line) {
        return new Assembler().assemble(line).wordAt(BASE);
    }
}
