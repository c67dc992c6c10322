package io.socsim.isa.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads hello.elf, built by riscv64-unknown-elf-gcc 12.2 (see hello.S). Every expected value
 * below was read off {@code riscv64-unknown-elf-readelf -a hello.elf}.
 */
class GccFixtureTest {

    private final ElfFile elf = ElfFile.read(Fixtures.helloElf(), "hello.elf");

    @Test
    void headerMatchesReadelf() {
        assertThat(elf.entry()).isEqualTo(0x8000_0000);
        assertThat(elf.flags()).isEqualTo(ElfFile.EF_RISCV_RVC);
        assertThat(elf.floatAbi()).isZero();
        assertThat(elf.name()).isEqualTo("hello.elf");
    }

    @Test
    void programHeadersMatchReadelf() {
        assertThat(elf.programHeaders()).containsExactly(
                new ProgramHeader(ProgramHeader.PT_RISCV_ATTRIBUTES, 0x103c, 0, 0, 0x42, 0,
                        ProgramHeader.PF_R, 1),
                new ProgramHeader(ProgramHeader.PT_LOAD, 0, 0x7fff_f000, 0x7fff_f000, 0x102c,
                        0x102c, ProgramHeader.PF_R | ProgramHeader.PF_X, 0x1000),
                new ProgramHeader(ProgramHeader.PT_LOAD, 0x102c, 0x8000_102c, 0x8000_102c, 0x10,
                        0x114, ProgramHeader.PF_R | ProgramHeader.PF_W, 0x1000));
    }

    @Test
    void loadSegmentsCarryFileBytesAndZeroFilledBss() {
        List<Segment> segs = elf.segments();
        assertThat(segs).hasSize(2);
        Segment code = segs.get(0);
        assertThat(code.vaddr()).isEqualTo(0x7fff_f000);
        assertThat(code.fileSize()).isEqualTo(0x102c);
        assertThat(code.isExecutable()).isTrue();
        assertThat(code.isWritable()).isFalse();
        // auipc gp,0x2 at _start (0x80000000 = segment offset 0x1000), per objdump -d.
        assertThat(Fixtures.u32(code.data(), 0x1000)).isEqualTo(0x0000_2197);

        Segment data = segs.get(1);
        assertThat(data.vaddr()).isEqualTo(0x8000_102c);
        assertThat(data.paddr()).isEqualTo(0x8000_102c);
        assertThat(data.fileSize()).isEqualTo(0x10);
        assertThat(data.memSize()).isEqualTo(0x114);
        assertThat(data.isWritable()).isTrue();
        byte[] image = data.image();
        assertThat(image).hasSize(0x114);
        assertThat(Fixtures.u32(image, 0)).isEqualTo(1); // table[0]
        assertThat(Fixtures.u32(image, 12)).isEqualTo(4); // table[3]
        for (int i = 0x10; i < image.length; i++) {
            assertThat(image[i]).as("bss byte %d", i).isZero();
        }
    }

    @Test
    void sectionHeadersMatchReadelf() {
        assertThat(elf.sections()).extracting(Section::name).containsExactly("", ".text", ".data",
                ".bss", ".riscv.attributes", ".symtab", ".strtab", ".shstrtab");
        Section text = elf.section(".text").orElseThrow();
        assertThat(text).isEqualTo(new Section(".text", Section.SHT_PROGBITS,
                ElfWriter.TEXT, 0x8000_0000, 0x1000, 0x2c, 0, 0, 2, 0));
        Section bss = elf.section(".bss").orElseThrow();
        assertThat(bss.isNobits()).isTrue();
        assertThat(bss.address()).isEqualTo(0x8000_103c);
        assertThat(bss.size()).isEqualTo(0x104);
        assertThat(elf.contents(bss)).isEmpty();
        assertThat(elf.section(".symtab").orElseThrow().size()).isEqualTo(0x140);
        assertThat(elf.section(".riscv.attributes").orElseThrow().type())
                .isEqualTo(Section.SHT_RISCV_ATTRIBUTES);
    }

    @Test
    void symbolsMatchReadelf() {
        assertThat(elf.symbols()).hasSize(19); // readelf counts 20 including the null entry
        assertThat(elf.symbol("main")).contains(new Symbol("main", 0x8000_0010, 28,
                SymbolType.FUNC, SymbolBinding.GLOBAL, 1));
        assertThat(elf.symbol("_start")).contains(new Symbol("_start", 0x8000_0000, 16,
                SymbolType.FUNC, SymbolBinding.GLOBAL, 1));
        assertThat(elf.symbol("table")).contains(new Symbol("table", 0x8000_102c, 16,
                SymbolType.OBJECT, SymbolBinding.GLOBAL, 2));
        assertThat(elf.symbol("counter")).contains(new Symbol("counter", 0x8000_103c, 4,
                SymbolType.OBJECT, SymbolBinding.GLOBAL, 3));
        assertThat(elf.symbol("stack_top").orElseThrow().binding()).isEqualTo(SymbolBinding.LOCAL);
        assertThat(elf.symbol("__global_pointer$").orElseThrow().sectionIndex())
                .isEqualTo(Symbol.SHN_ABS);
        assertThat(elf.symbolAddress("__global_pointer$")).contains(0x8000_182c);
        assertThat(elf.symbolAddress("_end")).contains(0x8000_1140);
        assertThat(elf.symbolAddress("no_such_symbol")).isEmpty();
        assertThat(elf.symbols()).filteredOn(s -> s.type() == SymbolType.FILE).hasSize(1);
    }

    @Test
    void describesAddressesRelativeToTheEnclosingSymbol() {
        assertThat(elf.describe(0x8000_0010)).isEqualTo("0x80000010 <main>");
        assertThat(elf.describe(0x8000_0024)).isEqualTo("0x80000024 <main+0x14>");
        assertThat(elf.describe(0x8000_000e)).isEqualTo("0x8000000e <_start+0xe>");
        assertThat(elf.describe(0x8000_1038)).isEqualTo("0x80001038 <table+0xc>");
        // Past counter: the unsized label "stack" covers the rest of .bss.
        assertThat(elf.describe(0x8000_1050)).isEqualTo("0x80001050 <stack+0x10>");
        assertThat(elf.describe(0x1234)).isEqualTo("0x00001234");
    }

    @Test
    void exposesTheArchAttributeGccRecorded() {
        assertThat(elf.riscvArch())
                .contains("rv32i2p1_m2p0_c2p0_zicsr2p0_zifencei2p0_zmmul1p0");
    }

    @Test
    void findsTheSegmentHoldingAnAddress() {
        assertThat(elf.segmentContaining(0x8000_1100)).map(Segment::vaddr).contains(0x8000_102c);
        assertThat(elf.segmentContaining(0x8000_1140)).isEmpty();
    }
}
