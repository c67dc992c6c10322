package io.socsim.isa.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds truncated and corrupted copies of valid images to the reader. The only acceptable
 * outcomes are a successful read (after which every accessor must work too) or an
 * ElfFormatException; any other exception is a reader bug. Fixed seeds keep failures
 * reproducible.
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

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        // About a second by default; for a long campaign after changing the reader run
        // mvn -pl isa-rv32-xpulp test -Dtest=ElfFuzzTest -Delf.fuzz.scale=100
        // (add -Delf.fuzz.seed=N to explore other inputs).
        int scale = Integer.getInteger("elf.fuzz.scale", 1);
        long seed = Long.getLong("elf.fuzz.seed", 0x5eed_0000L);
        corrupt(Fixtures.sampleElf(), seed + 1, 10_000 * scale);
        corrupt(Fixtures.helloElf(), seed + 2, 6_000 * scale);
    }

    private static void corrupt(byte[] good, long seed, int rounds) {
        SplittableRandom rnd = new SplittableRandom(seed);
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
            if (check(b, "seed " + seed + " round " + round)) {
                accepted++;
            }
        }
        // Sanity: the corruption is neither always fatal nor always harmless.
        assertThat(accepted).isBetween(1, rounds - 1);
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
            elf.describe(s.vaddr());
            elf.describe(s.vaddr() + s.memSize() / 2);
        }
        for (Section s : elf.sections()) {
            elf.contents(s);
            elf.describe(s.address() + 3);
        }
        for (Symbol s : elf.symbols()) {
            elf.symbol(s.name());
            elf.symbolAddress(s.name());
            elf.describe(s.value());
        }
        elf.describe(elf.entry());
        elf.riscvArch();
    }
}
