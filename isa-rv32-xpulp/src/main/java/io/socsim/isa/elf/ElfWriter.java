package io.socsim.isa.elf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a statically linked RV32 executable (ELF32, little-endian, EM_RISCV, ET_EXEC) from
 * in-memory sections and symbols, for tests and for workloads socsim assembles itself.
 *
 * <pre>{@code
 * ElfWriter w = new ElfWriter();
 * w.addSection(".text", 0x8000_0000, code, ElfWriter.TEXT);
 * w.addNobits(".bss", 0x8000_1000, 256, ElfWriter.DATA);
 * w.addSymbol("main", 0x8000_0000, code.length, SymbolType.FUNC, SymbolBinding.GLOBAL, ".text");
 * w.entry(0x8000_0000);
 * w.write(path);
 * }</pre>
 *
 * <p>Layout: ELF header, program headers, allocated section contents (each at a file offset
 * congruent to its address modulo its alignment), then {@code .riscv.attributes},
 * {@code .symtab}, {@code .strtab}, {@code .shstrtab} and the section header table. Every
 * non-empty allocated section gets its own {@code PT_LOAD}, aligned to the section's own
 * alignment (not a page: nothing maps these files). Output depends only on the calls made, in
 * order, so equal inputs give identical bytes.
 */
public final class ElfWriter {

    /** Section flags for code: allocated and executable. */
    public static final int TEXT = Section.SHF_ALLOC | Section.SHF_EXECINSTR;
    /** Section flags for writable data and .bss. */
    public static final int DATA = Section.SHF_ALLOC | Section.SHF_WRITE;
    /** Section flags for read-only data. */
    public static final int RODATA = Section.SHF_ALLOC;

    public static final String DEFAULT_ARCH = "rv32i2p1_m2p0_c2p0_zicsr2p0_zifencei2p0";

    private static final Set<String> RESERVED =
            Set.of("", ".riscv.attributes", ".symtab", ".strtab", ".shstrtab");

    private record Input(String name, int address, byte[] data, int nobitsSize, int flags,
            int alignment, boolean nobits) {
        long size() {
            return nobits ? Integer.toUnsignedLong(nobitsSize) : data.length;
        }
    }

    private final Map<String, Input> sections = new LinkedHashMap<>();
    private final List<Symbol> symbols = new ArrayList<>();
    private final List<String> symbolSections = new ArrayList<>();
    private int entry;
    private boolean compressed = true;
    private String arch = DEFAULT_ARCH;

    /** Adds a PROGBITS section aligned to the largest power of two up to 4 dividing its address. */
    public ElfWriter addSection(String name, int address, byte[] data, int flags) {
        return addSection(name, address, data, flags, naturalAlignment(address));
    }

    /**
     * Adds a PROGBITS section.
     *
     * @param flags {@link Section#SHF_ALLOC}, {@link Section#SHF_WRITE},
     *     {@link Section#SHF_EXECINSTR}, or one of {@link #TEXT}, {@link #DATA}, {@link #RODATA}
     * @param alignment a power of two dividing {@code address}
     */
    public ElfWriter addSection(String name, int address, byte[] data, int flags, int alignment) {
        return add(new Input(name, address, data.clone(), 0, flags, alignment, false));
    }

    /** Adds a NOBITS section (.bss): {@code size} zero bytes in memory, none in the file. */
    public ElfWriter addNobits(String name, int address, int size, int flags) {
        return addNobits(name, address, size, flags, naturalAlignment(address));
    }

    public ElfWriter addNobits(String name, int address, int size, int flags, int alignment) {
        return add(new Input(name, address, new byte[0], size, flags, alignment, true));
    }

    /**
     * Adds a symbol.
     *
     * @param sectionName the section the symbol is defined in (added before or after this call),
     *     or {@code null} for an absolute symbol
     */
    public ElfWriter addSymbol(String name, int value, int size, SymbolType type,
            SymbolBinding binding, String sectionName) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("symbol name must be non-empty and NUL-free: " + name);
        }
        if (type == SymbolType.OTHER || binding == SymbolBinding.OTHER) {
            throw new IllegalArgumentException("symbol " + name + ": type and binding must be concrete");
        }
        symbols.add(new Symbol(name, value, size, type, binding, Symbol.SHN_ABS));
        symbolSections.add(sectionName);
        return this;
    }

    public ElfWriter entry(int address) {
        this.entry = address;
        return this;
    }

    /** Sets EF_RISCV_RVC in e_flags; on by default, matching {@link #DEFAULT_ARCH}. */
    public ElfWriter compressed(boolean hasCompressedCode) {
        this.compressed = hasCompressedCode;
        return this;
    }

    /** The Tag_RISCV_arch string, e.g. {@code rv32i2p1_m2p0_c2p0_zicsr2p0_zifencei2p0}. */
    public ElfWriter arch(String riscvArch) {
        if (riscvArch == null || riscvArch.isEmpty() || riscvArch.indexOf('\0') >= 0
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(riscvArch)) {
            throw new IllegalArgumentException("arch must be a non-empty ASCII string: " + riscvArch);
        }
        this.arch = riscvArch;
        return this;
    }

    public void write(Path path) throws IOException {
        Files.write(path, toBytes());
    }

    public byte[] toBytes() {
        List<Input> secs = new ArrayList<>(sections.values());
        checkOverlaps(secs);
        List<Input> loadable = secs.stream()
                .filter(s -> (s.flags & Section.SHF_ALLOC) != 0 && s.size() > 0).toList();

        // Section header indices: 0 null, then user sections, then the four generated ones.
        int attrIndex = secs.size() + 1;
        int symtabIndex = attrIndex + 1;
        int strtabIndex = symtabIndex + 1;
        int shstrtabIndex = strtabIndex + 1;
        int shnum = shstrtabIndex + 1;

        StringTable shstr = new StringTable();
        StringTable str = new StringTable();
        byte[] attributes = RiscvAttributes.encode(arch);
        byte[] symtab = symbolTable(secs, str);
        int localCount = countLocals();

        // File layout.
        long offset = ElfFile.EHDR_SIZE + (long) loadable.size() * ElfFile.PHDR_SIZE;
        long[] secOffset = new long[secs.size()];
        for (int i = 0; i < secs.size(); i++) {
            Input s = secs.get(i);
            offset = alignUp(offset, s.alignment);
            secOffset[i] = offset;
            if (!s.nobits) {
                offset += s.data.length;
            }
        }
        long attrOffset = offset;
        offset += attributes.length;
        long symtabOffset = alignUp(offset, 4);
        offset = symtabOffset + symtab.length;
        long strtabOffset = offset;
        // Names are interned before the tables are sized: .shstrtab must name itself too.
        for (Input s : secs) {
            shstr.add(s.name);
        }
        for (String n : List.of(".riscv.attributes", ".symtab", ".strtab", ".shstrtab")) {
            shstr.add(n);
        }
        byte[] strBytes = str.bytes();
        byte[] shstrBytes = shstr.bytes();
        offset += strBytes.length;
        long shstrtabOffset = offset;
        offset += shstrBytes.length;
        long shoff = alignUp(offset, 4);
        long total = shoff + (long) shnum * ElfFile.SHDR_SIZE;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("ELF image would exceed 2 GiB");
        }

        ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        writeHeader(out, loadable.size(), shoff, shnum, shstrtabIndex);

        out.position(ElfFile.EHDR_SIZE);
        for (int i = 0; i < secs.size(); i++) {
            Input s = secs.get(i);
            if (!loadable.contains(s)) {
                continue;
            }
            int pflags = ProgramHeader.PF_R
                    | ((s.flags & Section.SHF_WRITE) != 0 ? ProgramHeader.PF_W : 0)
                    | ((s.flags & Section.SHF_EXECINSTR) != 0 ? ProgramHeader.PF_X : 0);
            out.putInt(ProgramHeader.PT_LOAD);
            out.putInt((int) secOffset[i]);
            out.putInt(s.address);
            out.putInt(s.address);
            out.putInt(s.nobits ? 0 : s.data.length);
            out.putInt((int) s.size());
            out.putInt(pflags);
            out.putInt(s.alignment);
        }

        for (int i = 0; i < secs.size(); i++) {
            if (!secs.get(i).nobits) {
                out.put((int) secOffset[i], secs.get(i).data);
            }
        }
        out.put((int) attrOffset, attributes);
        out.put((int) symtabOffset, symtab);
        out.put((int) strtabOffset, strBytes);
        out.put((int) shstrtabOffset, shstrBytes);

        out.position((int) shoff);
        out.put(new byte[ElfFile.SHDR_SIZE]); // the null section
        for (int i = 0; i < secs.size(); i++) {
            Input s = secs.get(i);
            sectionHeader(out, shstr.offset(s.name),
                    s.nobits ? Section.SHT_NOBITS : Section.SHT_PROGBITS, s.flags, s.address,
                    secOffset[i], s.size(), 0, 0, s.alignment, 0);
        }
        sectionHeader(out, shstr.offset(".riscv.attributes"), Section.SHT_RISCV_ATTRIBUTES, 0, 0,
                attrOffset, attributes.length, 0, 0, 1, 0);
        sectionHeader(out, shstr.offset(".symtab"), Section.SHT_SYMTAB, 0, 0, symtabOffset,
                symtab.length, strtabIndex, 1 + localCount, 4, ElfFile.SYM_SIZE);
        sectionHeader(out, shstr.offset(".strtab"), Section.SHT_STRTAB, 0, 0, strtabOffset,
                strBytes.length, 0, 0, 1, 0);
        sectionHeader(out, shstr.offset(".shstrtab"), Section.SHT_STRTAB, 0, 0, shstrtabOffset,
                shstrBytes.length, 0, 0, 1, 0);
        return out.array();
    }

    // ------------------------------------------------------------------------------ internals

    /**
     * Whether {@code name} may name a section given to this writer: non-empty, NUL-free and none
     * of the tables the writer adds itself ({@code .symtab}, {@code .strtab}, {@code .shstrtab},
     * {@code .riscv.attributes}).
     */
    public static boolean isUsableSectionName(String name) {
        return name != null && !RESERVED.contains(name) && name.indexOf('\0') < 0;
    }

    private ElfWriter add(Input s) {
        if (!isUsableSectionName(s.name)) {
            throw new IllegalArgumentException("section name is reserved or invalid: " + s.name);
        }
        if (sections.containsKey(s.name)) {
            throw new IllegalArgumentException("duplicate section " + s.name);
        }
        if (s.alignment <= 0 || Integer.bitCount(s.alignment) != 1) {
            throw new IllegalArgumentException("section " + s.name + ": alignment " + s.alignment
                    + " is not a power of two");
        }
        if ((s.address & (s.alignment - 1)) != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "section %s: address 0x%08x is not %d-byte aligned", s.name, s.address,
                    s.alignment));
        }
        if (Integer.toUnsignedLong(s.address) + s.size() > 1L << 32) {
            throw new IllegalArgumentException("section " + s.name
                    + " runs past the end of the 32-bit address space");
        }
        sections.put(s.name, s);
        return this;
    }

    private static int naturalAlignment(int address) {
        return address == 0 ? 4 : Math.min(4, Integer.lowestOneBit(address));
    }

    private static void checkOverlaps(List<Input> secs) {
        List<Input> alloc = secs.stream()
                .filter(s -> (s.flags & Section.SHF_ALLOC) != 0 && s.size() > 0)
                .sorted((a, b) -> Integer.compareUnsigned(a.address, b.address)).toList();
        for (int i = 1; i < alloc.size(); i++) {
            Input a = alloc.get(i - 1);
            Input b = alloc.get(i);
            if (Integer.toUnsignedLong(a.address) + a.size() > Integer.toUnsignedLong(b.address)) {
                throw new IllegalArgumentException("sections " + a.name + " and " + b.name
                        + " overlap in memory");
            }
        }
    }

    private int countLocals() {
        return (int) symbols.stream().filter(s -> s.binding() == SymbolBinding.LOCAL).count();
    }

    /** The ELF ABI wants all local symbols before the global ones; keep each group in order. */
    private byte[] symbolTable(List<Input> secs, StringTable str) {
        List<String> names = secs.stream().map(Input::name).toList();
        Set<String> known = new HashSet<>(names);
        ByteBuffer b = ByteBuffer.allocate((symbols.size() + 1) * ElfFile.SYM_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[ElfFile.SYM_SIZE]);
        for (boolean locals : new boolean[] {true, false}) {
            for (int i = 0; i < symbols.size(); i++) {
                Symbol s = symbols.get(i);
                if ((s.binding() == SymbolBinding.LOCAL) != locals) {
                    continue;
                }
                String sec = symbolSections.get(i);
                if (sec != null && !known.contains(sec)) {
                    throw new IllegalArgumentException("symbol " + s.name()
                            + " refers to unknown section " + sec);
                }
                b.putInt(str.add(s.name()));
                b.putInt(s.value());
                b.putInt(s.size());
                b.put((byte) (s.binding().code() << 4 | s.type().code()));
                b.put((byte) 0); // st_other: default visibility
                b.putShort((short) (sec == null ? Symbol.SHN_ABS : 1 + names.indexOf(sec)));
            }
        }
        return b.array();
    }

    private void writeHeader(ByteBuffer out, int phnum, long shoff, int shnum, int shstrndx) {
        out.put(new byte[] {0x7f, 'E', 'L', 'F', 1 /* ELFCLASS32 */, 1 /* ELFDATA2LSB */,
            1 /* EV_CURRENT */, 0 /* ELFOSABI_NONE */});
        out.position(16);
        out.putShort((short) ElfFile.ET_EXEC);
        out.putShort((short) ElfFile.EM_RISCV);
        out.putInt(1);
        out.putInt(entry);
        out.putInt(phnum == 0 ? 0 : ElfFile.EHDR_SIZE);
        out.putInt((int) shoff);
        out.putInt(compressed ? ElfFile.EF_RISCV_RVC : 0); // float ABI bits 0 = soft
        out.putShort((short) ElfFile.EHDR_SIZE);
        out.putShort((short) ElfFile.PHDR_SIZE);
        out.putShort((short) phnum);
        out.putShort((short) ElfFile.SHDR_SIZE);
        out.putShort((short) shnum);
        out.putShort((short) shstrndx);
    }

    private static void sectionHeader(ByteBuffer out, int name, int type, int flags, int addr,
            long offset, long size, int link, int info, int align, int entsize) {
        out.putInt(name);
        out.putInt(type);
        out.putInt(flags);
        out.putInt(addr);
        out.putInt((int) offset);
        out.putInt((int) size);
        out.putInt(link);
        out.putInt(info);
        out.putInt(align);
        out.putInt(entsize);
    }

    private static long alignUp(long value, int alignment) {
        return (value + alignment - 1) & -(long) alignment;
    }

    /** A string table that stores each distinct string once; offset 0 is the empty string. */
    private static final class StringTable {
        private final Map<String, Integer> offsets = new LinkedHashMap<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StringTable() {
            bytes.write(0);
            offsets.put("", 0);
        }

        int add(String s) {
            return offsets.computeIfAbsent(s, k -> {
                int at = bytes.size();
                bytes.writeBytes(k.getBytes(StandardCharsets.UTF_8));
                bytes.write(0);
                return at;
            });
        }

        int offset(String s) {
            return offsets.get(s);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
