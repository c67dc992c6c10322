package io.socsim.isa.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReportingTest {

    private static List<AssemblyException.Diagnostic> errors(String src) {
        AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> new Assembler().assemble("bad.s", src));
        assertThat(e).as("expected an AssemblyException").isNotNull();
        return e.diagnostics();
    }

    private static AssemblyException.Diagnostic only(String src) {
        List<AssemblyException.Diagnostic> d = errors(src);
        assertThat(d).hasSize(1);
        return d.get(0);
    }

    @Test
    void unknownMnemonicSuggestsTheClosestKnownOne() {
        AssemblyException.Diagnostic d = only("nop\n  ad a0, a1, a2\n");
        assertThat(d.file()).isEqualTo("bad.s");
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.text()).isEqualTo("ad a0, a1, a2");
        assertThat(d.message()).contains("unknown mnemonic 'ad'").contains("did you mean");
        assertThat(only("pv.sdotsp.bb a0, a1, a2").message()).contains("'pv.sdotsp.b'");
    }

    @Test
    void outOfRangeOperandRelaysTheFormatMessage() {
        AssemblyException.Diagnostic d = only("addi a0, a0, 2048");
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.message()).contains("addi").contains("2048").contains("12 signed bits");
        assertThat(only("c.addi16sp sp, 8").message()).contains("multiple of 16");
        assertThat(only("lp.counti x0, 5000").message()).contains("loop count");
    }

    @Test
    void undefinedLabelIsReportedAtTheReference() {
        AssemblyException.Diagnostic d = only("nop\nnop\nj nowhere\n");
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.message()).contains("undefined label 'nowhere'");
    }

    @Test
    void duplicateLabelNamesTheFirstDefinition() {
        AssemblyException.Diagnostic d = only("x: nop\nnop\nx: nop\n");
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.message()).contains("duplicate label 'x'").contains("line 1");
    }

    @Test
    void badRegisterIsNamed() {
        AssemblyException.Diagnostic d = only("add a0, a9, a1");
        assertThat(d.message()).contains("bad register 'a9'");
    }

    @Test
    void misalignedTargetIsRejected() {
        assertThat(only("beq a0, a1, 0x80000003").message()).contains("even");
        assertThat(only("lp.setupi x0, 4, 0x80000007\nnop\nnop\n").message()).contains("even");
    }

    @Test
    void branchOutOfRangeIsReported() {
        AssemblyException.Diagnostic d = only("beq a0, a1, far\n.space 8192\nfar: nop\n");
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.message()).contains("branch offset");
    }

    @Test
    void allErrorsOfAFileAreCollected() {
        List<AssemblyException.Diagnostic> d = errors("""
                addi a0, a0, 5000
                nop
                frob a0
                j missing
                lw a0, 4(q7)
                """);
        assertThat(d).extracting(AssemblyException.Diagnostic::line).containsExactlyInAnyOrder(1, 3, 4, 5);
    }

    @Test
    void wrongOperandCountShowsTheSyntax() {
        assertThat(only("add a0, a1").message()).contains("add takes 3 operands (rd, rs1, rs2)");
    }

    @Test
    void compressedRegisterRestrictionsAreExplained() {
        assertThat(only("c.lw t0, 0(a0)").message()).contains("x8-x15");
        assertThat(only("c.lwsp a0, 4(a1)").message()).contains("sp");
        assertThat(only("c.mv a0, zero").message()).contains("reserved");
    }

    @Test
    void postIncrementMismatchIsReported() {
        assertThat(only("lw a0, 4(a1!)").message()).contains("post-increment");
        assertThat(only("p.lw a0, 4(a1!) \n p.elw a0, 4(a1!)").line()).isEqualTo(2);
    }

    @Test
    void unknownDirectiveAndCsrAreReported() {
        assertThat(only(".wrod 1").message()).contains("'.word'");
        assertThat(only("csrr a0, mstatuss").message()).contains("unknown CSR").contains("'mstatus'");
    }

    @Test
    void bssAcceptsOnlyZeros() {
        assertThat(only(".bss\n.word 1\n").message()).contains(".bss");
    }

    @Test
    void missingForwardLocalLabelIsReported() {
        assertThat(only("j 1f\n").message()).contains("1f");
        assertThat(only("j 1b\n").message()).contains("1b");
    }

    // ---- Found by AssemblerFuzzTest: each escaped as another exception before.

    @Test
    void divisionByZeroAmongConstantsIsAnErrorOfItsLine() {
        // was: ArithmeticException
        assertThat(only(".word 1/0").message()).isEqualTo("division by zero in '1/0'");
        assertThat(only("nop\naddi a0, a0, 1 % 0").line()).isEqualTo(2);
        assertThat(only(".space 4/0").message()).contains("division by zero");
    }

    @Test
    void numericLocalLabelTooLargeForALongIsReported() {
        // was: NumberFormatException
        assertThat(only("99999999999999999999:").message())
                .isEqualTo("local label number 99999999999999999999 is too large");
        assertThat(only("j 99999999999999999999f").message()).contains("too large");
    }

    @Test
    void reservationsBeyondTheSectionLimitAreRefusedBeforeAllocating() {
        // was: OutOfMemoryError
        assertThat(only(".skip 0x7fffffff").message())
                .isEqualTo(".text would grow to 2147483647 bytes, more than the limit of 256 MiB");
        AssemblyException.Diagnostic d = only(".byte 1\n.balign 0x40000000");
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.message()).contains("limit of 256 MiB");
    }

    @Test
    void symbolDefinedInTermsOfItselfIsReportedWhereDefinedAndUsed() {
        // was: StackOverflowError
        assertThat(errors("x = x | 7\n.word x")).extracting(AssemblyException.Diagnostic::line, AssemblyException.Diagnostic::message)
                .containsExactlyInAnyOrder(tuple(1, "symbol 'x' is defined in terms of itself"),
                        tuple(2, "symbol 'x' is defined in terms of itself"));
        assertThat(errors("a = b\nb = a\nli a0, a")).allMatch(e -> e.message().contains("defined in terms of itself"));
    }

    @Test
    void sectionNamesTheElfFileCannotCarryAreRefused() {
        // was: IllegalArgumentException from ProgramElf when the program was written out
        assertThat(only(".section .symtab\n.word 1").message())
                .isEqualTo("section name '.symtab' is reserved: the ELF writer makes that section itself");
        assertThat(only(".section \"\"\n.word 1").message()).isEqualTo("a section needs a name");
        assertThat(only(".section a\0b").message()).isEqualTo("section name 'a\\0b' contains a NUL");
    }

    @Test
    void messageListsFileLineAndText() {
        AssemblyException e = catchThrowableOfType(AssemblyException.class, () -> new Assembler().assemble("k.s", "nop\nsub a0, a1, 3\n"));
        assertThat(e.getMessage()).startsWith("k.s:2: ").contains("sub a0, a1, 3");
    }
}
