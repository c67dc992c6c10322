package io.socsim.isa.asm;

import io.socsim.isa.elf.ElfWriter;
import io.socsim.isa.elf.SymbolBinding;
import io.socsim.isa.elf.SymbolType;

/**
 * Turns a {@link Program} (assembled or built in Java) into an ELF executable that objdump and
 * socsim both read: {@code .text} executable, {@code .bss} sections NOBITS, every other section
 * writable PROGBITS data (so data placed in L1 is loaded like any other), symbols sorted.
 */
public final class ProgramElf {

    private ProgramElf() {
    }

    /** The writer with the program's sections and symbols; {@code compressed} marks RVC code (EF_RISCV_RVC). */
    public static ElfWriter writer(Program program, boolean compressed) {
        ElfWriter w = new ElfWriter().entry(program.entry()).compressed(compressed);
        for (Program.Section s : program.sections()) {
            if (s.size() == 0) {
                continue;
            }
            if (s.name().equals(".bss") || s.name().endsWith(".bss")) {
                w.addNobits(s.name(), s.base(), s.size(), ElfWriter.DATA, alignment(s.base()));
            } else {
                w.addSection(s.name(), s.base(), s.bytes(), s.name().equals(".text") ? ElfWriter.TEXT : ElfWriter.DATA, alignment(s.base()));
            }
        }
        // sorted, so the same program always gives the same bytes
        java.util.List<Program.Symbol> symbols = new java.util.ArrayList<>(program.symbols().values());
        symbols.sort(java.util.Comparator.comparingLong((Program.Symbol sym) -> Integer.toUnsignedLong(sym.address()))
                .thenComparing(Program.Symbol::name));
        for (Program.Symbol sym : symbols) {
            String section = program.sections().stream()
                    .filter(s -> s.size() > 0 && s.contains(sym.address()))
                    .map(Program.Section::name).findFirst().orElse(null);
            w.addSymbol(sym.name(), sym.address(), 0, SymbolType.NOTYPE,
                    sym.global() ? SymbolBinding.GLOBAL : SymbolBinding.LOCAL, section);
        }
        return w;
    }

    /** The largest power of two up to 16 that divides {@code base}. */
    private static int alignment(int base) {
        int align = 16;
        while ((base & (align - 1)) != 0) {
            align >>= 1;
        }
        return align;
    }

    /** The ELF image of an assembled program (which may contain compressed instructions). */
    public static byte[] toBytes(Program program) {
        return writer(program, true).toBytes();
    }

    /** The ELF image of a generated program; {@code compressed} says whether it uses RVC. */
    public static byte[] toBytes(Program program, boolean compressed) {
        return writer(program, compressed).toBytes();
    }
}
