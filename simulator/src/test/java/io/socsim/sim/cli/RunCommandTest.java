package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code socsim run} through the command line: output, exit codes and error reports. */
class RunCommandTest {

    private static final Path PROGRAMS = CliRunner.repositoryRoot().resolve("tests/programs");

    @TempDir
    Path tmp;

    /** The committed GCC-built programs print what qemu-riscv32 printed and exit with its code. */
    @TestFactory
    Stream<DynamicTest> everyCommittedProgramBehavesAsUnderQemu() throws IOException {
        List<Path> elves;
        try (Stream<Path> files = Files.list(PROGRAMS.resolve("elf"))) {
            elves = files.filter(p -> p.toString().endsWith(".elf")).sorted().collect(Collectors.toList());
        }
        assertThat(elves).hasSizeGreaterThanOrEqualTo(8);
        return elves.stream().map(elf -> DynamicTest.dynamicTest(elf.getFileName().toString(), () -> {
            String name = elf.getFileName().toString().replace(".elf", "");
            String expectedOut = Files.readString(PROGRAMS.resolve("expected/" + name + ".out"), StandardCharsets.UTF_8);
            int expectedExit = Integer.parseInt(Files.readString(PROGRAMS.resolve("expected/" + name + ".exit")).strip());
            CliRunner.Result r = CliRunner.run("run", elf.toString());
            assertThat(r.out()).isEqualTo(expectedOut);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(expectedExit);
        }));
    }

    @Test
    void missingProgramIsOneClearError() {
        CliRunner.Result r = CliRunner.run("run", tmp.resolve("nope.elf").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nope.elf").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void textFileIsRejectedAsNotElf() throws IOException {
        Path f = Files.writeString(tmp.resolve("notes.elf"), "just some text, long enough to hold an ELF header....\n");
        CliRunner.Result r = CliRunner.run("run", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("notes.elf").containsIgnoringCase("not an ELF").doesNotContain("\tat ");
    }

    @Test
    void truncatedElfIsRejected() throws IOException {
        byte[] full = Files.readAllBytes(PROGRAMS.resolve("elf/hello.elf"));
        Path f = Files.write(tmp.resolve("cut.elf"), java.util.Arrays.copyOf(full, 200));
        CliRunner.Result r = CliRunner.run("run", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cut.elf").doesNotContain("\tat ");
    }

    @Test
    void sixtyFourBitElfGetsAnExplanation() throws IOException {
        byte[] bytes = Files.readAllBytes(PROGRAMS.resolve("elf/hello.elf"));
        bytes[4] = 2; // EI_CLASS = ELFCLASS64
        Path f = Files.write(tmp.resolve("wide.elf"), bytes);
        CliRunner.Result r = CliRunner.run("run", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("64-bit").doesNotContain("\tat ");
    }

    @Test
    void illegalInstructionReportsCorePcAndEncoding() throws IOException {
        Path elf = assemble("_start:\n  nop\n  .word 0xffffffff\n");
        CliRunner.Result r = CliRunner.run("run", elf.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("core 0").contains("illegal instruction 0xffffffff").contains("0x80000004").doesNotContain("\tat ");
    }

    @Test
    void loadFromUnmappedAddressIsABusError() throws IOException {
        Path elf = assemble("_start:\n  li a0, 0x10\n  lw a1, 0(a0)\n");
        CliRunner.Result r = CliRunner.run("run", elf.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("bus error").contains("0x00000010").contains("pc 0x80000004");
    }

    @Test
    void endlessProgramStopsAtMaxCycles() throws IOException {
        Path elf = assemble("_start:\n  j _start\n");
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--max-cycles", "1000");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("1000 cycles").contains("_start");
    }

    @Test
    void ecallWithUnknownNumberIsReported() throws IOException {
        Path elf = assemble("_start:\n  li a7, 1234\n  ecall\n");
        CliRunner.Result r = CliRunner.run("run", elf.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("a7=1234");
    }

    @Test
    void trapHandlerReceivesIllegalInstructionArchitecturally() throws IOException {
        Path elf = assemble(String.join("\n",
                "_start:",
                "  la t0, handler",
                "  csrw mtvec, t0",
                "  .word 0xffffffff",
                "  li a0, 99",
                "  li a7, 93",
                "  ecall",
                "  .balign 4",
                "handler:",
                "  csrr a0, mcause",     // 2 = illegal instruction
                "  csrr a1, mtval",      // the instruction bits
                "  li t1, -1",
                "  bne a1, t1, 1f",
                "  li a7, 93",
                "  csrw mtvec, zero",
                "  ecall",
                "1:",
                "  li a0, 77",
                "  csrw mtvec, zero",
                "  li a7, 93",
                "  ecall", ""));
        CliRunner.Result r = CliRunner.run("run", elf.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    }

    @Test
    void unknownPresetListsTheAvailableOnes() throws IOException {
        Path elf = assemble("_start:\n  li a7, 93\n  ecall\n");
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "rv32-bar");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("rv32-bare").doesNotContain("\tat ");
    }

    @Test
    void ramSizeCanBeOverridden() throws IOException {
        Path elf = assemble("_start:\n  li a0, 0x80100000\n  lw a1, 0(a0)\n  li a0, 0\n  li a7, 93\n  ecall\n");
        assertThat(CliRunner.run("run", elf.toString()).exitCode()).isZero();
        CliRunner.Result small = CliRunner.run("run", elf.toString(), "--set", "memory.ram.size=64KiB");
        assertThat(small.exitCode()).isEqualTo(3);
        assertThat(small.err()).contains("bus error");
    }

    private Path assemble(String source) throws IOException {
        Path s = Files.writeString(tmp.resolve("prog.s"), source);
        Path elf = tmp.resolve("prog.elf");
        CliRunner.Result r = CliRunner.run("asm", s.toString(), "-o", elf.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return elf;
    }
}
