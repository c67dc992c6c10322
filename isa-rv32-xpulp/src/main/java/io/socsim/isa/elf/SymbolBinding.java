package io.socsim.isa.elf;

/** The ELF symbol bindings ({@code ELF32_ST_BIND}); unknown codes read as {@link #OTHER}. */
public enum SymbolBinding {
    LOCAL(0),
    GLOBAL(1),
    WEAK(2),
    OTHER(-1);

    private final int code;

    SymbolBinding(int code) {
        this.code = code;
    }

    /** The {@code st_info} high nibble; -1 for {@link #OTHER}. */
    public int code() {
        return code;
    }

    static SymbolBinding of(int code) {
        for (SymbolBinding b : values()) {
            if (b.code == code) {
                return b;
            }
        }
        return OTHER;
    }
}
