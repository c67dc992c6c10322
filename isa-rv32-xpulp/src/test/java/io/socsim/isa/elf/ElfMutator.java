package io.socsim.isa.elf;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Structure-aware mutations of an ELF image for {@link ElfFuzzTest}: it knows where the header,
 * the program and section header tables, the symbol table and the attribute section of the
 * original are, and overwrites their fields with the values a reader is most likely to mishandle.
 * Each edit is described in {@code edits}, so a failure names its input.
 */
final class ElfMutator {

    /** {offset, size} of the ELF header fields, with their names. */
    private static final int[][] EHDR = {{4, 1}, {5, 1}, {6, 1}, {16, 2}, {18, 2}, {20, 4}, {24, 4}, {28, 4},
        {32, 4}, {36, 4}, {40, 2}, {42, 2}, {44, 2}, {46, 2}, {48, 2}, {50, 2}};
    private static final String[] EHDR_NAMES = {"EI_CLASS", "EI_DATA", "EI_VERSION", "e_type", "e_machine",
        "e_version", "e_entry", "e_phoff", "e_shoff", "e_flags", "e_ehsize", "e_phentsize", "e_phnum",
        "e_shentsize", "e_shnum", "e_shstrndx"};
    private static final String[] PHDR_NAMES = {"p_type", "p_offset", "p_vaddr", "p_paddr", "p_filesz",
        "p_memsz", "p_flags", "p_align"};
    private static final String[] SHDR_NAMES = {"sh_name", "sh_type", "sh_flags", "sh_addr", "sh_offset",
        "sh_size", "sh_link", "sh_info", "sh_addralign", "sh_entsize"};
    /** {offset, size} of the symbol fields: st_name, st_value, st_size, st_info, st_other, st_shndx. */
    private static final int[][] SYM = {{0, 4}, {4, 4}, {8, 4}, {12, 1}, {13, 1}, {14, 2}};
    private static final long[] BOUNDARY = {0, 1, 2, 3, 4, 7, 8, 16, 32, 40, 52, 0x7f, 0x80, 0xff, 0x100,
        0x7fff, 0x8000, 0xfffe, 0xffff, 0x10000, 0x7fff_ffffL, 0x8000_0000L, 0xffff_fff0L, 0xffff_fffeL,
        0xffff_ffffL, 0x7000_0003L, 0x8000_0000L - 1, 0x4000_0000L};

    private ElfMutator() {
    }

    static byte[] mutate(ElfFuzzTest.Seed seed, SplittableRandom rnd, List<String> edits) {
        byte[] b = seed.bytes().clone();
        for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
            switch (rnd.nextInt(8)) {
                case 0: case 1: {
                    int f = rnd.nextInt(EHDR.length);
                    set(b, EHDR[f][0], EHDR[f][1], value(rnd, b, EHDR[f][0], EHDR[f][1]), EHDR_NAMES[f], edits);
                    break;
                }
                case 2: {
                    int i = rnd.nextInt(Math.max(1, seed.phnum()));
                    int f = rnd.nextInt(PHDR_NAMES.length);
                    int at = seed.phoff() + 32 * i + 4 * f;
                    set(b, at, 4, value(rnd, b, at, 4), "phdr[" + i + "]." + PHDR_NAMES[f], edits);
                    break;
                }
                case 3: case 4: {
                    int i = rnd.nextInt(Math.max(1, seed.shnum()));
                    int f = rnd.nextInt(SHDR_NAMES.length);
                    int at = seed.shoff() + 40 * i + 4 * f;
                    set(b, at, 4, value(rnd, b, at, 4), "shdr[" + i + "]." + SHDR_NAMES[f], edits);
                    break;
                }
                case 5: {
                    if (seed.symtab() == null || seed.symtab()[1] < 16) {
                        break;
                    }
                    int k = rnd.nextInt(seed.symtab()[1] / 16);
                    int[] f = SYM[rnd.nextInt(SYM.length)];
                    int at = seed.symtab()[0] + 16 * k + f[0];
                    set(b, at, f[1], value(rnd, b, at, f[1]), "sym[" + k + "]+" + f[0], edits);
                    break;
                }
                case 6: {
                    boolean inAttributes = seed.attributes() != null && rnd.nextBoolean();
                    int at = inAttributes ? seed.attributes()[0] + rnd.nextInt(Math.max(1, seed.attributes()[1]))
                            : rnd.nextInt(b.length);
                    if (at < b.length) {
                        int bit = rnd.nextInt(8);
                        b[at] ^= (byte) (1 << bit);
                        edits.add(String.format(Locale.ROOT, "flip 0x%x bit %d", at, bit));
                    }
                    break;
                }
                default: {
                    int at = rnd.nextInt(b.length);
                    int v = rnd.nextInt(256);
                    b[at] = (byte) v;
                    edits.add(String.format(Locale.ROOT, "byte 0x%x=0x%x", at, v));
                }
            }
        }
        int resize = rnd.nextInt(10);
        if (resize == 0) {
            int len = rnd.nextInt(b.length + 1);
            b = Arrays.copyOf(b, len);
            edits.add("truncate to " + len);
        } else if (resize == 1) {
            int extra = 1 + rnd.nextInt(64);
            b = Arrays.copyOf(b, b.length + extra);
            edits.add("append " + extra + " zero bytes");
        }
        return b;
    }

    /** A boundary value, a value near the old one, the file length, or random bits. */
    private static long value(SplittableRandom rnd, byte[] b, int at, int size) {
        long old = at + size <= b.length ? get(b, at, size) : 0;
        switch (rnd.nextInt(5)) {
            case 0: case 1: return BOUNDARY[rnd.nextInt(BOUNDARY.length)];
            case 2: return old + rnd.nextInt(-8, 9);
            case 3: return b.length + rnd.nextInt(-4, 5);
            default: return rnd.nextLong();
        }
    }

    private static long get(byte[] b, int at, int size) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            v |= (b[at + i] & 0xffL) << (8 * i);
        }
        return v;
    }

    private static void set(byte[] b, int at, int size, long value, String field, List<String> edits) {
        for (int i = 0; i < size && at + i < b.length; i++) {
            b[at + i] = (byte) (value >>> (8 * i));
        }
        long shown = size == 8 ? value : value & ((1L << (8 * size)) - 1);
        edits.add(String.format(Locale.ROOT, "%s=0x%x", field, shown));
    }
}
