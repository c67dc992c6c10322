package io.socsim.isa.elf;

import static io.socsim.isa.elf.Fixtures.phdr;
import static io.socsim.isa.elf.Fixtures.put16;
import static io.socsim.isa.elf.Fixtures.put32;
import static io.socsim.isa.elf.Fixtures.shdr;
import static io.socsim.isa.elf.Fixtures.u32;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of unusable input yields one ElfFormatException that names file and problem. */
class ElfRejectionTest {

    private static final byte[] GOOD = Fixtures.sampleElf();

    private static AbstractThrowableAssert<?, ? extends Throwable> rejecting(byte[] bytes) {
        return assertThatThrownBy(() -> ElfFile.read(bytes, "prog.elf"))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageStartingWith("prog.elf: ")
                .hasNoSuppressedExceptions();
    }

    @Test
    void rejectsAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.elf");
        assertThatThrownBy(() -> ElfFile.read(missing)).isInstanceOf(ElfFormatException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void rejectsADirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> ElfFile.read(dir)).isInstanceOf(ElfFormatException.class)
                .hasMessage(dir + ": is a directory, not an ELF file");
    }

    @Test
    void rejectsAnEmptyFile(@TempDir Path dir) throws Exception {
        Path empty = Files.write(dir.resolve("empty.elf"), new byte[0]);
        assertThatThrownBy(() -> ElfFile.read(empty)).isInstanceOf(ElfFormatException.class)
                .hasMessageStartingWith(empty + ": empty file");
    }

    @Test
    void rejectsBadMagicShowingTheFirstBytes() {
        rejecting("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII))
                .hasMessageContaining("not an ELF file")
                .hasMessageContaining("starts with 23 21 2f 62");
        rejecting(new byte[] {0x7f, 'E'}).hasMessageContaining("not an ELF file");
    }

    @Test
    void rejects64BitElfWithTheCompilerFlagsToUse() {
        byte[] b = GOOD.clone();
        b[4] = 2;
        rejecting(b).hasMessageContaining("64-bit ELF")
                .hasMessageContaining("socsim runs RV32 programs")
                .hasMessageContaining("-march=rv32imc").hasMessageContaining("-mabi=ilp32");
    }

    @Test
    void rejectsBigEndianElf() {
        byte[] b = GOOD.clone();
        b[5] = 2;
        rejecting(b).hasMessageContaining("big-endian");
    }

    @Test
    void rejectsOtherMachinesByNumberAndName() {
        rejecting(put16(GOOD, 18, 62)).hasMessageContaining("ELF machine 62 (x86-64)")
                .hasMessageContaining("expected 243 (RISC-V)");
        rejecting(put16(GOOD, 18, 183)).hasMessageContaining("ELF machine 183 (AArch64)");
        rejecting(put16(GOOD, 18, 40)).hasMessageContaining("ELF machine 40 (ARM)");
        rejecting(put16(GOOD, 18, 4242)).hasMessageContaining("ELF machine 4242 (unknown)");
    }

    @Test
    void rejectsSharedObjectsAndPieSayingHowToLink() {
        rejecting(put16(GOOD, 16, 3)).hasMessageContaining("ET_DYN")
                .hasMessageContaining("-static -no-pie");
    }

    @Test
    void rejectsRelocatableObjects() {
        rejecting(put16(GOOD, 16, 1)).hasMessageContaining("ET_REL")
                .hasMessageContaining("link it first");
    }

    @Test
    void rejectsATruncatedElfHeader() {
        rejecting(Arrays.copyOf(GOOD, 40)).hasMessageContaining("truncated ELF header (40 bytes");
        rejecting(Arrays.copyOf(GOOD, 10)).hasMessageContaining("truncated ELF identification");
    }

    @Test
    void rejectsATruncatedSectionHeaderTable() {
        rejecting(Arrays.copyOf(GOOD, GOOD.length - 1))
                .hasMessageContaining("section header table")
                .hasMessageContaining("beyond the end of the file (" + (GOOD.length - 1));
    }

    @Test
    void rejectsATruncatedProgramHeaderTable() {
        rejecting(put16(GOOD, 44, 2000)).hasMessageContaining("program header table (2000 entries)")
                .hasMessageContaining("beyond the end of the file");
    }

    @Test
    void rejectsASegmentWhoseBytesLieBeyondTheFile() {
        rejecting(put32(GOOD, phdr(GOOD, 1) + 4, GOOD.length - 4))
                .hasMessageContaining("segment 1 (PT_LOAD at 0x80001000)")
                .hasMessageContaining("beyond the end of the file");
    }

    @Test
    void rejectsASectionWhoseBytesLieBeyondTheFile() {
        rejecting(put32(GOOD, shdr(GOOD, 2) + 20, 0x10_0000))
                .hasMessageContaining("section [2] .data")
                .hasMessageContaining("size 0x100000 extends beyond the end of the file");
    }

    @Test
    void rejectsOverlappingSegments() {
        rejecting(put32(GOOD, phdr(GOOD, 2) + 8, Fixtures.DATA + 4))
                .hasMessageContaining("PT_LOAD segments overlap")
                .hasMessageContaining("[0x80001000, 0x80001008)")
                .hasMessageContaining("[0x80001004, 0x80001104)");
    }

    @Test
    void rejectsASegmentSmallerInMemoryThanInTheFile() {
        rejecting(put32(GOOD, phdr(GOOD, 1) + 20, 4))
                .hasMessageContaining("segment 1")
                .hasMessageContaining("memory size 0x4 is smaller than its file size 0x8");
    }

    @Test
    void rejectsASegmentWrappingTheAddressSpace() {
        rejecting(put32(GOOD, phdr(GOOD, 2) + 20, 0x8000_0000))
                .hasMessageContaining("past the end of the 32-bit address space");
    }

    @Test
    void rejectsABadSectionNameTableIndex() {
        rejecting(put16(GOOD, 50, 99))
                .hasMessageContaining("bad section name string table index 99")
                .hasMessageContaining("has 8 sections");
        rejecting(put16(GOOD, 50, 1))
                .hasMessageContaining("bad section name string table index 1")
                .hasMessageContaining("not a string table");
    }

    @Test
    void rejectsASymbolTableLinkedToSomethingOtherThanAStringTable() {
        int symtab = shdr(GOOD, 5);
        rejecting(put32(GOOD, symtab + 24, 1))
                .hasMessageContaining("symbol table [5] .symtab: bad string table index 1");
        rejecting(put32(GOOD, symtab + 24, 77))
                .hasMessageContaining("bad string table index 77");
    }

    @Test
    void rejectsNameOffsetsOutsideTheirStringTable() {
        rejecting(put32(GOOD, shdr(GOOD, 1), 0x7000))
                .hasMessageContaining("section [1] name: offset 28672 is beyond");
        int firstSymbol = u32(GOOD, shdr(GOOD, 5) + 16) + 16;
        rejecting(put32(GOOD, firstSymbol, 0x7000))
                .hasMessageContaining("symbol 1 name: offset 28672 is beyond the string table .strtab");
    }

    @Test
    void escapesControlCharactersFromTheFileToKeepTheMessageOnOneLine() {
        int shstrtab = u32(GOOD, shdr(GOOD, 7) + 16);
        int dataName = u32(GOOD, shdr(GOOD, 2));
        byte[] b = put32(GOOD, shdr(GOOD, 2) + 20, 0x10_0000);
        b[shstrtab + dataName + 1] = '\n'; // ".data" -> ".\nata"
        rejecting(b).hasMessageContaining("section [2] .\\x0aata").satisfies(
                e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void rejectsBadHeaderEntrySizes() {
        rejecting(put16(GOOD, 42, 56)).hasMessageContaining("program header size 56 (expected 32)");
        rejecting(put16(GOOD, 46, 64)).hasMessageContaining("section header size 64 (expected 40)");
    }

    @Test
    void rejectsAMalformedAttributesSection() {
        int attr = u32(GOOD, shdr(GOOD, 4) + 16);
        byte[] b = GOOD.clone();
        b[attr] = 'B';
        rejecting(b).hasMessageContaining("malformed .riscv.attributes section")
                .hasMessageContaining("format version 0x42");
    }
}
