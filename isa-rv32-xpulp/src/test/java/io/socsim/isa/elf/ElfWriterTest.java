package io.socsim.isa.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfWriterTest {

    @Test
    void roundTripsSectionsSegmentsSymbolsAndEntry() {
        ElfFile elf = ElfFile.read(Fixtures.sampleElf(), "sample");
        byte[] code = Fixtures.rv32imcCode();

        assertThat(elf.entry()).isEqualTo(Fixtures.TEXT);
        assertThat(elf.flags()).isEqualTo(ElfFile.EF_RISCV_RVC);
        assertThat(elf.riscvArch()).contains(ElfWriter.DEFAULT_ARCH);
        assertThat(elf.sections()).extracting(Section::name).containsExactly("", ".text", ".data",
                ".bss", ".riscv.attributes", ".symtab", ".strtab", ".shstrtab");
        assertThat(elf.contents(elf.section(".text").orElseThrow())).isEqualTo(code);

        assertThat(elf.segments()).containsExactly(
                new Segment(Fixtures.TEXT, Fixtures.TEXT, code, code.length,
                        ProgramHeader.PF_R | ProgramHeader.PF_X, 2),
                new Segment(Fixtures.DATA, Fixtures.DATA, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 8,
                        ProgramHeader.PF_R | ProgramHeader.PF_W, 4),
                new Segment(Fixtures.BSS, Fixtures.BSS, new byte[0], 256,
                        ProgramHeader.PF_R | ProgramHeader.PF_W, 4));

        assertThat(elf.symbol("_start")).contains(new Symbol("_start", Fixtures.TEXT, code.length,
                SymbolType.FUNC, SymbolBinding.GLOBAL, 1));
        assertThat(elf.symbol("scratch")).contains(new Symbol("scratch", Fixtures.BSS, 256,
                SymbolType.OBJECT, SymbolBinding.LOCAL, 3));
        assertThat(elf.symbol("__stack_size").orElseThrow().sectionIndex())
                .isEqualTo(Symbol.SHN_ABS);
        assertThat(elf.describe(Fixtures.TEXT + 10)).isEqualTo("0x8000000a <loop+0x4>");
    }

    @Test
    void placesLocalSymbolsBeforeGlobalsAndRecordsTheFirstGlobal() {
        ElfFile elf = ElfFile.read(Fixtures.sampleElf(), "sample");
        assertThat(elf.symbols()).extracting(Symbol::name)
                .containsExactly("scratch", "loop", "_start", "table", "__stack_size");
        assertThat(elf.section(".symtab").orElseThrow().info()).isEqualTo(3); // 1 null + 2 locals
    }

    @Test
    void producesIdenticalBytesForIdenticalInput() {
        assertThat(Fixtures.sampleElf()).isEqualTo(Fixtures.sampleElf());
    }

    @Test
    void placesSectionDataAtOffsetsCongruentToAddresses() {
        ElfFile elf = ElfFile.read(Fixtures.sampleElf(), "sample");
        for (ProgramHeader p : elf.programHeaders()) {
            assertThat(p.type()).isEqualTo(ProgramHeader.PT_LOAD);
            assertThat(Integer.remainderUnsigned(p.offset() - p.vaddr(), p.alignment())).isZero();
        }
    }

    @Test
    void clearsTheRvcFlagAndWritesTheCallersArch() {
        byte[] out = new ElfWriter().arch("rv32i2p1_m2p0").compressed(false)
                .addSection(".text", 0x1000, new byte[] {0x13, 0, 0, 0}, ElfWriter.TEXT)
                .entry(0x1000).toBytes();
        ElfFile elf = ElfFile.read(out, "no-rvc");
        assertThat(elf.flags()).isZero();
        assertThat(elf.riscvArch()).contains("rv32i2p1_m2p0");
    }

    @Test
    void writesAFileWithoutSymbols(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bare.elf");
        new ElfWriter().addSection(".text", 0, new byte[4], ElfWriter.TEXT).write(file);
        ElfFile elf = ElfFile.read(file);
        assertThat(elf.symbols()).isEmpty();
        assertThat(elf.segments()).hasSize(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(
                new ElfWriter().addSection(".text", 0, new byte[4], ElfWriter.TEXT).toBytes());
    }

    @Test
    void keepsNonAllocatedSectionsOutOfTheLoadSegments() {
        byte[] out = new ElfWriter()
                .addSection(".text", 0x100, new byte[8], ElfWriter.TEXT)
                .addSection(".comment", 0, "socsim\0".getBytes(), 0, 1)
                .addSection(".empty", 0x200, new byte[0], ElfWriter.DATA)
                .toBytes();
        ElfFile elf = ElfFile.read(out, "comment");
        assertThat(elf.segments()).hasSize(1);
        assertThat(elf.contents(elf.section(".comment").orElseThrow()))
                .isEqualTo("socsim\0".getBytes());
    }

    /**
     * Not an assertion on GNU tools (the suite must not need them): leaves the sample where
     * docs/elf.md's readelf/objdump commands expect it.
     */
    @Test
    void leavesSamplesForManualInspectionWithGnuTools() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "elf-samples"));
        Fixtures.sampleWriter().write(dir.resolve("rv32imc.elf"));
        Fixtures.sampleWriter().arch("rv32i2p1").compressed(false).write(dir.resolve("rv32i.elf"));
        assertThat(ElfFile.read(dir.resolve("rv32i.elf")).riscvArch()).contains("rv32i2p1");
    }

    @Test
    void rejectsOverlappingSections() {
        ElfWriter w = new ElfWriter()
                .addSection(".text", 0x100, new byte[8], ElfWriter.TEXT)
                .addNobits(".bss", 0x104, 16, ElfWriter.DATA);
        assertThatThrownBy(w::toBytes).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".text").hasMessageContaining(".bss")
                .hasMessageContaining("overlap");
    }

    @Test
    void rejectsDuplicateReservedAndMisalignedSections() {
        ElfWriter w = new ElfWriter().addSection(".text", 0x100, new byte[4], ElfWriter.TEXT);
        assertThatThrownBy(() -> w.addSection(".text", 0x200, new byte[4], ElfWriter.TEXT))
                .hasMessageContaining("duplicate section .text");
        assertThatThrownBy(() -> w.addSection(".symtab", 0, new byte[4], 0))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> w.addSection(".data", 0x202, new byte[4], ElfWriter.DATA, 4))
                .hasMessageContaining("0x00000202 is not 4-byte aligned");
        assertThatThrownBy(() -> w.addSection(".data", 0x200, new byte[4], ElfWriter.DATA, 3))
                .hasMessageContaining("not a power of two");
        assertThatThrownBy(() -> w.addNobits(".bss", 0xffff_ff00, 0x200, ElfWriter.DATA))
                .hasMessageContaining("32-bit address space");
    }

    @Test
    void rejectsSymbolsInUnknownSections() {
        ElfWriter w = new ElfWriter()
                .addSymbol("x", 0, 0, SymbolType.NOTYPE, SymbolBinding.GLOBAL, ".nowhere");
        assertThatThrownBy(w::toBytes).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol x refers to unknown section .nowhere");
    }
}
