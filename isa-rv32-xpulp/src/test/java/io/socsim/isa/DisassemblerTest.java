package io.socsim.isa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DisassemblerTest {

    /**
     * {pc, word, text}: riscv64-unknown-elf-objdump 2.40 output ({@code -d -M no-aliases},
     * {@code rv32imc_zicsr_zifencei}, {@code --adjust-vma=0x80000000}) with the documented
     * normalisation: targets as {@code 0x...} without the symbol, address comments dropped,
     * {@code c.nop} for objdump's {@code c.addi zero,0}.
     */
    private static final Object[][] OBJDUMP = {
            {0x80000000, 0x02b50533, "mul\ta0,a0,a1"},
            {0x80000004, 0x40b50533, "sub\ta0,a0,a1"},
            {0x80000008, 0xfff50513, "addi\ta0,a0,-1"},
            {0x8000000c, 0x7ff5c513, "xori\ta0,a1,2047"},
            {0x80000010, 0x01f51513, "slli\ta0,a0,0x1f"},
            {0x80000014, 0x4015d613, "srai\ta2,a1,0x1"},
            {0x80000018, 0xffc5a503, "lw\ta0,-4(a1)"},
            {0x8000001c, 0x0045c503, "lbu\ta0,4(a1)"},
            {0x80000020, 0x00a5a223, "sw\ta0,4(a1)"},
            {0x80000024, 0xfea59e23, "sh\ta0,-4(a1)"},
            {0x80000028, 0xfeb50ee3, "beq\ta0,a1,0x80000024"},
            {0x8000002c, 0x00b54863, "blt\ta0,a1,0x8000003c"},
            {0x80000030, 0x800005b7, "lui\ta1,0x80000"},
            {0x80000034, 0x00001517, "auipc\ta0,0x1"},
            {0x80000038, 0xff9ff0ef, "jal\tra,0x80000030"},
            {0x8000003c, 0x0100006f, "jal\tzero,0x8000004c"},
            {0x80000040, 0x000500e7, "jalr\tra,0(a0)"},
            {0x80000044, 0xffc58067, "jalr\tzero,-4(a1)"},
            {0x80000048, 0x30051073, "csrrw\tzero,mstatus,a0"},
            {0x8000004c, 0xf1402573, "csrrs\ta0,mhartid,zero"},
            {0x80000050, 0x7c0025f3, "csrrs\ta1,lpstart0,zero"}, // objdump: 0x7c0 (a PULP CSR it does not know)
            {0x80000054, 0x3002d073, "csrrwi\tzero,mstatus,5"},
            {0x80000058, 0x34417073, "csrrci\tzero,mip,2"},
            {0x8000005c, 0x0ff0000f, "fence\tiorw,iorw"},
            {0x80000060, 0x0230000f, "fence\tr,rw"},
            {0x80000064, 0x8330000f, "fence.tso"},
            {0x80000068, 0x0000100f, "fence.i"},
            {0x8000006c, 0x00000073, "ecall"},
            {0x80000070, 0x00100073, "ebreak"},
            {0x80000074, 0x30200073, "mret"},
            {0x80000078, 0x10500073, "wfi"},
            {0x8000007c, 0x02c5d533, "divu\ta0,a1,a2"},
            {0x80000080, 0x0028, "c.addi4spn\ta0,sp,8"},
            {0x80000082, 0x4188, "c.lw\ta0,0(a1)"},
            {0x80000084, 0xc188, "c.sw\ta0,0(a1)"},
            {0x80000086, 0x0001, "c.nop"},
            {0x80000088, 0x157d, "c.addi\ta0,-1"},
            {0x8000008a, 0x3fe5, "c.jal\t0x80000082"},
            {0x8000008c, 0xa001, "c.j\t0x8000008c"},
            {0x8000008e, 0x5579, "c.li\ta0,-2"},
            {0x80000090, 0x7139, "c.addi16sp\tsp,-64"},
            {0x80000092, 0x7d7d, "c.lui\ts10,0xfffff"},
            {0x80000094, 0x6505, "c.lui\ta0,0x1"},
            {0x80000096, 0x8105, "c.srli\ta0,0x1"},
            {0x80000098, 0x857d, "c.srai\ta0,0x1f"},
            {0x8000009a, 0x987d, "c.andi\ts0,-1"},
            {0x8000009c, 0x8d0d, "c.sub\ta0,a1"},
            {0x8000009e, 0x8d2d, "c.xor\ta0,a1"},
            {0x800000a0, 0x8d4d, "c.or\ta0,a1"},
            {0x800000a2, 0x8d6d, "c.and\ta0,a1"},
            {0x800000a4, 0xc111, "c.beqz\ta0,0x800000a8"},
            {0x800000a6, 0xfd6d, "c.bnez\ta0,0x800000a0"},
            {0x800000a8, 0x050e, "c.slli\ta0,0x3"},
            {0x800000aa, 0x4512, "c.lwsp\ta0,4(sp)"},
            {0x800000ac, 0xc22a, "c.swsp\ta0,4(sp)"},
            {0x800000ae, 0x8082, "c.jr\tra"},
            {0x800000b0, 0x9502, "c.jalr\ta0"},
            {0x800000b2, 0x852e, "c.mv\ta0,a1"},
            {0x800000b4, 0x9002, "c.ebreak"},
            {0x800000b6, 0x952e, "c.add\ta0,a1"},
            {0x800000b8, 0x4081, "c.li\tra,0"},
    };

    static Stream<Arguments> objdumpLines() {
        return Arrays.stream(OBJDUMP).map(r -> Arguments.of(r[0], r[1], r[2]));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("objdumpLines")
    void printsStandardInstructionsLikeObjdump(int pc, int word, String text) {
        assertThat(Disassembler.disassemble(word, pc)).isEqualTo(text);
    }

    @Test
    void objdumpExpectationsCoverEveryStandardFormat() {
        var covered = Arrays.stream(OBJDUMP).map(r -> Decoder.lookup((Integer) r[1]).format()).toList();
        for (Op op : Op.values()) {
            if (op.ext() != Ext.XPULP) {
                assertThat(covered).as("format of %s", op).contains(op.format());
            }
        }
    }

    @Test
    void printsIllegalWordsAsDataLikeObjdump() {
        assertThat(Disassembler.disassemble(0x0000006b, 0)).isEqualTo(".4byte\t0x6b");
        assertThat(Disassembler.disassemble(0xffff0000, 0)).isEqualTo(".2byte\t0x0");
        assertThat(Disassembler.disassemble(0x00006101, 0)).isEqualTo(".2byte\t0x6101");
    }

    @Test
    void printsUnknownCsrNumbersInHex() {
        assertThat(Disassembler.disassemble(0x7a0025f3, 0)).isEqualTo("csrrs\ta1,0x7a0,zero");
        assertThat(Disassembler.disassemble(0xcc0025f3, 0)).isEqualTo("csrrs\ta1,pcer,zero");
    }

    private static String x(Op op, int rd, int rs1, int rs2, int imm, int imm2) {
        return Disassembler.disassemble(op.format().encode(op, rd, rs1, rs2, imm, imm2), 0x80000000);
    }

    @Test
    void printsXpulpMemoryAccessesWithPostIncrementMarks() {
        assertThat(x(Op.P_LW_IPOST, 10, 11, 0, 4, 0)).isEqualTo("p.lw\ta0,4(a1!)");
        assertThat(x(Op.P_LB_IPOST, 10, 11, 0, -128, 0)).isEqualTo("p.lb\ta0,-128(a1!)");
        assertThat(x(Op.P_LW_RPOST, 10, 11, 12, 0, 0)).isEqualTo("p.lw\ta0,a2(a1!)");
        assertThat(x(Op.P_LHU_RR, 10, 11, 12, 0, 0)).isEqualTo("p.lhu\ta0,a2(a1)");
        assertThat(x(Op.P_SW_IPOST, 0, 11, 10, 4, 0)).isEqualTo("p.sw\ta0,4(a1!)");
        assertThat(x(Op.P_SW_RPOST, 13, 11, 10, 0, 0)).isEqualTo("p.sw\ta0,a3(a1!)");
        assertThat(x(Op.P_SB_RR, 13, 11, 10, 0, 0)).isEqualTo("p.sb\ta0,a3(a1)");
        assertThat(x(Op.P_ELW, 10, 11, 0, 4, 0)).isEqualTo("p.elw\ta0,4(a1)");
    }

    @Test
    void printsHardwareLoopsWithLoopIndexAndAbsoluteTargets() {
        assertThat(x(Op.LP_STARTI, 0, 0, 0, 0x100, 0)).isEqualTo("lp.starti\tx0,0x80000100");
        assertThat(x(Op.LP_ENDI, 1, 0, 0, 0x20, 0)).isEqualTo("lp.endi\tx1,0x80000020");
        assertThat(x(Op.LP_COUNT, 0, 10, 0, 0, 0)).isEqualTo("lp.count\tx0,a0");
        assertThat(x(Op.LP_COUNTI, 1, 0, 0, 100, 0)).isEqualTo("lp.counti\tx1,100");
        assertThat(x(Op.LP_SETUP, 0, 10, 0, 0x1c, 0)).isEqualTo("lp.setup\tx0,a0,0x8000001c");
        assertThat(x(Op.LP_SETUPI, 1, 0, 0, 100, 0x10)).isEqualTo("lp.setupi\tx1,100,0x80000010");
    }

    @Test
    void printsXpulpImmediatesInDecimal() {
        assertThat(x(Op.P_BEQIMM, 0, 10, 0, -8, 5)).isEqualTo("p.beqimm\ta0,5,0x7ffffff8");
        assertThat(x(Op.P_BNEIMM, 0, 10, 0, 16, -16)).isEqualTo("p.bneimm\ta0,-16,0x80000010");
        assertThat(x(Op.P_CLIP, 10, 11, 0, 8, 0)).isEqualTo("p.clip\ta0,a1,8");
        assertThat(x(Op.P_EXTRACT, 10, 11, 0, 4, 7)).isEqualTo("p.extract\ta0,a1,7,4");
        assertThat(x(Op.P_MULSN, 10, 11, 12, 0, 3)).isEqualTo("p.mulsn\ta0,a1,a2,3");
        assertThat(x(Op.PV_ADD_SCI_H, 10, 11, 0, -3, 0)).isEqualTo("pv.add.sci.h\ta0,a1,-3");
        assertThat(x(Op.PV_DOTUP_SCI_B, 10, 11, 0, 63, 0)).isEqualTo("pv.dotup.sci.b\ta0,a1,63");
        assertThat(x(Op.PV_SRA_SCI_H, 10, 11, 0, 15, 0)).isEqualTo("pv.sra.sci.h\ta0,a1,15");
        assertThat(x(Op.PV_EXTRACT_H, 10, 11, 0, 1, 0)).isEqualTo("pv.extract.h\ta0,a1,1");
        assertThat(x(Op.PV_INSERT_B, 10, 11, 0, 3, 0)).isEqualTo("pv.insert.b\ta0,a1,3");
    }

    @Test
    void printsXpulpRegisterFormsLikeBaseInstructions() {
        assertThat(x(Op.P_ABS, 10, 11, 0, 0, 0)).isEqualTo("p.abs\ta0,a1");
        assertThat(x(Op.P_MAC, 10, 11, 12, 0, 0)).isEqualTo("p.mac\ta0,a1,a2");
        assertThat(x(Op.PV_DOTSP_H, 10, 11, 12, 0, 0)).isEqualTo("pv.dotsp.h\ta0,a1,a2");
    }

    @Test
    void everyFormatHasASyntax() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (Op op : Op.values()) {
            for (int n = 0; n < 50; n++) {
                int w = op.match() | (rnd.nextInt() & ~op.mask());
                if (op.matches(w)) {
                    String text = Disassembler.disassemble(w, 0x1000);
                    assertThat(text).startsWith(op.mnemonic()).doesNotContain(" ");
                }
            }
        }
    }
}
