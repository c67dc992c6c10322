package io.socsim.isa.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.Reg;
import io.socsim.isa.asm.Assembler;
import io.socsim.isa.asm.Program;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the instruction-semantics vectors of {@code src/test/resources/semantics/*.vec}: expected
 * values written from the specifications, independently of this interpreter (format in
 * {@code docs/semantics-vectors.md}).
 */
class SemanticsVectorsTest {

    private static final int RAM_BASE = 0x80000000;
    private static final int CSR_MTVEC = 0x305, CSR_MCAUSE = 0x342, CSR_MTVAL = 0x343;
    private static final String[] FILES = {"rv32i", "rv32m", "rv32c", "zicsr", "traps", "xpulp-mem", "xpulp-hwloop",
        "xpulp-alu", "xpulp-mac", "xpulp-simd", "xpulp-unsettled"};

    /** One parsed test case. */
    private static final class Case {
        final String name;
        final int line;
        final List<String> init = new ArrayList<>();
        final List<String[]> mem = new ArrayList<>();
        final List<String> asm = new ArrayList<>();
        final List<String> expect = new ArrayList<>();
        final List<String[]> expectMem = new ArrayList<>();
        String[] expectTrap;

        Case(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyVectorFilePasses() throws IOException {
        List<DynamicContainer> files = new ArrayList<>();
        for (String file : FILES) {
            List<Case> cases = parse(file + ".vec");
            assertThat(cases).as(file).isNotEmpty();
            files.add(DynamicContainer.dynamicContainer(file, cases.stream()
                    .map(c -> DynamicTest.dynamicTest(c.name, () -> run(file, c)))));
        }
        return files.stream();
    }

    private static List<Case> parse(String file) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = SemanticsVectorsTest.class.getResourceAsStream("/semantics/" + file)) {
            assertThat(in).as("resource " + file).isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            Case current = null;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                String rest = space < 0 ? "" : line.substring(space + 1).strip();
                switch (key) {
                    case "test": current = new Case(rest, i + 1); break;
                    case "init": current.init.add(rest); break;
                    case "mem": current.mem.add(rest.split("\\s+")); break;
                    case "asm": current.asm.add(rest); break;
                    case "expect": current.expect.add(rest); break;
                    case "expect-mem": current.expectMem.add(rest.split("\\s+")); break;
                    case "expect-trap": current.expectTrap = rest.split("\\s+"); break;
                    case "end": cases.add(current); current = null; break;
                    default: throw new IllegalStateException(file + ":" + (i + 1) + ": unknown keyword " + key);
                }
            }
        }
        return cases;
    }

    private static void run(String file, Case c) {
        String where = file + ":" + c.line + " " + c.name;
        String source = String.join("\n", c.asm) + "\n__end:\n  nop\n  .balign 4\n__trap:\n  nop\n";
        Program program = new Assembler().assemble(file, source);
        byte[] ram = new byte[2 << 20];
        for (Program.Section s : program.sections()) {
            System.arraycopy(s.bytes(), 0, ram, s.base() - RAM_BASE, s.bytes().length);
        }
        Hart hart = new Hart(0, new DecodeCache(), Bus.EMPTY, new HostInterface() {
            @Override
            public void ecall(Hart h) {
                h.halt("unexpected host call");
            }

            @Override
            public void tohost(Hart h, int value) {
            }
        });
        hart.mapRam(RAM_BASE, ram);
        for (String[] m : c.mem) {
            int addr = number(m[0]);
            for (int i = 1; i < m.length; i++) {
                hart.writeMemory(addr + 4 * (i - 1), 4, number(m[i]));
            }
        }
        for (String init : c.init) {
            for (String assignment : init.split("\\s+")) {
                String[] kv = assignment.split("=");
                hart.reg(Reg.parse(kv[0]), number(kv[1]));
            }
        }
        int end = program.address("__end");
        int trap = program.address("__trap");
        if (c.expectTrap != null) {
            hart.csr(CSR_MTVEC, trap);
        }
        hart.pc(program.entry());
        long steps = 0;
        while (hart.running() && hart.pc() != end && hart.pc() != trap && steps++ < 100_000) {
            hart.run(1);
        }
        assertThat(hart.state()).as(where + ": hart stopped: " + hart.haltReason()).isEqualTo(Hart.RUNNING);
        if (c.expectTrap != null) {
            assertThat(hart.pc()).as(where + ": expected a trap").isEqualTo(trap);
            assertThat(hart.csrRead(CSR_MCAUSE)).as(where + ": mcause").isEqualTo(number(c.expectTrap[0]));
            for (int i = 1; i < c.expectTrap.length; i++) {
                String[] kv = c.expectTrap[i].split("=");
                assertThat(kv[0]).isEqualTo("mtval");
                assertThat(hex(hart.csrRead(CSR_MTVAL))).as(where + ": mtval").isEqualTo(hex(number(kv[1])));
            }
        } else {
            assertThat(hart.pc()).as(where + ": did not reach the end (trap or runaway)").isEqualTo(end);
        }
        for (String expect : c.expect) {
            for (String assignment : expect.split("\\s+")) {
                String[] kv = assignment.split("=");
                assertThat(hex(hart.reg(Reg.parse(kv[0])))).as(where + ": " + kv[0]).isEqualTo(hex(number(kv[1])));
            }
        }
        for (String[] m : c.expectMem) {
            int addr = number(m[0]);
            for (int i = 1; i < m.length; i++) {
                int a = addr + 4 * (i - 1);
                assertThat(hex(hart.readMemory(a, 4))).as(where + ": mem " + hex(a)).isEqualTo(hex(number(m[i])));
            }
        }
    }

    private static int number(String text) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        long v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        return (int) (negative ? -v : v);
    }

    private static String hex(int v) {
        return String.format(Locale.ROOT, "0x%08x", v);
    }
}
