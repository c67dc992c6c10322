package io.socsim.isa.asm;

import static io.socsim.isa.Reg.A0;
import static io.socsim.isa.Reg.A1;
import static io.socsim.isa.Reg.A2;
import static io.socsim.isa.Reg.A3;
import static io.socsim.isa.Reg.RA;
import static io.socsim.isa.Reg.T0;
import static io.socsim.isa.Reg.T1;
import static io.socsim.isa.Reg.T2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socsim.isa.Decoder;
import io.socsim.isa.Insn;
import io.socsim.isa.Op;
import io.socsim.isa.Reg;
import org.junit.jupiter.api.Test;

class ProgramBuilderTest {

    private static final int T = 0x80000000;

    /** int8 dot product of n words (4 bytes each) at a0 and a1, result in a0. */
    private static final String DOT_TEXT = """
            .globl dot
            dot:
                li t0, 0
                lp.setup x0, a2, 1f
                p.lw t1, 4(a0!)
                p.lw t2, 4(a1!)
            1:  pv.sdotsp.b t0, t1, t2
                mv a0, t0
                ret
            """;

    @Test
    void hardwareLoopDotProductKernelMatchesTheTextAssembler() {
        ProgramBuilder b = new ProgramBuilder();
        Label dot = b.label("dot"), end = b.newLabel();
        b.global(dot).bind(dot)
                .li(T0, 0)
                .lpSetup(0, A2, end)
                .pLwPostInc(T1, 4, A0)
                .pLwPostInc(T2, 4, A1)
                .bind(end).pvSdotspB(T0, T1, T2)
                .mv(A0, T0)
                .ret();
        Program built = b.build();
        Program text = new Assembler().assemble("dot.s", DOT_TEXT);
        assertThat(built.section(".text").orElseThrow().bytes()).isEqualTo(text.section(".text").orElseThrow().bytes());
        assertThat(built.symbols()).isEqualTo(text.symbols());
        Insn setup = Decoder.decode(built.wordAt(T + 4));
        assertThat(setup.op()).isEqualTo(Op.LP_SETUP);
        assertThat(setup.imm()).isEqualTo(12); // from lp.setup to the sdotsp, the last body instruction
    }

    @Test
    void setupiKernelWithDataAndLa() {
        ProgramBuilder b = new ProgramBuilder();
        Label start = b.label("_start"), va = b.label("va"), vb = b.label("vb"), out = b.label("out"), end = b.newLabel();
        b.bind(start)
                .la(A0, va).la(A1, vb).li(A3, 0)
                .lpSetupi(0, 4, end)
                .pLwPostInc(T1, 4, A0)
                .pLwPostInc(T2, 4, A1)
                .bind(end).pvSdotspB(A3, T1, T2)
                .la(A0, out).sw(A3, 0, A0)
                .wfi();
        b.data().bind(va).bytes(new byte[16]).bind(vb).word(1, 2, 3, 4).bss().balign(64).bind(out).space(4);
        Program p = b.build();
        assertThat(p.entry()).isEqualTo(T);
        Insn setupi = Decoder.decode(p.wordAt(T + 20));
        assertThat(setupi.op()).isEqualTo(Op.LP_SETUPI);
        assertThat(setupi.imm()).isEqualTo(4);
        assertThat(setupi.imm2()).isEqualTo(12);
        Insn auipc = Decoder.decode(p.wordAt(T)), addi = Decoder.decode(p.wordAt(T + 4));
        assertThat(T + (auipc.imm() << 12) + addi.imm()).isEqualTo(p.address("va"));
        assertThat(p.address("out") % 64).isZero();
        assertThat(p.section(".bss").orElseThrow().base()).isGreaterThan(p.address("vb"));
    }

    @Test
    void liCoversTheEdgeValues() {
        int[] values = {0, -1, 2047, 2048, -2048, -2049, 0x7fffffff, 0x80000000, 0x12345fff, 0xfffff800, 0x800, 0x1000};
        for (int v : values) {
            ProgramBuilder b = new ProgramBuilder();
            b.li(A0, v);
            Program p = b.build();
            int size = p.section(".text").orElseThrow().size();
            int value = 0;
            for (int a = T; a < T + size; a += 4) {
                Insn i = Decoder.decode(p.wordAt(a));
                value = i.op() == Op.LUI ? i.imm() << 12 : value + i.imm();
            }
            assertThat(value).as("li %d", v).isEqualTo(v);
            boolean small = v >= -2048 && v <= 2047;
            assertThat(size).as("li %d size", v).isEqualTo(small || (v & 0xfff) == 0 ? 4 : 8);
        }
    }

    @Test
    void callIsAlwaysEightBytesAndReachesFarTargets() {
        ProgramBuilder b = new ProgramBuilder();
        Label far = b.label("far");
        b.call(far).space(0x10000).bind(far).ret();
        Program p = b.build();
        Insn auipc = Decoder.decode(p.wordAt(T)), jalr = Decoder.decode(p.wordAt(T + 4));
        assertThat(jalr.op()).isEqualTo(Op.JALR);
        assertThat(jalr.rd()).isEqualTo(RA);
        assertThat(T + (auipc.imm() << 12) + jalr.imm()).isEqualTo(p.address("far"));
    }

    @Test
    void wordOfALabelStoresItsAddress() {
        ProgramBuilder b = new ProgramBuilder();
        Label f = b.label("f");
        b.bind(f).ret().data().word(f);
        Program p = b.build();
        assertThat(p.wordAt(p.section(".data").orElseThrow().base())).isEqualTo(T);
    }

    @Test
    void emitThrowsAtOnceOnOutOfRangeOperands() {
        ProgramBuilder b = new ProgramBuilder();
        assertThatThrownBy(() -> b.addi(A0, A0, 4096)).isInstanceOf(AssemblyException.class).hasMessageContaining("immediate 4096");
        assertThatThrownBy(() -> b.emit(Op.ADD, 40, 0, 0, 0, 0)).isInstanceOf(AssemblyException.class).hasMessageContaining("x40");
    }

    @Test
    void buildReportsUnboundLabelsAndFarBranches() {
        ProgramBuilder b = new ProgramBuilder();
        Label never = b.newLabel(), far = b.newLabel();
        b.j(never).beq(A0, A1, far).space(8192).bind(far).nop();
        assertThatThrownBy(b::build).isInstanceOf(AssemblyException.class)
                .satisfies(e -> assertThat(((AssemblyException) e).diagnostics()).hasSize(2))
                .hasMessageContaining("undefined label")
                .hasMessageContaining("branch offset");
    }

    @Test
    void bindingALabelTwiceIsAnError() {
        ProgramBuilder b = new ProgramBuilder();
        Label l = b.newLabel();
        b.bind(l);
        assertThatThrownBy(() -> b.bind(l)).isInstanceOf(AssemblyException.class).hasMessageContaining("duplicate label");
    }

    @Test
    void definedConstantsAppearInTheSymbolTable() {
        ProgramBuilder b = new ProgramBuilder();
        b.define(b.label("SIZE"), 64).nop();
        assertThat(b.build().address("SIZE")).isEqualTo(64);
    }

    @Test
    void compressedInstructionsAreEmittedOnlyWhenAskedFor() {
        ProgramBuilder b = new ProgramBuilder();
        b.addi(A0, A0, 1).emit(Op.C_ADDI, A0, A0, 0, 1, 0);
        Program p = b.build();
        assertThat(p.section(".text").orElseThrow().size()).isEqualTo(6);
        assertThat(Decoder.decode(p.halfAt(T + 4)).op()).isEqualTo(Op.C_ADDI);
    }

    @Test
    void regNamesRoundTrip() {
        for (int r = 0; r < 32; r++) {
            assertThat(Reg.parse(Reg.abi(r))).isEqualTo(r);
            assertThat(Reg.parse("x" + r)).isEqualTo(r);
        }
        assertThat(Reg.parse("fp")).isEqualTo(8);
        assertThat(Reg.parse("A0")).isEqualTo(10);
        assertThat(Reg.parse("x32")).isEqualTo(-1);
    }

    @Test
    void csrNamesResolve() {
        assertThat(CsrNames.number("mstatus")).isEqualTo(0x300);
        assertThat(CsrNames.number("mhartid")).isEqualTo(0xf14);
        assertThat(CsrNames.number("minstreth")).isEqualTo(0xb82);
        assertThat(CsrNames.number("cycle")).isEqualTo(0xc00);
        assertThat(CsrNames.number("nope")).isEqualTo(-1);
    }
}
