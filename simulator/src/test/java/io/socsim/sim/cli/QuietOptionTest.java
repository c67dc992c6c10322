package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --quiet} does what each command's help says. */
class QuietOptionTest {

    @TempDir
    Path tmp;

    @Test
    void reproduceQuietPrintsNothingAndStillWritesTheReport() throws IOException {
        Path json = tmp.resolve("rep.json");
        CliRunner.Result r = CliRunner.run("reproduce", "--layers", "1", "--quiet", "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(json.toFile()).has("paper")).isTrue();
    }

    @Test
    void compileAndAsmSayWhatTheyWroteUnlessQuiet() throws IOException {
        Path s = Files.writeString(tmp.resolve("exit.s"), "_start:\n  li a7, 93\n  ecall\n");
        Path elf = tmp.resolve("exit.elf");
        CliRunner.Result loud = CliRunner.run("asm", s.toString(), "-o", elf.toString());
        assertThat(loud.out()).startsWith(elf + ": entry 0x80000000, .text ");
        CliRunner.Result quiet = CliRunner.run("asm", s.toString(), "-o", elf.toString(), "--quiet");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.out()).isEmpty();
        Path mb = tmp.resolve("mb.elf");
        CliRunner.Result compile = CliRunner.run("compile", "mobilebert", "--layers", "1", "--seq", "16", "-o", mb.toString(), "--quiet");
        assertThat(compile.exitCode()).as(compile.err()).isZero();
        assertThat(compile.out()).isEmpty();
        assertThat(Files.size(mb)).isPositive();
    }

    @Test
    void benchQuietPrintsOnlyTheFigureLine() {
        CliRunner.Result r = CliRunner.run("bench", "iss", "--instructions", "200000", "--quiet");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("MIPS [0-9]+\\.[0-9]\\R");
    }
}
