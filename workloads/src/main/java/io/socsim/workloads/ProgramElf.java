package io.socsim.workloads;

import io.socsim.isa.asm.Program;
import io.socsim.isa.elf.ElfWriter;
import io.socsim.isa.elf.SymbolBinding;
import io.socsim.isa.elf.SymbolType;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns a {@link Program} built in Java into an executable ELF: {@code .text} executable, every
 * other section writable data (PROGBITS, so data placed in L1 is loaded like any other), all
 * symbols with their section, entry at {@code _start}.
 */
public final class ProgramElf {

    private ProgramElf() {
    }

    /** The ELF image; {@code compressed} says whether the code uses RVC (our generators never do). */
    public static byte[] toBytes(Program program, boolean compressed) {
        ElfWriter w = new ElfWriter().entry(program.entry()).compressed(compressed);
        for (Program.Section s : program.sections()) {
            if (s.size() > 0) {
                int flags = s.name().equals(".text") ? ElfWriter.TEXT : ElfWriter.DATA;
                w.addSection(s.name(), s.base(), s.bytes(), flags);
            }
        }
        for (Program.Symbol sym : program.symbols().values()) {
            String in = program.sections().stream()
                    .filter(s -> s.size() > 0 && s.contains(sym.address()))
                    .map(Program.Section::name).findFirst().orElse(null);
            w.addSymbol(sym.name(), sym.address(), 0, in != null && in.equals(".text") ? SymbolType.FUNC : SymbolType.NOTYPE,
                    sym.global() ? SymbolBinding.GLOBAL : SymbolBinding.LOCAL, in);
        }
        return w.toBytes();
    }

    public static void write(Program program, Path path) throws IOException {
        java.nio.file.Files.write(path, toBytes(program, false));
    }
}
