package io.socsim.isa.elf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Shared inputs for the ELF tests. */
final class Fixtures {

    static final int TEXT = 0x8000_0000;
    static final int DATA = 0x8000_1000;
    static final int BSS = 0x8000_1008;

    private Fixtures() {
    }

    /** The GCC-built fixture; see hello.S next to it for source and build command. */
    static byte[] helloElf() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/elf/hello.elf")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /elf/hello.elf");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** li a0,5; c.li a2,7; mul a1,a1,a2; c.addi a1,1; div a0,a0,a1; csrr a0,mcycle; c.jr ra. */
    static byte[] rv32imcCode() {
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        word(t, 0x00500513);
        half(t, 0x461d);
        word(t, 0x02c585b3);
        half(t, 0x0585);
        word(t, 0x02b54533);
        word(t, 0xb0002573);
        half(t, 0x8082);
        return t.toByteArray();
    }

    /** A writer holding .text, .data, .bss and a few symbols of every kind. */
    static ElfWriter sampleWriter() {
        byte[] code = rv32imcCode();
        return new ElfWriter()
                .addSection(".text", TEXT, code, ElfWriter.TEXT, 2)
                .addSection(".data", DATA, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, ElfWriter.DATA)
                .addNobits(".bss", BSS, 256, ElfWriter.DATA)
                .addSymbol("_start", TEXT, code.length, SymbolType.FUNC, SymbolBinding.GLOBAL, ".text")
                .addSymbol("table", DATA, 8, SymbolType.OBJECT, SymbolBinding.GLOBAL, ".data")
                .addSymbol("scratch", BSS, 256, SymbolType.OBJECT, SymbolBinding.LOCAL, ".bss")
                .addSymbol("loop", TEXT + 6, 0, SymbolType.NOTYPE, SymbolBinding.LOCAL, ".text")
                .addSymbol("__stack_size", 0x400, 0, SymbolType.NOTYPE, SymbolBinding.GLOBAL, null)
                .entry(TEXT);
    }

    static byte[] sampleElf() {
        return sampleWriter().toBytes();
    }

    static int u16(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getShort(at) & 0xffff;
    }

    static int u32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    static byte[] put16(byte[] b, int at, int v) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
        return c;
    }

    static byte[] put32(byte[] b, int at, int v) {
        byte[] c = b.clone();
        ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
        return c;
    }

    /** File offset of program header {@code i}. */
    static int phdr(byte[] b, int i) {
        return u32(b, 28) + i * 32;
    }

    /** File offset of section header {@code i}. */
    static int shdr(byte[] b, int i) {
        return u32(b, 32) + i * 40;
    }

    private static void word(ByteArrayOutputStream t, int w) {
        for (int k = 0; k < 4; k++) {
            t.write(w >>> (8 * k));
        }
    }

    private static void half(ByteArrayOutputStream t, int h) {
        t.write(h);
        t.write(h >>> 8);
    }
}
