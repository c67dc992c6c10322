package io.socsim.isa.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A validated RV32 executable: ELF32, little-endian, {@code EM_RISCV}, {@code ET_EXEC}.
 *
 * <p>{@link #read} checks everything a loader or a symbolizer would later index with (table
 * bounds, string offsets, segment ranges), so a successfully read file never fails later with an
 * index error, and any malformed input, however corrupted, is reported as one
 * {@link ElfFormatException}. All addresses are unsigned 32-bit values held in {@code int}s.
 */
public final class ElfFile {

    public static final int EM_RISCV = 243;
    public static final int ET_EXEC = 2;
    /** {@code e_flags} bit: the code may contain compressed (RVC) instructions. */
    public static final int EF_RISCV_RVC = 0x1;

    static final int EHDR_SIZE = 52;
    static final int PHDR_SIZE = 32;
    static final int SHDR_SIZE = 40;
    static final int SYM_SIZE = 16;

    private static final String BUILD_HINT =
            "compile with -march=rv32imc_zicsr_zifencei -mabi=ilp32 (riscv64-unknown-elf-gcc)";

    private final String name;
    private final byte[] bytes;
    private final int entry;
    private final int flags;
    private final List<ProgramHeader> programHeaders;
    private final List<Segment> segments;
    private final List<Section> sections;
    private final List<Symbol> symbols;
    private final Map<String, Symbol> byName;
    /** Candidates for {@link #symbolAt}, sorted by address. */
    private final List<Symbol> addressOrder;
    private final Optional<String> riscvArch;

    private ElfFile(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes;
        Reader r = new Reader(name, bytes);
        checkIdent(r);
        int type = r.u16(16);
        int machine = r.u16(18);
        if (machine != EM_RISCV) {
            throw r.fail(String.format(Locale.ROOT,
                    "ELF machine %d (%s), expected %d (RISC-V); socsim runs RV32 RISC-V programs",
                    machine, machineName(machine), EM_RISCV));
        }
        if (type != ET_EXEC) {
            throw r.fail(typeProblem(type));
        }
        this.entry = r.i32(24);
        this.flags = r.i32(36);
        this.sections = readSections(r);
        this.programHeaders = readProgramHeaders(r);
        this.segments = loadSegments(r, programHeaders);
        this.symbols = readSymbols(r, sections);
        this.byName = indexByName(symbols);
        this.addressOrder = addressOrder(symbols);
        this.riscvArch = readArch(r, sections);
    }

    /** Reads and validates the file at {@code path}; messages name it as given. */
    public static ElfFile read(Path path) {
        String shown = path.toString();
        byte[] data;
        try {
            if (Files.isDirectory(path)) {
                throw new ElfFormatException(shown, "is a directory, not an ELF file");
            }
            data = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ElfFormatException(shown, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new ElfFormatException(shown, "permission denied", e);
        } catch (IOException e) {
            throw new ElfFormatException(shown, "cannot read file: " + e.getMessage(), e);
        }
        return new ElfFile(shown, data);
    }

    /**
     * Reads and validates an in-memory image.
     *
     * @param nameForMessages how to call the image in error messages, e.g. its path
     */
    public static ElfFile read(byte[] bytes, String nameForMessages) {
        return new ElfFile(nameForMessages, bytes.clone());
    }

    public String name() {
        return name;
    }

    public int entry() {
        return entry;
    }

    /** The raw {@code e_flags}; see {@link #EF_RISCV_RVC}. */
    public int flags() {
        return flags;
    }

    /** Float ABI from {@code e_flags} bits 1-2: 0 soft, 1 single, 2 double, 3 quad. */
    public int floatAbi() {
        return (flags >>> 1) & 3;
    }

    /** All program headers in file order, including non-loadable ones. */
    public List<ProgramHeader> programHeaders() {
        return programHeaders;
    }

    /** The {@code PT_LOAD} segments in file order, with their bytes. */
    public List<Segment> segments() {
        return segments;
    }

    /** The loadable segment covering {@code address}, if any. */
    public Optional<Segment> segmentContaining(int address) {
        return segments.stream().filter(s -> s.contains(address)).findFirst();
    }

    /** Section headers in index order; index 0 is the null section. Empty if the file has none. */
    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
    }

    /**
     * The file bytes of one of this file's sections; empty for NOBITS.
     *
     * @throws IllegalArgumentException if the section's range lies outside this file
     */
    public byte[] contents(Section section) {
        long end = Integer.toUnsignedLong(section.offset()) + Integer.toUnsignedLong(section.size());
        if (hasFileBytes(section) && end > bytes.length) {
            throw new IllegalArgumentException("not a section of " + name + ": " + section.name());
        }
        return sectionBytes(bytes, section);
    }

    /** Only for sections whose range {@link #readSections} has checked. */
    private static byte[] sectionBytes(byte[] file, Section s) {
        if (!hasFileBytes(s)) {
            return new byte[0];
        }
        return Arrays.copyOfRange(file, s.offset(), s.offset() + s.size());
    }

    /** The {@code .symtab} entries in table order, without the null entry 0. */
    public List<Symbol> symbols() {
        return symbols;
    }

    /**
     * The symbol called {@code symbolName}. If several share the name, a global one wins over a
     * weak one over a local one, then the earliest in the table.
     */
    public Optional<Symbol> symbol(String symbolName) {
        return Optional.ofNullable(byName.get(symbolName));
    }

    public Optional<Integer> symbolAddress(String symbolName) {
        return symbol(symbolName).map(Symbol::value);
    }

    /**
     * The symbol an address belongs to: a function or object whose extent covers it, otherwise
     * the nearest named symbol at or below it within the same allocated section (how hand-written
     * assembly labels, which have no size, are found).
     */
    public Optional<Symbol> symbolAt(int address) {
        Symbol best = null;
        for (Symbol s : addressOrder) {
            if (Integer.compareUnsigned(s.value(), address) > 0) {
                break;
            }
            if (s.contains(address) || s.size() == 0 && inSameSection(s, address)) {
                best = s; // later (higher) candidates are tighter matches
            }
        }
        return Optional.ofNullable(best);
    }

    /** Formats an address for messages: {@code 0x80000124 <main+0x14>}, or just the hex. */
    public String describe(int address) {
        String hex = hex8(address);
        return symbolAt(address).map(s -> {
            int off = address - s.value();
            String symbolName = ElfFormatException.printable(s.name());
            return off == 0 ? hex + " <" + symbolName + ">"
                    : hex + " <" + symbolName + "+0x" + Integer.toHexString(off) + ">";
        }).orElse(hex);
    }

    /** {@code 0x%08x} without String.format, which is slow enough to matter in trace output. */
    static String hex8(int value) {
        String digits = Integer.toHexString(value);
        return "0x" + "00000000".substring(digits.length()) + digits;
    }

    /** {@code Tag_RISCV_arch} from {@code .riscv.attributes}, e.g. {@code rv32i2p1_m2p0_c2p0}. */
    public Optional<String> riscvArch() {
        return riscvArch;
    }

    /** Whether a section occupies file bytes; only those have their range checked. */
    private static boolean hasFileBytes(Section s) {
        return !s.isNobits() && s.type() != Section.SHT_NULL && s.size() != 0;
    }

    /** Absolute symbols (linker-script values like __global_pointer$) never qualify. */
    private boolean inSameSection(Symbol s, int address) {
        int idx = s.sectionIndex();
        return idx > 0 && idx < sections.size() && sections.get(idx).contains(address);
    }

    // ---------------------------------------------------------------- validation and parsing

    private static void checkIdent(Reader r) {
        byte[] b = r.bytes;
        if (b.length == 0) {
            throw r.fail("empty file (0 bytes), not an ELF executable");
        }
        if (b.length < 4 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < Math.min(4, b.length); i++) {
                first.append(String.format(Locale.ROOT, "%s%02x", i == 0 ? "" : " ", b[i] & 0xff));
            }
            throw r.fail("not an ELF file (bad magic: starts with " + first
                    + ", expected 7f 45 4c 46 = \\x7fELF)");
        }
        if (b.length < 16) {
            throw r.fail("truncated ELF identification (" + b.length + " bytes, need 16)");
        }
        int cls = b[4] & 0xff;
        if (cls == 2) {
            throw r.fail("64-bit ELF (ELFCLASS64); socsim runs RV32 programs — " + BUILD_HINT);
        }
        if (cls != 1) {
            throw r.fail("invalid ELF class " + cls + " (expected 1 = ELFCLASS32)");
        }
        int data = b[5] & 0xff;
        if (data == 2) {
            throw r.fail("big-endian ELF (ELFDATA2MSB); socsim runs little-endian RISC-V programs");
        }
        if (data != 1) {
            throw r.fail("invalid ELF data encoding " + data + " (expected 1 = little-endian)");
        }
        if ((b[6] & 0xff) != 1) {
            throw r.fail("unsupported ELF version " + (b[6] & 0xff) + " (expected 1)");
        }
        if (b.length < EHDR_SIZE) {
            throw r.fail("truncated ELF header (" + b.length + " bytes, need " + EHDR_SIZE + ")");
        }
    }

    private static String typeProblem(int type) {
        return switch (type) {
            case 0 -> "ELF type ET_NONE (0); expected an executable (ET_EXEC)";
            case 1 -> "ELF type ET_REL (1): a relocatable object file, not an executable; "
                    + "link it first (expected ET_EXEC)";
            case 3 -> "ELF type ET_DYN (3): a shared object or position-independent executable; "
                    + "socsim needs a statically linked ET_EXEC — link with -static -no-pie";
            case 4 -> "ELF type ET_CORE (4): a core dump, not an executable (expected ET_EXEC)";
            default -> "unknown ELF type " + type + " (expected 2 = ET_EXEC)";
        };
    }

    static String machineName(int machine) {
        return switch (machine) {
            case 0 -> "none";
            case 2 -> "SPARC";
            case 3 -> "x86 (i386)";
            case 8 -> "MIPS";
            case 20 -> "PowerPC";
            case 21 -> "PowerPC64";
            case 22 -> "S/390";
            case 40 -> "ARM";
            case 43 -> "SPARC V9";
            case 50 -> "IA-64";
            case 62 -> "x86-64";
            case 83 -> "AVR";
            case 94 -> "Xtensa";
            case 105 -> "MSP430";
            case 164 -> "Hexagon";
            case 183 -> "AArch64";
            case 243 -> "RISC-V";
            case 258 -> "LoongArch";
            default -> "unknown";
        };
    }

    private static List<Section> readSections(Reader r) {
        long shoff = r.u32(32);
        int shentsize = r.u16(46);
        long shnum = r.u16(48);
        int shstrndx = r.u16(50);
        if (shoff == 0) {
            return List.of(); // no section header table: still loadable, just no symbols
        }
        if (shentsize != SHDR_SIZE) {
            throw r.fail("section header size " + shentsize + " (expected " + SHDR_SIZE + ")");
        }
        r.requireRange("section header table", shoff, SHDR_SIZE);
        // Extended numbering: counts that do not fit 16 bits live in section header 0.
        if (shnum == 0) {
            shnum = r.u32(shoff + 20);
        }
        if (shstrndx == 0xffff) {
            shstrndx = (int) Math.min(r.u32(shoff + 24), Integer.MAX_VALUE);
        }
        r.requireRange("section header table (" + shnum + " entries)", shoff, shnum * SHDR_SIZE);
        int n = (int) shnum;
        long[][] raw = new long[n][];
        for (int i = 0; i < n; i++) {
            long at = shoff + (long) i * SHDR_SIZE;
            raw[i] = new long[10];
            for (int f = 0; f < 10; f++) {
                raw[i][f] = r.u32(at + 4L * f);
            }
        }
        byte[] names = null;
        if (shstrndx != 0) {
            if (shstrndx >= n) {
                throw r.fail("bad section name string table index " + shstrndx + " (e_shstrndx; "
                        + "the file has " + n + " sections)");
            }
            if (raw[shstrndx][1] != Section.SHT_STRTAB) {
                throw r.fail("bad section name string table index " + shstrndx
                        + " (e_shstrndx): section " + shstrndx + " is not a string table");
            }
            long off = raw[shstrndx][4];
            long size = raw[shstrndx][5];
            r.requireRange("section name string table", off, size);
            names = Arrays.copyOfRange(r.bytes, (int) off, (int) (off + size));
        }
        List<Section> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long[] h = raw[i];
            String secName = names == null ? "" : r.string(names, h[0],
                    "section [" + i + "] name", "section name string table");
            int type = (int) h[1];
            Section sec = new Section(secName, type, (int) h[2], (int) h[3], (int) h[4],
                    (int) h[5], (int) h[6], (int) h[7], (int) h[8], (int) h[9]);
            if (hasFileBytes(sec)) {
                int index = i;
                r.requireRange(() -> "section [" + index + "] " + secName, h[4], h[5]);
            }
            out.add(sec);
        }
        return List.copyOf(out);
    }

    private static List<ProgramHeader> readProgramHeaders(Reader r) {
        long phoff = r.u32(28);
        int phentsize = r.u16(42);
        int phnum = r.u16(44);
        if (phnum == 0) {
            return List.of();
        }
        if (phentsize != PHDR_SIZE) {
            throw r.fail("program header size " + phentsize + " (expected " + PHDR_SIZE + ")");
        }
        r.requireRange("program header table (" + phnum + " entries)", phoff,
                (long) phnum * PHDR_SIZE);
        List<ProgramHeader> out = new ArrayList<>(phnum);
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * PHDR_SIZE;
            out.add(new ProgramHeader(r.i32(at), r.i32(at + 4), r.i32(at + 8), r.i32(at + 12),
                    r.i32(at + 16), r.i32(at + 20), r.i32(at + 24), r.i32(at + 28)));
        }
        return List.copyOf(out);
    }

    private static List<Segment> loadSegments(Reader r, List<ProgramHeader> headers) {
        List<ProgramHeader> loads = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            ProgramHeader p = headers.get(i);
            if (p.type() != ProgramHeader.PT_LOAD) {
                continue;
            }
            int index = i;
            Supplier<String> what = () -> String.format(Locale.ROOT, "segment %d (PT_LOAD at 0x%08x)",
                    index, p.vaddr());
            long filesz = Integer.toUnsignedLong(p.fileSize());
            long memsz = Integer.toUnsignedLong(p.memSize());
            if (memsz < filesz) {
                throw r.fail(String.format(Locale.ROOT,
                        "%s: memory size 0x%x is smaller than its file size 0x%x", what.get(), memsz, filesz));
            }
            if (Integer.toUnsignedLong(p.vaddr()) + memsz > 1L << 32) {
                throw r.fail(String.format(Locale.ROOT,
                        "%s: size 0x%x runs past the end of the 32-bit address space", what.get(), memsz));
            }
            if (filesz != 0) { // a pure .bss segment's offset is meaningless
                r.requireRange(what, Integer.toUnsignedLong(p.offset()), filesz);
            }
            loads.add(p);
        }
        List<ProgramHeader> sorted = new ArrayList<>(loads);
        sorted.removeIf(p -> p.memSize() == 0);
        sorted.sort((a, b) -> Integer.compareUnsigned(a.vaddr(), b.vaddr()));
        for (int i = 1; i < sorted.size(); i++) {
            ProgramHeader a = sorted.get(i - 1);
            ProgramHeader b = sorted.get(i);
            long aEnd = Integer.toUnsignedLong(a.vaddr()) + Integer.toUnsignedLong(a.memSize());
            if (aEnd > Integer.toUnsignedLong(b.vaddr())) {
                throw r.fail(String.format(Locale.ROOT,
                        "PT_LOAD segments overlap: [0x%08x, 0x%08x) and [0x%08x, 0x%08x)",
                        a.vaddr(), aEnd, b.vaddr(),
                        Integer.toUnsignedLong(b.vaddr()) + Integer.toUnsignedLong(b.memSize())));
            }
        }
        List<Segment> out = new ArrayList<>(loads.size());
        for (ProgramHeader p : loads) {
            int from = p.offset();
            byte[] data = p.fileSize() == 0 ? new byte[0]
                    : Arrays.copyOfRange(r.bytes, from, from + p.fileSize());
            out.add(new Segment(p.vaddr(), p.paddr(), data, p.memSize(), p.flags(), p.alignment()));
        }
        return List.copyOf(out);
    }

    private static List<Symbol> readSymbols(Reader r, List<Section> sections) {
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.type() != Section.SHT_SYMTAB) {
                continue;
            }
            String what = "symbol table [" + i + "] " + s.name(); // one per file: cheap enough
            if (s.entrySize() != SYM_SIZE) {
                throw r.fail(what + ": entry size " + s.entrySize() + " (expected " + SYM_SIZE + ")");
            }
            if (Integer.toUnsignedLong(s.size()) % SYM_SIZE != 0) {
                throw r.fail(what + ": size " + Integer.toUnsignedLong(s.size())
                        + " is not a multiple of " + SYM_SIZE);
            }
            int link = s.link();
            if (link <= 0 || link >= sections.size()
                    || sections.get(link).type() != Section.SHT_STRTAB) {
                throw r.fail(what + ": bad string table index " + Integer.toUnsignedLong(link)
                        + " (sh_link must name a string table section)");
            }
            Section strtab = sections.get(link);
            byte[] strings = sectionBytes(r.bytes, strtab);
            int count = s.size() / SYM_SIZE;
            List<Symbol> out = new ArrayList<>(Math.max(0, count - 1));
            for (int k = 1; k < count; k++) { // entry 0 is the reserved null symbol
                long at = Integer.toUnsignedLong(s.offset()) + (long) k * SYM_SIZE;
                String symName = r.string(strings, r.u32(at), "symbol " + k + " name",
                        "string table " + strtab.name());
                int info = r.u8(at + 12);
                out.add(new Symbol(symName, r.i32(at + 4), r.i32(at + 8),
                        SymbolType.of(info & 0xf), SymbolBinding.of(info >>> 4), r.u16(at + 14)));
            }
            return List.copyOf(out);
        }
        return List.of();
    }

    private static Map<String, Symbol> indexByName(List<Symbol> symbols) {
        Map<String, Symbol> map = new HashMap<>();
        for (Symbol s : symbols) {
            if (s.name().isEmpty() || !s.isDefined()) {
                continue;
            }
            Symbol old = map.get(s.name());
            if (old == null || rank(s.binding()) > rank(old.binding())) {
                map.put(s.name(), s);
            }
        }
        return Map.copyOf(map);
    }

    private static int rank(SymbolBinding b) {
        return switch (b) {
            case GLOBAL -> 3;
            case WEAK -> 2;
            case LOCAL -> 1;
            default -> 0;
        };
    }

    private static List<Symbol> addressOrder(List<Symbol> symbols) {
        List<Symbol> out = new ArrayList<>();
        for (Symbol s : symbols) {
            // Section/file symbols and "$x"/"$d" mapping symbols make poor names for an address.
            boolean named = !s.name().isEmpty() && !s.name().startsWith("$");
            boolean kind = s.type() == SymbolType.FUNC || s.type() == SymbolType.OBJECT
                    || s.type() == SymbolType.NOTYPE;
            if (named && kind && s.isDefined()) {
                out.add(s);
            }
        }
        // By address; at equal addresses sized symbols last so they win, then globals.
        out.sort(Comparator.<Symbol>comparingLong(s -> Integer.toUnsignedLong(s.value()))
                .thenComparing(s -> s.size() != 0)
                .thenComparingInt(s -> rank(s.binding())));
        return List.copyOf(out);
    }

    private static Optional<String> readArch(Reader r, List<Section> sections) {
        for (Section s : sections) {
            if (s.type() == Section.SHT_RISCV_ATTRIBUTES) {
                byte[] b = sectionBytes(r.bytes, s);
                try {
                    return RiscvAttributes.decodeArch(b);
                } catch (IllegalArgumentException e) {
                    throw r.fail("malformed " + s.name() + " section: " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** Bounds-checked little-endian access; every failure becomes an ElfFormatException. */
    private static final class Reader {
        final String name;
        final byte[] bytes;

        Reader(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }

        ElfFormatException fail(String problem) {
            return new ElfFormatException(name, problem);
        }

        void requireRange(String what, long offset, long size) {
            if (offset < 0 || size < 0 || offset + size > bytes.length) {
                throw beyondEnd(what, offset, size);
            }
        }

        /** For labels that cost something to build: only formatted on failure. */
        void requireRange(Supplier<String> what, long offset, long size) {
            if (offset < 0 || size < 0 || offset + size > bytes.length) {
                throw beyondEnd(what.get(), offset, size);
            }
        }

        private ElfFormatException beyondEnd(String what, long offset, long size) {
            return fail(String.format(Locale.ROOT, "truncated or corrupt: %s at offset 0x%x, "
                    + "size 0x%x extends beyond the end of the file (%d bytes)", what, offset, size,
                    bytes.length));
        }

        int u8(long at) {
            requireRange("field", at, 1);
            return bytes[(int) at] & 0xff;
        }

        int u16(long at) {
            requireRange("field", at, 2);
            int i = (int) at;
            return (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8;
        }

        int i32(long at) {
            requireRange("field", at, 4);
            int i = (int) at;
            return (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16
                    | (bytes[i + 3] & 0xff) << 24;
        }

        long u32(long at) {
            return Integer.toUnsignedLong(i32(at));
        }

        /** A NUL-terminated string at {@code offset} of a string table. */
        String string(byte[] table, long offset, String what, String tableName) {
            if (offset >= table.length) {
                if (offset == 0) {
                    return ""; // an empty table can still name everything ""
                }
                throw fail(String.format(Locale.ROOT, "%s: offset %d is beyond the %s (%d bytes)",
                        what, offset, tableName, table.length));
            }
            int start = (int) offset;
            for (int i = start; i < table.length; i++) {
                if (table[i] == 0) {
                    return new String(table, start, i - start, StandardCharsets.UTF_8);
                }
            }
            throw fail(what + ": string at offset " + offset + " in the " + tableName
                    + " is not NUL-terminated");
        }
    }
}
