package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socsim.sim.Interrupts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes of README "Exit codes" and the report's end record: a script tells the
 * program's own code (reason exit) from the simulator's verdict without reading standard error,
 * and a run the simulator stops still writes its report.
 */
class ExitCodesTest {

    private static final Path ROOT = CliRunner.repositoryRoot();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path assemble(String name, String source, String... extra) throws IOException {
        Path s = Files.writeString(tmp.resolve(name + ".s"), source);
        Path elf = tmp.resolve(name + ".elf");
        String[] args = new String[4 + extra.length];
        args[0] = "asm";
        args[1] = s.toString();
        args[2] = "-o";
        args[3] = elf.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return elf;
    }

    private static String tohostProgram(int value) {
        return "_start:\n  la t0, tohost\n  li t1, " + value + "\n  sw t1, 0(t0)\n1:\n  j 1b\n  .balign 4\ntohost:\n  .word 0\n";
    }

    private JsonNode end(Path json) throws IOException {
        return JSON.readTree(json.toFile()).get("end");
    }

    private static void assertOneStderrLine(CliRunner.Result r, String... contains) {
        assertThat(r.err().lines().count()).as(r.err()).isOne();
        assertThat(r.err()).contains(contains).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aFailingRiscvTestExitsOneWithTheTestNumberInTheReport() throws IOException {
        for (String[] system : new String[][] {{"rv32-bare", "0x80000000"}, {"pulp-cluster", "0x1c000000"}}) {
            // test 2 would have exited 2 before, the code of bad input
            Path elf = assemble("fail-" + system[0], tohostProgram((2 << 1) | 1), "--text-base", system[1]);
            Path json = tmp.resolve("fail-" + system[0] + ".json");
            CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", system[0], "--json", json.toString(), "--quiet");
            assertThat(r.exitCode()).as(system[0]).isEqualTo(1);
            assertOneStderrLine(r, "test 2 failed");
            JsonNode end = end(json);
            assertThat(end.get("reason").asText()).isEqualTo("tohost-fail");
            assertThat(end.get("exit_code").asInt()).isEqualTo(1);
            assertThat(end.get("test").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aPassingRiscvTestExitsZero() throws IOException {
        Path json = tmp.resolve("pass.json");
        CliRunner.Result r = CliRunner.run("run", assemble("pass", tohostProgram(1)).toString(), "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(end(json).get("reason").asText()).isEqualTo("tohost-pass");
        assertThat(end(json).has("test")).isFalse();
    }

    @Test
    void theProgramsOwnCodeIsPassedThroughAndMarkedAsItsExit() throws IOException {
        // 3 is also the code of a fault: the end record tells them apart
        Path elf = assemble("three", "_start:\n  li a0, 259\n  li a7, 93\n  ecall\n", "--text-base", "0x1c000000");
        Path json = tmp.resolve("three.json");
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--json", json.toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEmpty();
        JsonNode end = end(json);
        assertThat(end.get("reason").asText()).isEqualTo("exit");
        assertThat(end.get("exit_code").asInt()).isEqualTo(3);
        assertThat(end.get("program_exit_code").asInt()).isEqualTo(259);
    }

    @Test
    void aFaultWritesTheReportThenExitsThreeWithOneLine() throws IOException {
        Path elf = assemble("fault", "_start:\n  nop\n  .word 0xffffffff\n", "--text-base", "0x1c000000");
        Path json = tmp.resolve("fault.json");
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--json", json.toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(3);
        assertOneStderrLine(r, "illegal instruction 0xffffffff", "core 0");
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.get("end").get("reason").asText()).isEqualTo("fault");
        assertThat(report.get("end").get("core").asInt()).isZero();
        assertThat(report.get("end").get("pc").asText()).isEqualTo("0x1c000004"); // after a 4-byte nop
        assertThat(report.get("end").get("message").asText()).contains("0x1c000004");
        assertThat(report.get("cycles").asLong()).isPositive();
        assertThat(report.get("cores").size()).isEqualTo(8);
    }

    @Test
    void theCycleLimitWritesTheReportThenExitsFourOnBothMachines() throws IOException {
        for (String[] system : new String[][] {{"rv32-bare", "0x80000000"}, {"pulp-cluster", "0x1c000000"}}) {
            Path elf = assemble("loop-" + system[0], "_start:\n  addi a0, a0, 1\n  j _start\n", "--text-base", system[1]);
            Path json = tmp.resolve("loop-" + system[0] + ".json");
            CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", system[0], "--max-cycles", "5000",
                    "--json", json.toString(), "--quiet");
            assertThat(r.exitCode()).as(system[0]).isEqualTo(4);
            assertOneStderrLine(r, "5000 cycles", "_start");
            JsonNode report = JSON.readTree(json.toFile());
            assertThat(report.get("end").get("reason").asText()).isEqualTo("max-cycles");
            assertThat(report.get("cycles").asLong()).isEqualTo(5000);
        }
    }

    @Test
    void anInterruptedRunWritesItsReportAndExits130() throws IOException {
        Path elf = assemble("long", "_start:\n  addi a0, a0, 1\n  j _start\n", "--text-base", "0x1c000000");
        Path json = tmp.resolve("long.json");
        Interrupts.request();
        CliRunner.Result r;
        try {
            r = CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--json", json.toString());
        } finally {
            Interrupts.clear();
        }
        assertThat(r.exitCode()).isEqualTo(130);
        assertThat(r.err()).contains("core ").contains("total").contains("socsim: error: interrupted at cycle");
        assertThat(r.err().lines().filter(l -> l.startsWith("socsim:")).count()).isOne();
        assertThat(end(json).get("reason").asText()).isEqualTo("interrupted");
        assertThat(end(json).get("exit_code").asInt()).isEqualTo(130);
    }

    /** sdk/link-cluster.ld gives the program __num_cores = 8; with 16 cores, cores 8-15 park and the barrier never opens. */
    @Test
    void aProgramBuiltForEightCoresOnSixteenDeadlocksWithAHint() throws IOException {
        Path elf = ROOT.resolve("tests/programs/cluster/elf/barrier_rounds.elf");
        Path json = tmp.resolve("dead.json");
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--set", "cores.count=16",
                "--json", json.toString(), "--quiet");
        assertThat(r.exitCode()).isEqualTo(3);
        assertOneStderrLine(r, "deadlock", "cores 0-7 at pc", "waiting at the hardware barrier",
                "the program was built for 8 cores (ELF symbol __num_cores) but the system has 16 (cores.count)");
        JsonNode end = end(json);
        assertThat(end.get("reason").asText()).isEqualTo("deadlock");
        assertThat(end.get("message").asText()).contains("built for 8 cores");
        assertThat(end.has("core")).isFalse();
    }

    @Test
    void aDeadlockOfAProgramWithoutTheSymbolGivesNoCoreCountHint() throws IOException {
        Path elf = assemble("dead", "_start:\n  li t1, 0x10200800\n  p.elw zero, 4(t1)\n  j _start\n", "--text-base", "0x1c000000");
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--quiet");
        assertThat(r.exitCode()).isEqualTo(3);
        assertOneStderrLine(r, "deadlock", "cores 0-7 at pc", "waiting for an event");
        assertThat(r.err()).doesNotContain("built for");
    }
}
