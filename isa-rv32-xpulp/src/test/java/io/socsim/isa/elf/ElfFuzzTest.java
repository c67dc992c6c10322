package io.socsim.isa.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.socsim.isa.Decoder;
import io.socsim.isa.Disassembler;
import io.socsim.isa.Fuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds truncated and corrupted copies of valid images to the reader. The only acceptable
 * outcomes are a successful read (after which every accessor, and everything the simulator's
 * loaders and disassembler do with the file, must work too) or an ElfFormatException with a
 * one-line message naming the file; any other exception is a reader bug. Seeds and sizes:
 * {@link Fuzz}, docs/fuzzing.md.
 */
class ElfFuzzTest {

    private static final int[] INTERESTING = {0, 1, 4, 0x7f, 0x80, 0xffff, 0x7fff_ffff,
        0x8000_0000, 0xffff_ffff, 0xffff_fff0, 0x8000_1000};

    @Test
    void everyTruncationIsRejectedCleanly() {
        for (byte[] good : new byte[][] {Fixtures.helloElf(), Fixtures.sampleElf()}) {
            for (int len = 0; len < good.length; len++) {
                check(Arrays.copyOf(good, len), "truncated to " + len);
            }
        }
    }

    static final long SAMPLE_ROUNDS = 10_000;
    static final long HELLO_ROUNDS = 6_000;
    static final long PROGRAM_ROUNDS = 20_000;

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        corrupt(Fixtures.sampleElf(), "elf-sample", (int) Fuzz.size(SAMPLE_ROUNDS));
        corrupt(Fixtures.helloElf(), "elf-hello", (int) Fuzz.size(HELLO_ROUNDS));
    }

    private static void corrupt(byte[] good, String campaign, int rounds) {
        SplittableRandom rnd = Fuzz.random(campaign);
        int[] hot = hotRegions(good);
        int accepted = 0;
        for (int round = 0; round < rounds; round++) {
            byte[] b = good.clone();
            int edits = 1 + rnd.nextInt(6);
            for (int e = 0; e < edits; e++) {
                // Mostly hit the headers and tables the reader interprets; file data is inert.
                int at = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length)
                        : Math.min(b.length - 1, hot[rnd.nextInt(hot.length)] + rnd.nextInt(40));
                if (rnd.nextBoolean() && at + 4 <= b.length) {
                    int v = rnd.nextBoolean() ? INTERESTING[rnd.nextInt(INTERESTING.length)]
                            : rnd.nextInt();
                    int w = at & ~3;
                    b[w] = (byte) v;
                    b[w + 1] = (byte) (v >>> 8);
                    b[w + 2] = (byte) (v >>> 16);
                    b[w + 3] = (byte) (v >>> 24);
                } else {
                    b[at] = (byte) rnd.nextInt(256);
                }
            }
            if (rnd.nextInt(8) == 0) {
                b = Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            }
            if (check(b, Fuzz.reproduce(campaign) + " round " + round)) {
                accepted++;
            }
        }
        // Sanity: the corruption is neither always fatal nor always harmless.
        assertThat(accepted).isBetween(1, rounds - 1);
    }

    /**
     * The programs in tests/programs (GCC-built, single-core and cluster) and images from the
     * project's own writers, mutated field by field: header, program header, section header and
     * symbol fields set to boundary values (zero, all ones, sign bits, the file length, a nearby
     * value), byte flips, random bytes in the attribute section, truncation and extension.
     */
    @Test
    void mutatedProgramsLoadOrFailCleanly() {
        List<Seed> seeds = seeds();
        SplittableRandom rnd = Fuzz.random("elf-programs");
        long rounds = Fuzz.size(PROGRAM_ROUNDS);
        int accepted = 0;
        for (long round = 0; round < rounds; round++) {
            Seed seed = seeds.get(rnd.nextInt(seeds.size()));
            List<String> edits = new ArrayList<>();
            byte[] b = ElfMutator.mutate(seed, rnd, edits);
            if (check(b, seed.name() + " with " + edits + " (" + Fuzz.reproduce("elf-programs") + ")")) {
                accepted++;
            }
        }
        assertThat(accepted).isBetween(1, (int) rounds - 1);
    }

    /** One unmutated image and where its tables are. */
    record Seed(String name, byte[] bytes, int phoff, int phnum, int shoff, int shnum, int[] symtab,
            int[] attributes) {

        static Seed of(String name, byte[] bytes) {
            ElfFile elf = ElfFile.read(bytes, name);
            int[] symtab = null;
            int[] attributes = null;
            for (Section s : elf.sections()) {
                if (s.type() == Section.SHT_SYMTAB) {
                    symtab = new int[] {s.offset(), s.size()};
                } else if (s.type() == Section.SHT_RISCV_ATTRIBUTES) {
                    attributes = new int[] {s.offset(), s.size()};
                }
            }
            return new Seed(name, bytes, Fixtures.u32(bytes, 28), Fixtures.u16(bytes, 44), Fixtures.u32(bytes, 32),
                    Fixtures.u16(bytes, 48), symtab, attributes);
        }
    }

    private static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>();
        Path root = repositoryRoot();
        for (String dir : List.of("tests/programs/elf", "tests/programs/cluster/elf")) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".elf")).sorted().toList()) {
                    seeds.add(Seed.of(root.relativize(f).toString(), Files.readAllBytes(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(seeds).as("programs in tests/programs").hasSizeGreaterThan(10);
        seeds.add(Seed.of("ElfWriter sample", Fixtures.sampleElf()));
        seeds.add(Seed.of("ElfWriter rv32i sample", Fixtures.sampleWriter().compressed(false).arch("rv32i2p1").toBytes()));
        seeds.add(Seed.of("hello.elf", Fixtures.helloElf()));
        return seeds;
    }

    /** The directory holding tests/programs, searched upwards from the working directory. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("tests/programs"))) {
                return dir;
            }
        }
        return fail("tests/programs not found above " + Path.of("").toAbsolutePath());
    }

    /** Offsets of the ELF header, each program header and each section header and table. */
    private static int[] hotRegions(byte[] good) {
        ElfFile elf = ElfFile.read(good, "good");
        int phnum = Fixtures.u16(good, 44);
        int shnum = Fixtures.u16(good, 48);
        int[] hot = new int[1 + phnum + 2 * shnum];
        int n = 0;
        hot[n++] = 0;
        for (int i = 0; i < phnum; i++) {
            hot[n++] = Fixtures.phdr(good, i);
        }
        for (int i = 0; i < shnum; i++) {
            hot[n++] = Fixtures.shdr(good, i);
            Section s = elf.sections().get(i);
            hot[n++] = s.isNobits() || s.size() == 0 ? 0 : s.offset();
        }
        return hot;
    }

    /** Returns whether the input was accepted. */
    private static boolean check(byte[] input, String what) {
        ElfFile elf;
        try {
            elf = ElfFile.read(input, "fuzz.elf");
        } catch (ElfFormatException e) {
            // Plain checks: AssertJ per round would dominate the run time.
            if (!e.getMessage().startsWith("fuzz.elf: ") || e.getMessage().contains("\n")) {
                fail("badly formed message for input " + what + ": " + e.getMessage());
            }
            return false;
        } catch (RuntimeException | Error e) {
            fail("reader threw " + e + " for input " + what, e);
            return false;
        }
        try {
            exercise(elf);
        } catch (RuntimeException | Error e) {
            fail("accessor threw " + e + " after reading input " + what, e);
        }
        return true;
    }

    private static void exercise(ElfFile elf) {
        for (Segment s : elf.segments()) {
            if (s.memSize() >= 0 && s.memSize() < (1 << 16) && s.image().length != s.memSize()) {
                fail("image size differs from memSize: " + s);
            }
            // What the simulator's loaders copy: the file bytes, within [vaddr, vaddr + memSize).
            if (Integer.toUnsignedLong(s.memSize()) < s.data().length || s.end() > 1L << 32) {
                fail("segment bytes outside the segment or the address space: " + s);
            }
            elf.describe(s.vaddr());
            elf.describe(s.vaddr() + s.memSize() / 2);
        }
        for (Section s : elf.sections()) {
            byte[] bytes = elf.contents(s);
            elf.describe(s.address() + 3);
            if (s.isExec() && !s.isNobits()) {
                disassemble(s.address(), bytes);
            }
        }
        for (Symbol s : elf.symbols()) {
            elf.symbol(s.name());
            elf.symbolAddress(s.name());
            elf.describe(s.value());
        }
        elf.describe(elf.entry());
        elf.riscvArch();
    }

    /**
     * The disassembler's walk over an executable section (as {@code socsim disasm} does it), over
     * its first bytes only: the decoder campaign covers the words, this covers the walk.
     */
    private static void disassemble(int address, byte[] bytes) {
        for (int offset = 0; offset + 1 < Math.min(bytes.length, 256); ) {
            int low = (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
            int length = Decoder.length(low) == 4 && offset + 3 < bytes.length ? 4 : 2;
            int word = length == 2 ? low
                    : low | (bytes[offset + 2] & 0xff) << 16 | (bytes[offset + 3] & 0xff) << 24;
            Disassembler.disassemble(word, address + offset);
            offset += length;
        }
    }
}
