package io.socsim.isa.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.Decoder;
import io.socsim.isa.Insn;
import io.socsim.isa.Op;
import org.junit.jupiter.api.Test;

class DirectivesAndLabelsTest {

    private static final int T = 0x80000000;

    private static Program asm(String src) {
        return new Assembler().assemble("t.s", src);
    }

    private static Insn insnAt(Program p, int addr) {
        return Decoder.decode(p.wordAt(addr));
    }

    @Test
    void dataDirectivesEmitLittleEndianValues() {
        Program p = asm("""
                .data
                w: .word 0x11223344, -1
                h: .half 0xbeef, -2
                b: .byte 1, 0xff, -128, 'A'
                """);
        int d = p.address("w");
        assertThat(p.wordAt(d)).isEqualTo(0x11223344);
        assertThat(p.wordAt(d + 4)).isEqualTo(-1);
        assertThat(p.halfAt(d + 8)).isEqualTo(0xbeef);
        assertThat(p.halfAt(d + 10)).isEqualTo(0xfffe);
        assertThat(p.address("b")).isEqualTo(d + 12);
        assertThat(new int[] {p.byteAt(d + 12), p.byteAt(d + 13), p.byteAt(d + 14), p.byteAt(d + 15)})
                .containsExactly(1, 0xff, 0x80, 'A');
    }

    @Test
    void stringDirectivesHandleEscapesAndTermination() {
        Program p = asm("""
                .data
                s: .string "a\\n\\"#"
                z: .asciz "x"
                r: .ascii "yz"
                e: .byte 7
                """);
        int s = p.address("s");
        assertThat(new int[] {p.byteAt(s), p.byteAt(s + 1), p.byteAt(s + 2), p.byteAt(s + 3), p.byteAt(s + 4)})
                .containsExactly('a', '\n', '"', '#', 0);
        assertThat(p.address("z")).isEqualTo(s + 5);
        assertThat(p.address("r")).isEqualTo(s + 7);
        assertThat(p.address("e")).isEqualTo(s + 9);
    }

    @Test
    void spaceZeroAlignAndBalignPad() {
        Program p = asm("""
                .data
                a: .byte 1
                .align 2
                b: .byte 2
                .balign 8
                c: .space 3, 0xaa
                d: .zero 2
                .p2align 4
                e: .word 5
                """);
        int a = p.address("a");
        assertThat(p.address("b")).isEqualTo(a + 4);
        assertThat(p.address("c")).isEqualTo(a + 8);
        assertThat(p.byteAt(a + 8)).isEqualTo(0xaa);
        assertThat(p.address("d")).isEqualTo(a + 11);
        assertThat(p.byteAt(a + 11)).isZero();
        assertThat(p.address("e")).isEqualTo(a + 16);
    }

    @Test
    void alignInTextPadsWithNops() {
        Program p = asm("""
                c.nop
                .align 3
                x: addi a0, a0, 1
                """);
        assertThat(p.address("x")).isEqualTo(T + 8);
        assertThat(p.halfAt(T + 2)).isEqualTo(0x0001);
        assertThat(p.wordAt(T + 4)).isEqualTo(0x00000013);
    }

    @Test
    void sectionsAreLaidOutTextDataBssWithSixteenByteAlignment() {
        Program p = asm("""
                .text
                _start: nop
                .data
                d: .word 1
                .bss
                buf: .space 64
                .section .rodata
                ro: .word 2
                .section .text.startup
                nop
                """);
        Program.Section text = p.section(".text").orElseThrow();
        assertThat(text.base()).isEqualTo(T);
        assertThat(text.size()).isEqualTo(8);
        assertThat(p.address("d")).isEqualTo(T + 16);
        assertThat(p.address("ro")).isEqualTo(T + 20); // .rodata merges into .data
        assertThat(p.address("buf")).isEqualTo(T + 32);
        Program.Section bss = p.section(".bss").orElseThrow();
        assertThat(bss.size()).isEqualTo(64);
        assertThat(bss.bytes()).containsOnly(0);
        assertThat(p.sections()).extracting(Program.Section::name).containsExactly(".text", ".data", ".bss");
    }

    @Test
    void dataBaseAndTextBaseAreConfigurable() {
        Program p = new Assembler().textBase(0x1c008000).dataBase(0x10000000).assemble("""
                nop
                .data
                d: .word 1
                """);
        assertThat(p.section(".text").orElseThrow().base()).isEqualTo(0x1c008000);
        assertThat(p.address("d")).isEqualTo(0x10000000);
        assertThat(p.entry()).isEqualTo(0x1c008000);
    }

    @Test
    void entryIsStartSymbolWhenDefined() {
        Program p = asm("""
                nop
                nop
                _start: nop
                """);
        assertThat(p.entry()).isEqualTo(T + 8);
    }

    @Test
    void globlEquAndSetFeedTheSymbolTable() {
        Program p = asm("""
                .globl main
                .equ N, 10
                .set M, N * 2 + 1
                K = M - 1
                main: li a0, M
                addi a1, a1, K
                """);
        assertThat(p.symbols().get("main").global()).isTrue();
        assertThat(p.symbols().get("N").global()).isFalse();
        assertThat(p.address("M")).isEqualTo(21);
        assertThat(insnAt(p, T).imm()).isEqualTo(21);
        assertThat(insnAt(p, T + 4).imm()).isEqualTo(20);
    }

    @Test
    void commentsSemicolonsAndSeveralLabelsPerLine() {
        Program p = asm("""
                a: b: addi a0, a0, 1  # comment
                c: addi a0, a0, 2 // another ; not a statement
                addi a0, a0, 3; addi a0, a0, 4
                .option rvc
                .option norvc
                """);
        assertThat(p.address("a")).isEqualTo(T);
        assertThat(p.address("b")).isEqualTo(T);
        assertThat(p.address("c")).isEqualTo(T + 4);
        assertThat(p.section(".text").orElseThrow().size()).isEqualTo(16);
        assertThat(insnAt(p, T + 12).imm()).isEqualTo(4);
    }

    @Test
    void labelArithmeticAndDifferences() {
        Program p = asm("""
                start: nop
                mid: nop
                end:
                .data
                tbl: .word start, mid + 4, end - start, tbl
                li a0, end - start
                """);
        int d = p.address("tbl");
        assertThat(p.wordAt(d)).isEqualTo(T);
        assertThat(p.wordAt(d + 4)).isEqualTo(T + 8);
        assertThat(p.wordAt(d + 8)).isEqualTo(8);
        assertThat(p.wordAt(d + 12)).isEqualTo(d);
    }

    @Test
    void forwardReferencesBranchesAndCurrentLocation() {
        Program p = asm("""
                beq a0, a1, later + 4
                j .
                later: nop
                nop
                """);
        assertThat(insnAt(p, T).imm()).isEqualTo(12);
        assertThat(insnAt(p, T + 4).imm()).isZero();
    }

    @Test
    void numericLocalLabelsResolveForwardAndBackward() {
        Program p = asm("""
                1: addi a0, a0, -1
                bnez a0, 1b
                beqz a1, 1f
                nop
                1: j 1b
                2: j 2b
                """);
        assertThat(insnAt(p, T + 4).imm()).isEqualTo(-4);
        assertThat(insnAt(p, T + 8).imm()).isEqualTo(8);
        assertThat(insnAt(p, T + 16).imm()).isEqualTo(0); // 1b now refers to the second "1:"
        assertThat(insnAt(p, T + 20).imm()).isZero();
        assertThat(p.symbols()).isEmpty();
    }

    @Test
    void hiLoPairLoadsAbsoluteAddress() {
        Program p = new Assembler().dataBase(0x10000800).assemble("""
                lui a0, %hi(v)
                lw a1, %lo(v)(a0)
                sw a1, %lo(v+4)(a0)
                .data
                v: .word 1, 2
                """);
        Insn lui = insnAt(p, T), lw = insnAt(p, T + 4), sw = insnAt(p, T + 8);
        assertThat((lui.imm() << 12) + lw.imm()).isEqualTo(0x10000800);
        assertThat((lui.imm() << 12) + sw.imm()).isEqualTo(0x10000804);
    }

    @Test
    void laIsPcRelative() {
        Program p = new Assembler().dataBase(0x90000000).assemble("""
                nop
                la a0, v
                .data
                v: .word 1
                """);
        Insn auipc = insnAt(p, T + 4), addi = insnAt(p, T + 8);
        assertThat(auipc.op()).isEqualTo(Op.AUIPC);
        assertThat(T + 4 + (auipc.imm() << 12) + addi.imm()).isEqualTo(0x90000000);
    }

    @Test
    void liOfALabelUsesLuiAddi() {
        Program p = asm("""
                li a0, target
                target: nop
                """);
        Insn lui = insnAt(p, T), addi = insnAt(p, T + 4);
        assertThat((lui.imm() << 12) + addi.imm()).isEqualTo(T + 8);
    }

    @Test
    void hardwareLoopOffsetsAreRelativeToTheInstructionAndEndAtTheLastBodyInstruction() {
        Program p = asm("""
                lp.setupi x0, 100, end0
                addi a0, a0, 1
                addi a1, a1, 1
                end0: addi a2, a2, 1
                lp.starti 1, start1
                lp.endi x1, end1
                lp.counti x1, 7
                lp.count x0, a3
                lp.setup x1, a4, end1
                start1: nop
                nop
                end1: nop
                """);
        Insn setupi = insnAt(p, T);
        assertThat(setupi.op()).isEqualTo(Op.LP_SETUPI);
        assertThat(setupi.rd()).isZero();
        assertThat(setupi.imm()).isEqualTo(100);
        assertThat(setupi.imm2()).isEqualTo(12); // end0 is at +12: the last body instruction
        assertThat(insnAt(p, T + 16).imm()).isEqualTo(20); // starti at 0x10 -> start1 at 0x24
        assertThat(insnAt(p, T + 20).imm()).isEqualTo(24); // endi at 0x14 -> end1 at 0x2c
        assertThat(insnAt(p, T + 24).imm()).isEqualTo(7);
        assertThat(insnAt(p, T + 28).rs1()).isEqualTo(13);
        Insn setup = insnAt(p, T + 32);
        assertThat(setup.rd()).isEqualTo(1);
        assertThat(setup.rs1()).isEqualTo(14);
        assertThat(setup.imm()).isEqualTo(12);
    }

    @Test
    void branchToAbsoluteAddressUsesTheDifferenceFromPc() {
        Program p = asm("""
                nop
                beq a0, a1, 0x80000010
                p.beqimm a0, 5, 0x80000000
                """);
        assertThat(insnAt(p, T + 4).imm()).isEqualTo(12);
        Insn bi = insnAt(p, T + 8);
        assertThat(bi.imm()).isEqualTo(-8);
        assertThat(bi.imm2()).isEqualTo(5);
    }

    @Test
    void xpulpOperandSyntax() {
        Program p = asm("""
                p.extract a0, a1, 7, 8
                p.mulsn a0, a1, a2, 3
                p.clip a0, a1, 8
                pv.add.sci.h a0, a1, -3
                jalr a0
                jalr ra, 0(a0)
                csrr a0, 0x7c2
                """);
        Insn ex = insnAt(p, T);
        assertThat(ex.imm2()).isEqualTo(7); // Is3
        assertThat(ex.imm()).isEqualTo(8); // Is2
        assertThat(insnAt(p, T + 4).imm2()).isEqualTo(3);
        assertThat(insnAt(p, T + 8).imm()).isEqualTo(8);
        assertThat(insnAt(p, T + 12).imm()).isEqualTo(-3);
        assertThat(p.wordAt(T + 16)).isEqualTo(p.wordAt(T + 20));
        assertThat(insnAt(p, T + 24).imm()).isEqualTo(0x7c2);
    }

    @Test
    void expressionsSupportCharactersOperatorsAndBases() {
        Program p = asm("""
                .data
                .word 'a', '\\n', 0b101, 010, (1 << 4) | 3, ~0 & 0xff, 7 % 4, -(2 + 3) * 2, 0x10 >> 2 ^ 1
                """);
        int d = p.section(".data").orElseThrow().base();
        int[] expected = {'a', '\n', 5, 8, 19, 255, 3, -10, 5};
        for (int i = 0; i < expected.length; i++) {
            assertThat(p.wordAt(d + 4 * i)).as("word %d", i).isEqualTo(expected[i]);
        }
    }

    @Test
    void gnuConveniencesAreAccepted() {
        Program p = asm("""
                fence iorw, iorw
                c.addi16sp 16
                lw a0, (a1)
                jalr a1, a2, 4
                csrw mscratch, 3
                .section .mysec, "aw"
                m: .word 9
                """);
        assertThat(insnAt(p, T).imm()).isEqualTo(15);
        assertThat(Decoder.decode(p.halfAt(T + 4)).imm()).isEqualTo(16);
        assertThat(insnAt(p, T + 6).imm()).isZero();
        assertThat(insnAt(p, T + 10).rs1()).isEqualTo(12);
        assertThat(insnAt(p, T + 14).op()).isEqualTo(Op.CSRRWI);
        assertThat(p.section(".mysec").orElseThrow().base()).isEqualTo(T + 32);
        assertThat(p.address("m")).isEqualTo(T + 32);
    }
}
