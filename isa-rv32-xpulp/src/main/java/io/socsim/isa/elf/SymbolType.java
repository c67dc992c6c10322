package io.socsim.isa.elf;

/** The ELF symbol types ({@code ELF32_ST_TYPE}); codes socsim has no use for read as {@link #OTHER}. */
public enum SymbolType {
    NOTYPE(0),
    OBJECT(1),
    FUNC(2),
    SECTION(3),
    FILE(4),
    COMMON(5),
    TLS(6),
    OTHER(-1);

    private final int code;

    SymbolType(int code) {
        this.code = code;
    }

    /** The {@code st_info} low nibble; -1 for {@link #OTHER}. */
    public int code() {
        return code;
    }

    static SymbolType of(int code) {
        for (SymbolType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return OTHER;
    }
}
