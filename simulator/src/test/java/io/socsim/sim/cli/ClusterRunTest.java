package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The cycle-approximate cluster through {@code socsim run}: timing rules, multi-core programs, reports. */
class ClusterRunTest {

    private static final Path ROOT = CliRunner.repositoryRoot();
    private static final Path TIMING = ROOT.resolve("tests/timing");
    private static final Path CLUSTER = ROOT.resolve("tests/programs/cluster");

    @TempDir
    Path tmp;

    /**
     * One program per RI5CY timing rule (tests/timing/expected.tsv): the cycles between two mcycle
     * reads must equal the cost derived from platform.md and the RTL calibration table.
     */
    @TestFactory
    Stream<DynamicTest> everyTimingRuleGivesItsExactCycleCount() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(TIMING.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String name = f[0].replace(".S", "");
            String preset = f[1];
            long expected = Long.parseLong(f[2]);
            tests.add(DynamicTest.dynamicTest(name + " = " + expected, () -> {
                CliRunner.Result r = CliRunner.run("run", TIMING.resolve("elf/" + name + ".elf").toString(), "--preset", preset, "--quiet");
                assertThat(r.exitCode()).as(r.err()).isZero();
                assertThat(r.out().strip()).as("%s: %s", name, f[3]).isEqualTo("cycles=" + expected);
            }));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(25);
        return tests.stream();
    }

    /** GCC-built multi-core programs using the SDK's barrier, events, DMA and ITA (expected/NAME.preset names a system other than pulp-cluster). */
    @TestFactory
    Stream<DynamicTest> multiCoreSdkProgramsRunCorrectly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(CLUSTER.resolve("elf"))) {
            files.filter(p -> p.toString().endsWith(".elf")).sorted().forEach(elf -> {
                String name = elf.getFileName().toString().replace(".elf", "");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Path presetFile = CLUSTER.resolve("expected/" + name + ".preset");
                    String preset = Files.exists(presetFile) ? Files.readString(presetFile).strip() : "pulp-cluster";
                    CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", preset, "--quiet");
                    assertThat(r.out()).isEqualTo(Files.readString(CLUSTER.resolve("expected/" + name + ".out")));
                    assertThat(r.exitCode()).as(r.err())
                            .isEqualTo(Integer.parseInt(Files.readString(CLUSTER.resolve("expected/" + name + ".exit")).strip()));
                }));
            });
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    @Test
    void twoRunsGiveByteIdenticalReports() throws IOException {
        Path elf = CLUSTER.resolve("elf/dma_copy.elf");
        Path a = tmp.resolve("a.json"), b = tmp.resolve("b.json");
        assertThat(CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--json", a.toString(), "--quiet").exitCode()).isZero();
        assertThat(CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--json", b.toString(), "--quiet").exitCode()).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        String json = Files.readString(a);
        assertThat(json).contains("\"cycles\"", "\"instructions\"", "\"ipc\"", "\"cores\"", "\"tcdm\"", "\"conflicts\"", "\"dma\"", "\"bytes\"");
        assertThat(tmp.resolve("a.config.yaml")).exists();
        assertThat(Files.readString(tmp.resolve("a.config.yaml"))).contains("pulp-cluster");
    }

    @Test
    void allCoresAsleepIsReportedAsDeadlockWithEveryCore() throws IOException {
        Path s = Files.writeString(tmp.resolve("dead.s"), String.join("\n",
                "_start:", "  li t1, 0x10200800", "  p.elw zero, 4(t1)", "  j _start", ""));
        Path elf = tmp.resolve("dead.elf");
        assertThat(CliRunner.run("asm", s.toString(), "-o", elf.toString(), "--text-base", "0x1c000000").exitCode()).isZero();
        CliRunner.Result r = CliRunner.run("run", elf.toString(), "--preset", "pulp-cluster", "--quiet");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("deadlock").contains("cores 0-7 at pc").contains("waiting for an event");
    }

    @Test
    void programLinkedOutsideTheSystemsMemoriesIsRejected() throws IOException {
        CliRunner.Result r = CliRunner.run("run", ROOT.resolve("tests/programs/elf/hello.elf").toString(), "--preset", "pulp-cluster");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not inside one memory").contains("l2 0x1c000000");
    }
}
