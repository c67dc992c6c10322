package io.socsim.sim.cluster;

import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.elf.Segment;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Region;
import io.socsim.sim.UserError;
import java.util.Locale;

/** Copies a program's segments into the memories of a system, each into the one memory that holds it. */
final class ElfLoader {

    private ElfLoader() {
    }

    /** @throws UserError when a segment does not fit inside one memory of {@code system} */
    static void load(ElfFile elf, MemorySystem memory, String system) {
        for (Segment s : elf.segments()) {
            Region r = memory.find(s.vaddr(), Math.max(1, s.memSize()));
            if (r == null) {
                throw new UserError(String.format(Locale.ROOT,
                        "%s: segment 0x%08x-0x%08x is not inside one memory of '%s' (%s); link the program for this system",
                        elf.name(), s.vaddr(), s.vaddr() + s.memSize() - 1, system, regionList(memory)));
            }
            byte[] data = s.data();
            System.arraycopy(data, 0, r.bytes(), r.offset(s.vaddr()), data.length);
        }
    }

    private static String regionList(MemorySystem memory) {
        StringBuilder b = new StringBuilder();
        for (Region r : memory.regions()) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s 0x%08x-0x%08x", r.name(), r.base(), r.base() + r.size() - 1));
        }
        return b.toString();
    }
}
