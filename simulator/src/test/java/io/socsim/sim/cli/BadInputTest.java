package io.socsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input, through the whole command line: each gets its exit code and exactly one
 * {@code socsim: error:} line naming what is wrong and where, nothing on standard output (so no
 * simulation ran and no usage text was dumped), and no stack frame. Every row fails before
 * simulating, so the table runs in seconds.
 */
class BadInputTest {

    private static final Path PROGRAMS = CliRunner.repositoryRoot().resolve("tests/programs");

    @TempDir
    Path tmp;

    /** One bad command line: its exit code and the fragments its message must contain. */
    private record Row(String name, String[] args, int exitCode, String... mentions) {
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputGetsOneLineAndItsExitCode() throws IOException {
        String hello = PROGRAMS.resolve("elf/hello.elf").toString();
        String missingDir = tmp.resolve("no-such-dir").toString();
        Path aFile = Files.writeString(tmp.resolve("plain.txt"), "x");
        Path source = Files.writeString(tmp.resolve("ok.s"), "_start:\n  li a7, 93\n  ecall\n");
        Path badYaml = Files.writeString(tmp.resolve("bad.yaml"), "extends: ita-cluster\ncores:\n  count: [1, 2\n");
        Path unknownKey = Files.writeString(tmp.resolve("unknown.yaml"), "extends: ita-cluster\ncores:\n  cnt: 4\n");
        byte[] full = Files.readAllBytes(PROGRAMS.resolve("elf/hello.elf"));
        Path truncated = Files.write(tmp.resolve("cut.elf"), Arrays.copyOf(full, 200));
        byte[] noise = new byte[4096];
        new Random(9).nextBytes(noise);
        noise[0] = 0x12; // never the ELF magic by chance
        Path random = Files.write(tmp.resolve("random.elf"), noise);
        Path x86 = Files.write(tmp.resolve("x86.elf"), x86ElfHeader());
        Path dir = Files.createDirectories(tmp.resolve("a-directory"));
        Files.createDirectories(tmp.resolve("taken.config.yaml")); // where run --json taken.json puts its configuration
        String json = missingDir + "/r.json";

        List<Row> rows = new ArrayList<>(List.of(
                // outputs that cannot be written: refused before the simulation starts
                row("run --json in a missing directory", 2, List.of("--json", "no-such-dir"), "run", hello, "--preset", "pulp-cluster", "--json", json),
                row("run mobilebert --json in a missing directory", 2, List.of("--json", "no-such-dir"), "run", "mobilebert", "--json", json),
                row("reproduce --json in a missing directory", 2, List.of("--json", "no-such-dir"), "reproduce", "--json", json),
                row("run --json naming a directory", 2, List.of("--json", "a-directory", "directory"), "run", hello, "--json", dir.toString()),
                row("run --json whose parent is a file", 2, List.of("--json", "plain.txt", "not a directory"), "run", hello, "--json", aFile + "/r.json"),
                row("run --json whose configuration file cannot be written", 2, List.of("--json", "taken.config.yaml"),
                        "run", hello, "--json", tmp.resolve("taken.json").toString()),
                row("compile -o in a missing directory", 2, List.of("-o", "no-such-dir"), "compile", "mobilebert", "-o", missingDir + "/m.elf"),
                row("asm -o naming a directory", 2, List.of("-o", "a-directory"), "asm", source.toString(), "-o", dir.toString()),
                // option values picocli cannot convert, unknown options and commands
                row("--max-cycles abc", 2, List.of("--max-cycles", "'abc'", "socsim run --help"), "run", hello, "--max-cycles", "abc"),
                row("--max-cycles 0", 2, List.of("--max-cycles"), "run", hello, "--max-cycles", "0"),
                row("reproduce --max-cycles x", 2, List.of("--max-cycles", "socsim reproduce --help"), "reproduce", "--max-cycles", "x"),
                row("bench gemm --cores abc", 2, List.of("--cores", "socsim bench gemm --help"), "bench", "gemm", "--cores", "abc"),
                row("unknown option", 2, List.of("--frobnicate"), "run", hello, "--frobnicate"),
                row("unknown command", 2, List.of("'frobnicate'"), "frobnicate"),
                row("no command", 2, List.of("command", "socsim --help")),
                row("missing program", 2, List.of("PROGRAM"), "run"),
                row("missing -o", 2, List.of("--output"), "compile", "mobilebert"),
                row("unknown workload", 2, List.of("'bert'"), "compile", "bert", "-o", tmp.resolve("b.elf").toString()),
                // configuration errors, from every command
                row("malformed YAML", 2, List.of("bad.yaml:3"), "run", "mobilebert", "--config", badYaml.toString()),
                row("unknown key in a file", 2, List.of("unknown.yaml:3", "cores.cnt"), "run", "mobilebert", "--config", unknownKey.toString()),
                row("unknown key in --set", 2, List.of("--set", "nosuch"), "run", "mobilebert", "--set", "nosuch.key=1"),
                row("--set memory.l1.size=0", 2, List.of("memory.l1.size"), "run", "mobilebert", "--set", "memory.l1.size=0"),
                row("--set cores.count=0", 2, List.of("cores.count", "0"), "run", "mobilebert", "--set", "cores.count=0"),
                row("--set cores.count=1000", 2, List.of("cores.count", "1000"), "compile", "mobilebert", "-o", tmp.resolve("c.elf").toString(),
                        "--set", "cores.count=1000"),
                row("reproduce --set cores.count=0", 2, List.of("cores.count"), "reproduce", "--set", "cores.count=0"),
                row("--preset nosuch", 2, List.of("'nosuch'", "preset"), "run", "mobilebert", "--preset", "nosuch"),
                row("--preset and --config", 2, List.of("--preset", "--config"), "run", "mobilebert", "--preset", "ita-cluster",
                        "--config", unknownKey.toString()),
                row("missing --config file", 2, List.of("--config", "none.yaml"), "run", "mobilebert", "--config", tmp.resolve("none.yaml").toString()),
                row("bench gemm --cores 0", 2, List.of("--cores 0", "cores.count"), "bench", "gemm", "--cores", "0"),
                row("bench gemm --cores 17", 2, List.of("--cores 17", "cores.count"), "bench", "gemm", "--cores", "17"),
                row("bench gemm --preset nosuch", 2, List.of("--preset", "'nosuch'"), "bench", "gemm", "--preset", "nosuch"),
                row("bench gemm --size 0", 2, List.of("--size"), "bench", "gemm", "--size", "0"),
                row("bench iss --instructions 0", 2, List.of("--instructions"), "bench", "iss", "--instructions", "0"),
                // program files
                row("truncated ELF", 2, List.of("cut.elf", "truncated"), "run", truncated.toString()),
                row("random bytes as ELF", 2, List.of("random.elf", "not an ELF"), "run", random.toString()),
                row("x86 ELF", 2, List.of("x86.elf", "RISC-V"), "run", x86.toString()),
                row("x86 ELF to disasm", 2, List.of("x86.elf", "RISC-V"), "disasm", x86.toString()),
                row("missing program file", 2, List.of("nope.elf"), "run", tmp.resolve("nope.elf").toString()),
                row("missing assembly source", 2, List.of("nope.s"), "asm", tmp.resolve("nope.s").toString(), "-o", tmp.resolve("n.elf").toString()),
                // workload options
                row("--layers 0", 2, List.of("--layers"), "run", "mobilebert", "--layers", "0"),
                row("--layers 99", 2, List.of("--layers", "99"), "run", "mobilebert", "--layers", "99"),
                row("reproduce --layers 0", 2, List.of("--layers"), "reproduce", "--layers", "0"),
                row("--seq 0", 2, List.of("--seq"), "run", "mobilebert", "--seq", "0"),
                row("--seq 100000", 2, List.of("--seq", "100000"), "compile", "mobilebert", "-o", tmp.resolve("s.elf").toString(), "--seq", "100000"),
                row("--variant x", 2, List.of("--variant", "'x'"), "run", "mobilebert", "--variant", "x"),
                row("workload option on a program", 2, List.of("--layers", "mobilebert"), "run", hello, "--layers", "1")));

        return rows.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
            CliRunner.Result r = CliRunner.run(row.args());
            String all = r.out() + r.err();
            assertThat(all).as("no stack frame").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(r.out()).as("nothing on standard output").isEmpty();
            List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("exactly one message line").hasSize(1);
            assertThat(lines.get(0)).startsWith("socsim: error: ").contains(row.mentions());
            assertThat(r.exitCode()).as(r.err()).isEqualTo(row.exitCode());
        }));
    }

    private static Row row(String name, int exitCode, List<String> mentions, String... args) {
        return new Row(name, args, exitCode, mentions.toArray(String[]::new));
    }

    /** The 52-byte header of an ELF32 little-endian i386 executable: a well-formed ELF for another machine. */
    private static byte[] x86ElfHeader() {
        ByteBuffer b = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0}).put(new byte[8]); // ELFCLASS32, little-endian, version 1
        b.putShort((short) 2).putShort((short) 3).putInt(1); // ET_EXEC, EM_386, EV_CURRENT
        b.putInt(0x08048000).putInt(52).putInt(0).putInt(0); // entry, phoff, shoff, flags
        b.putShort((short) 52).putShort((short) 32).putShort((short) 0).putShort((short) 40).putShort((short) 0).putShort((short) 0);
        return b.array();
    }
}
