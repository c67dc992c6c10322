package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socsim asm} and {@code socsim disasm} through the command line. */
class AsmDisasmCommandTest {

    @TempDir
    Path tmp;

    @Test
    void assembledProgramRunsAndPrints() throws IOException {
        Path s = Files.writeString(tmp.resolve("hello.s"), String.join("\n",
                "  .text", "  .globl _start", "_start:",
                "  li a0, 1", "  la a1, msg", "  li a2, 3", "  li a7, 64", "  ecall",
                "  li a0, 5", "  li a7, 93", "  ecall",
                "  .data", "msg: .ascii \"hi\\n\"", ""));
        Path elf = tmp.resolve("hello.elf");
        assertThat(CliRunner.run("asm", s.toString(), "-o", elf.toString()).exitCode()).isZero();
        CliRunner.Result r = CliRunner.run("run", elf.toString());
        assertThat(r.out()).isEqualTo("hi\n");
        assertThat(r.exitCode()).isEqualTo(5);
    }

    @Test
    void disassemblyListsLabelsAndInstructions() throws IOException {
        Path s = Files.writeString(tmp.resolve("k.s"), "_start:\n  p.lw a0, 4(a1!)\n  pv.sdotsp.b a2, a0, a3\n  c.addi a0, 1\n");
        Path elf = tmp.resolve("k.elf");
        assertThat(CliRunner.run("asm", s.toString(), "-o", elf.toString()).exitCode()).isZero();
        CliRunner.Result r = CliRunner.run("disasm", elf.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("80000000 <_start>:")
                .contains("p.lw\ta0,4(a1!)")
                .contains("pv.sdotsp.b\ta2,a0,a3")
                .contains("c.addi\ta0,1");
    }

    @Test
    void assemblyErrorsNameFileAndLine() throws IOException {
        Path s = Files.writeString(tmp.resolve("bad.s"), "_start:\n  addi a0, a0\n  frobnicate a0\n");
        CliRunner.Result r = CliRunner.run("asm", s.toString(), "-o", tmp.resolve("bad.elf").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.s:2").contains("bad.s:3").contains("frobnicate").doesNotContain("\tat ");
    }

    @Test
    void issBenchmarkEndsWithItsMipsLine() {
        CliRunner.Result r = CliRunner.run("bench", "iss", "--instructions", "200000");
        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("MIPS [0-9]+\\.[0-9]");
    }
}
