package io.socsim.isa.asm;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CSR names the assembler accepts, mapped to their 12-bit numbers: everything {@link
 * io.socsim.isa.Csr} names (what the disassembler prints) plus standard CSRs the core lacks.
 */
public final class CsrNames {

    private static final Map<String, Integer> BY_NAME = new HashMap<>();

    static {
        put("mstatus", 0x300); put("misa", 0x301); put("medeleg", 0x302); put("mideleg", 0x303);
        put("mie", 0x304); put("mtvec", 0x305); put("mcounteren", 0x306); put("mcountinhibit", 0x320);
        put("mscratch", 0x340); put("mepc", 0x341); put("mcause", 0x342); put("mtval", 0x343); put("mip", 0x344);
        put("mcycle", 0xb00); put("minstret", 0xb02); put("mcycleh", 0xb80); put("minstreth", 0xb82);
        put("cycle", 0xc00); put("time", 0xc01); put("instret", 0xc02);
        put("cycleh", 0xc80); put("timeh", 0xc81); put("instreth", 0xc82);
        for (int i = 3; i < 32; i++) {
            put("mhpmcounter" + i, 0xb00 + i);
            put("mhpmcounter" + i + "h", 0xb80 + i);
            put("mhpmevent" + i, 0x320 + i);
            put("hpmcounter" + i, 0xc00 + i);
            put("hpmcounter" + i + "h", 0xc80 + i);
        }
        put("mvendorid", 0xf11); put("marchid", 0xf12); put("mimpid", 0xf13); put("mhartid", 0xf14);
        put("tselect", 0x7a0); put("tdata1", 0x7a1); put("tdata2", 0x7a2); put("tdata3", 0x7a3);
        put("dcsr", 0x7b0); put("dpc", 0x7b1); put("dscratch0", 0x7b2); put("dscratch1", 0x7b3);
        put("uhartid", 0x014);
        // every name the disassembler prints (PULP counters pcer/pcmr/pccrN and the rest)
        for (int number = 0; number < 4096; number++) {
            String name = io.socsim.isa.Csr.name(number);
            if (name != null) {
                put(name, number);
            }
        }
    }

    private CsrNames() {
    }

    private static void put(String name, int number) {
        BY_NAME.put(name, number);
    }

    /** The CSR number for {@code name} (case-insensitive), or -1 when it is not a known name. */
    public static int number(String name) {
        Integer n = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        return n == null ? -1 : n;
    }

    /** All known names, for suggestions. */
    static Iterable<String> names() {
        return BY_NAME.keySet();
    }
}
