package io.socsim.sim;

import io.socsim.isa.elf.ElfFile;
import io.socsim.isa.exec.Hart;
import io.socsim.isa.exec.Trap;
import java.util.Locale;

/** Explains why a hart halted, with the pc named by its symbol. */
public final class Faults {

    private Faults() {
    }

    public static String describe(Hart hart, ElfFile elf) {
        int cause = hart.lastCause();
        if (cause < 0) {
            return hart.haltReason() + " at pc " + elf.describe(hart.pc());
        }
        String where = "pc " + elf.describe(hart.lastTrapPc());
        switch (cause) {
            case Trap.ILLEGAL_INSTRUCTION:
                return String.format(Locale.ROOT, "illegal instruction 0x%08x at %s (no trap handler installed: mtvec is 0)", hart.lastTval(), where);
            case Trap.LOAD_ACCESS_FAULT: case Trap.STORE_ACCESS_FAULT: case Trap.INSTRUCTION_ACCESS_FAULT:
                return String.format(Locale.ROOT, "bus error: %s at address 0x%08x, %s (nothing is mapped there)",
                        Trap.describe(cause), hart.lastTval(), where);
            default:
                return Trap.describe(cause) + " at " + where + " (no trap handler installed: mtvec is 0)";
        }
    }
}
