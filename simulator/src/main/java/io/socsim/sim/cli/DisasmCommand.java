package io.socsim.sim.cli;

import io.socsim.isa.Decoder;
import io.socsim.isa.Disassembler;
import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.elf.ElfFormatException;
import io.socsim.isa.elf.Section;
import io.socsim.isa.elf.Symbol;
import io.socsim.sim.UserError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code socsim disasm FILE.elf}: objdump-style listing of the executable sections. */
@Command(name = "disasm", description = "Disassemble the executable sections of an ELF file (objdump -M no-aliases syntax).")
final class DisasmCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.elf", description = "ELF32 RISC-V executable.")
    Path file;

    @Override
    public Integer call() {
        ElfFile elf;
        try {
            elf = ElfFile.read(file);
        } catch (ElfFormatException e) {
            throw new UserError(e.getMessage());
        }
        Map<Integer, String> labels = new HashMap<>();
        for (Symbol s : elf.symbols()) {
            if (!s.name().isEmpty() && !s.name().startsWith("$")) {
                labels.merge(s.value(), s.name(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        PrintWriter out = new PrintWriter(System.out, false);
        out.printf(Locale.ROOT, "%s:     file format elf32-littleriscv%n", file.getFileName());
        for (Section section : elf.sections()) {
            if ((section.flags() & Section.SHF_EXECINSTR) == 0 || section.type() == Section.SHT_NOBITS) {
                continue;
            }
            out.printf(Locale.ROOT, "%nDisassembly of section %s:%n", section.name());
            byte[] bytes = elf.contents(section);
            int offset = 0;
            while (offset + 1 < bytes.length) {
                int pc = section.address() + offset;
                String label = labels.get(pc);
                if (label != null) {
                    out.printf(Locale.ROOT, "%n%08x <%s>:%n", pc, label);
                }
                int low = (bytes[offset] & 0xff) | (bytes[offset + 1] & 0xff) << 8;
                int length = Decoder.length(low);
                if (length == 4 && offset + 3 < bytes.length) {
                    int word = low | (bytes[offset + 2] & 0xff) << 16 | (bytes[offset + 3] & 0xff) << 24;
                    out.printf(Locale.ROOT, "%8x:\t%08x          \t%s%n", pc, word, Disassembler.disassemble(word, pc));
                } else {
                    length = 2;
                    out.printf(Locale.ROOT, "%8x:\t%04x              \t%s%n", pc, low, Disassembler.disassemble(low, pc));
                }
                offset += length;
            }
        }
        out.flush();
        return 0;
    }
}
