package io.socsim.isa.elf;

/**
 * One {@code .symtab} entry. {@code value} and {@code size} are unsigned 32-bit quantities held
 * in an {@code int}.
 *
 * @param sectionIndex {@code st_shndx}: a section header index, or one of the reserved values
 *     {@link #SHN_UNDEF}, {@link #SHN_ABS}, {@link #SHN_COMMON}
 */
public record Symbol(String name, int value, int size, SymbolType type, SymbolBinding binding,
        int sectionIndex) {

    public static final int SHN_UNDEF = 0;
    public static final int SHN_ABS = 0xfff1;
    public static final int SHN_COMMON = 0xfff2;

    public Symbol {
        if (name == null || type == null || binding == null) {
            throw new IllegalArgumentException("symbol name, type and binding are required");
        }
    }

    /** Whether {@code address} lies in {@code [value, value + size)}; never for size 0. */
    public boolean contains(int address) {
        long offset = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(value);
        return offset >= 0 && offset < Integer.toUnsignedLong(size);
    }

    public boolean isDefined() {
        return sectionIndex != SHN_UNDEF;
    }
}
