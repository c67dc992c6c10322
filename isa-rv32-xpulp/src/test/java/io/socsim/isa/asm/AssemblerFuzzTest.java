package io.socsim.isa.asm;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.Format;
import io.socsim.isa.Fuzz;
import io.socsim.isa.Op;
import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.elf.ElfFormatException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random sources through the {@link Assembler}: statements shaped like every instruction
 * format, pseudo-instructions, directives and label definitions, with random operands
 * (registers, boundary numbers, expressions, memory operands), plus token soup and character
 * edits. Each source either assembles, and then, as {@code socsim asm} does, becomes an ELF
 * that {@link ElfFile} reads back, the same bytes on a second assembly, or it fails with an
 * {@link AssemblyException} whose every diagnostic names the file and a source line. Any other
 * exception is a bug. Sizes and seed: {@link Fuzz}, docs/fuzzing.md.
 */
class AssemblerFuzzTest {

    static final long PROGRAMS = 20_000;
    private static final String FILE = "fuzz.s";

    private static final String[] MNEMONICS = Assembler.knownMnemonics().toArray(new String[0]);
    private static final Op[] OPS = Op.values();
    private static final String[] DIRECTIVES = {".text", ".data", ".bss", ".section", ".word", ".long", ".4byte",
        ".half", ".short", ".2byte", ".byte", ".space", ".zero", ".skip", ".align", ".p2align", ".balign", ".globl",
        ".global", ".weak", ".local", ".equ", ".set", ".string", ".asciz", ".ascii", ".option", ".type", ".size",
        ".file", ".ident", ".attribute", ".end", ".cfi_startproc", ".dword", ".txet"};
    private static final String[] REGISTERS = {"zero", "ra", "sp", "gp", "tp", "t0", "s0", "fp", "s1", "a0", "a1",
        "a2", "a5", "a7", "s2", "s11", "t6", "x0", "x1", "x8", "x9", "x15", "x31", "X10", "A0"};
    private static final String[] BAD_REGISTERS = {"x32", "a8", "r1", "pc", "x-1", "s12", "x01", ""};
    /** Values that fit most immediate fields. */
    private static final String[] SMALL = {"0", "1", "2", "3", "4", "8", "12", "16", "-4", "-8", "31", "100"};
    private static final String[] NUMBERS = {"0", "1", "-1", "2", "3", "4", "5", "7", "8", "15", "16", "31", "32",
        "63", "64", "100", "255", "256", "2047", "2048", "-2048", "-2049", "4095", "4096", "0x7ff", "0x800",
        "0xfff", "0xfffff", "0x100000", "0x7fffffff", "0x80000000", "0xffffffff", "0x100000000", "-0x80000000",
        "-0x80000001", "9223372036854775807", "9223372036854775808", "99999999999999999999", "0x8000000000000000",
        "0b101", "0b", "017", "08", "0x", "1f", "1b", "2f", "3b", "99999999999999999999f", "'a'", "'\\n'", "'\\x41'",
        "'", "'\\", "0x12345678", "-0", "1e3"};
    private static final String[] LABELS = {"foo", "bar", "_start", "tohost", "main", "loop", ".L1", "$x", "a0x",
        "__stack_size", "1", "2", "3", "99999999999999999999"};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^"};
    private static final String[] SECTIONS = {".text", ".data", ".bss", ".rodata", ".sdata.x", ".sbss", ".text.hot",
        ".l1", ".l3", "my_data", "\".data\"", "\"\"", ".symtab", ".strtab", ".shstrtab", ".riscv.attributes"};
    private static final String[] STRINGS = {"\"\"", "\"abc\"", "\"a\\nb\"", "\"\\x41\\101\"", "\"\\\"\"",
        "\"\\\\\"", "\"\\x\"", "\"unterminated", "\"tab\\t\"", "\"\u00e9\"", "abc"};
    private static final String[] CSRS = {"mstatus", "mscratch", "mcycle", "mhartid", "lpstart0", "pcer", "0x7c0",
        "4096", "-1", "bogus", "mstatuss"};
    private static final String[] FENCE_SETS = {"iorw", "rw", "r", "w", "0", "io", "x", ""};
    private static final char[] EDIT_CHARS = " ,()!:;#/+-*%<>&|^~.=\"'\\$_0aAx\t".toCharArray();

    @Test
    void randomSourcesAssembleOrReportALineNumber() {
        SplittableRandom rnd = Fuzz.random("assembler");
        Fuzz.Failures failures = new Fuzz.Failures();
        long n = Fuzz.size(PROGRAMS);
        long assembled = 0;
        for (long i = 0; i < n; i++) {
            String source = program(rnd);
            assembled += check(source, failures) ? 1 : 0;
        }
        assertThat(failures.report()).as(Fuzz.reproduce("assembler")).isEmpty();
        // Sanity: the generator reaches both outcomes.
        assertThat(assembled).isBetween(1L, n - 1);
    }

    /** Returns whether the source assembled. */
    private static boolean check(String source, Fuzz.Failures failures) {
        int lines = source.split("\r?\n", -1).length;
        Program program;
        try {
            program = new Assembler().assemble(FILE, source);
        } catch (AssemblyException e) {
            for (AssemblyException.Diagnostic d : e.diagnostics()) {
                if (!d.file().equals(FILE) || d.line() < 1 || d.line() > lines || d.message().isBlank()
                        || d.message().indexOf('\n') >= 0) {
                    failures.add("diagnostic without its place: '" + d + "' for source " + quote(source));
                }
            }
            return false;
        } catch (RuntimeException | Error e) {
            failures.add(Fuzz.describe(e) + " for source " + quote(source));
            return false;
        }
        try {
            byte[] elf = ProgramElf.toBytes(program);
            ElfFile.read(elf, "fuzz.elf");
            if (!Arrays.equals(elf, ProgramElf.toBytes(new Assembler().assemble(FILE, source)))) {
                failures.add("two assemblies gave different ELF bytes for source " + quote(source));
            }
        } catch (ElfFormatException e) {
            failures.add("the ELF of an assembled program does not read back (" + e.getMessage() + ") for source "
                    + quote(source));
        } catch (RuntimeException | Error e) {
            failures.add("writing the ELF of an assembled program: " + Fuzz.describe(e) + " for source "
                    + quote(source));
        }
        return true;
    }

    /** Mostly short sources, so that a fair share assembles and reaches layout, fix-ups and the ELF writer. */
    static String program(SplittableRandom rnd) {
        StringBuilder b = new StringBuilder();
        int lines = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(16) : 1 + rnd.nextInt(4);
        for (int i = 0; i < lines; i++) {
            String line = line(rnd);
            if (rnd.nextInt(10) == 0) {
                line = edit(rnd, line);
            }
            b.append(line).append(rnd.nextInt(12) == 0 ? " # " + token(rnd) : "").append('\n');
        }
        return b.toString();
    }

    private static String line(SplittableRandom rnd) {
        String label = rnd.nextInt(5) == 0 ? pick(rnd, LABELS) + ": " : "";
        int kind = rnd.nextInt(20);
        if (kind < 9) {
            return label + instruction(rnd, OPS[rnd.nextInt(OPS.length)]);
        }
        if (kind < 11) {
            return label + pick(rnd, MNEMONICS) + operands(rnd, rnd.nextInt(4));
        }
        if (kind < 16) {
            return label + directive(rnd);
        }
        if (kind < 17) {
            return label + pick(rnd, LABELS) + " = " + expr(rnd, 2);
        }
        if (kind < 19) {
            return label + instruction(rnd, OPS[rnd.nextInt(OPS.length)]) + "; " + directive(rnd);
        }
        StringBuilder soup = new StringBuilder(label);
        for (int t = 1 + rnd.nextInt(8); t > 0; t--) {
            soup.append(rnd.nextBoolean() ? " " : "").append(token(rnd));
        }
        return soup.toString();
    }

    /** A statement for {@code op} with operands of roughly the right shape for its format. */
    private static String instruction(SplittableRandom rnd, Op op) {
        String m = op.mnemonic();
        switch (op.format()) {
            case R: case R2: case C_ARITH: case C_MV: case C_ADD:
                return m + " " + join(reg(rnd), reg(rnd), op.format() == Format.R ? reg(rnd) : null);
            case LOAD: case STORE: case JALR: case POST_LOAD_IMM: case POST_STORE_IMM: case C_LW: case C_SW:
            case C_LWSP: case C_SWSP: case LOAD_REG: case STORE_REG: case POST_LOAD_REG: case POST_STORE_REG:
                return m + " " + reg(rnd) + ", " + mem(rnd);
            case BRANCH: case HWLOOP_SETUP:
                return m + " " + join(reg(rnd), reg(rnd), target(rnd));
            case J: case C_J: case C_JAL: case HWLOOP_ADDR: case C_BRANCH:
                return m + " " + join(rnd.nextBoolean() ? reg(rnd) : null, target(rnd), null);
            case CSR: case CSRI:
                return m + " " + join(reg(rnd), pick(rnd, CSRS), rnd.nextBoolean() ? reg(rnd) : imm(rnd));
            case FENCE:
                return rnd.nextBoolean() ? m : m + " " + pick(rnd, FENCE_SETS) + ", " + pick(rnd, FENCE_SETS);
            case NONE: case C_NONE:
                return m;
            case HWLOOP_COUNT: case HWLOOP_COUNTI: case HWLOOP_SETUPI:
                return m + " " + join(pick(rnd, new String[] {"x0", "x1", "0", "1", "2", "ra"}), imm(rnd),
                        op.format() == Format.HWLOOP_SETUPI ? target(rnd) : null);
            case BITFIELD: case R_NORM:
                return m + " " + join(reg(rnd), reg(rnd), op.format() == Format.R_NORM ? reg(rnd) : imm(rnd)) + ", "
                        + imm(rnd);
            case BRANCH_IMM:
                return m + " " + join(reg(rnd), imm(rnd), target(rnd));
            case C_JR: case C_JALR:
                return m + " " + reg(rnd);
            default: // register, register-or-sp and immediate forms (I, U, shifts, SIMD, C immediates)
                return m + " " + join(reg(rnd), rnd.nextInt(3) == 0 ? null : reg(rnd), imm(rnd));
        }
    }

    private static String directive(SplittableRandom rnd) {
        String d = pick(rnd, DIRECTIVES);
        switch (d) {
            case ".section": return d + " " + pick(rnd, SECTIONS) + (rnd.nextInt(4) == 0 ? ", \"aw\"" : "");
            case ".word": case ".long": case ".4byte": case ".half": case ".short": case ".2byte": case ".byte":
                return d + operands(rnd, 1 + rnd.nextInt(3));
            case ".space": case ".zero": case ".skip": case ".align": case ".p2align": case ".balign":
                return d + " " + imm(rnd) + (rnd.nextInt(4) == 0 ? ", " + imm(rnd) : "");
            case ".equ": case ".set": return d + " " + pick(rnd, LABELS) + ", " + expr(rnd, 2);
            case ".string": case ".asciz": case ".ascii":
                return d + " " + pick(rnd, STRINGS) + (rnd.nextInt(4) == 0 ? ", " + pick(rnd, STRINGS) : "");
            case ".globl": case ".global": case ".weak": case ".local": return d + " " + pick(rnd, LABELS);
            default: return d + (rnd.nextBoolean() ? "" : operands(rnd, 1 + rnd.nextInt(2)));
        }
    }

    private static String operands(SplittableRandom rnd, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? " " : ", ");
            switch (rnd.nextInt(4)) {
                case 0: b.append(reg(rnd)); break;
                case 1: b.append(mem(rnd)); break;
                default: b.append(imm(rnd));
            }
        }
        return b.toString();
    }

    private static String reg(SplittableRandom rnd) {
        return rnd.nextInt(20) == 0 ? pick(rnd, BAD_REGISTERS) : pick(rnd, REGISTERS);
    }

    /** offset(base), offset(base!), (base), reg(base!) and malformed variants. */
    private static String mem(SplittableRandom rnd) {
        String offset = rnd.nextInt(4) == 0 ? reg(rnd) : rnd.nextInt(6) == 0 ? "" : imm(rnd);
        String base = reg(rnd) + (rnd.nextBoolean() ? "!" : "");
        switch (rnd.nextInt(10)) {
            case 0: return offset + "(" + base;
            case 1: return offset + base + ")";
            case 2: return offset + "((" + base + "))";
            default: return offset + "(" + base + ")";
        }
    }

    private static String imm(SplittableRandom rnd) {
        int k = rnd.nextInt(8);
        return k < 4 ? pick(rnd, SMALL) : k < 6 ? pick(rnd, NUMBERS) : expr(rnd, 2);
    }

    private static String target(SplittableRandom rnd) {
        return rnd.nextBoolean() ? pick(rnd, LABELS) + (rnd.nextBoolean() ? "" : "f") : expr(rnd, 1);
    }

    static String expr(SplittableRandom rnd, int depth) {
        int k = rnd.nextInt(depth <= 0 ? 4 : 9);
        switch (k) {
            case 0: case 1: return pick(rnd, NUMBERS);
            case 2: return pick(rnd, LABELS);
            case 3: return rnd.nextBoolean() ? "." : pick(rnd, new String[] {"1b", "1f", "2b", "2f"});
            case 4: return "(" + expr(rnd, depth - 1) + ")";
            case 5: return pick(rnd, new String[] {"-", "~", "+"}) + expr(rnd, depth - 1);
            case 6: return pick(rnd, new String[] {"%hi(", "%lo(", "%pcrel_hi(", "%hi "}) + expr(rnd, depth - 1) + ")";
            default: return expr(rnd, depth - 1) + " " + pick(rnd, OPERATORS) + " " + expr(rnd, depth - 1);
        }
    }

    private static String token(SplittableRandom rnd) {
        switch (rnd.nextInt(8)) {
            case 0: return pick(rnd, MNEMONICS);
            case 1: return reg(rnd);
            case 2: return pick(rnd, NUMBERS);
            case 3: return pick(rnd, DIRECTIVES);
            case 4: return pick(rnd, LABELS);
            case 5: return pick(rnd, STRINGS);
            case 6: return pick(rnd, OPERATORS);
            default: return String.valueOf(EDIT_CHARS[rnd.nextInt(EDIT_CHARS.length)]);
        }
    }

    /** Deletes, inserts or replaces one character; rarely a control character. */
    private static String edit(SplittableRandom rnd, String line) {
        if (line.isEmpty()) {
            return line;
        }
        int at = rnd.nextInt(line.length());
        char c = rnd.nextInt(16) == 0 ? (char) rnd.nextInt(0x20) : EDIT_CHARS[rnd.nextInt(EDIT_CHARS.length)];
        switch (rnd.nextInt(3)) {
            case 0: return line.substring(0, at) + line.substring(at + 1);
            case 1: return line.substring(0, at) + c + line.substring(at);
            default: return line.substring(0, at) + c + line.substring(at + 1);
        }
    }

    private static String join(String a, String b, String c) {
        return String.join(", ", Arrays.stream(new String[] {a, b, c}).filter(s -> s != null).toList());
    }

    private static String pick(SplittableRandom rnd, String[] from) {
        return from[rnd.nextInt(from.length)];
    }

    /** The source on one line, as a Java string literal would show it. */
    static String quote(String source) {
        return "\"" + source.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\"", "\\\"") + "\"";
    }
}
