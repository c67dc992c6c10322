package io.socsim.isa.elf;

/**
 * One section header. Addresses, offsets and sizes are unsigned 32-bit quantities held in an
 * {@code int}.
 */
public record Section(String name, int type, int flags, int address, int offset, int size,
        int link, int info, int alignment, int entrySize) {

    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_RISCV_ATTRIBUTES = 0x70000003;

    public static final int SHF_WRITE = 0x1;
    public static final int SHF_ALLOC = 0x2;
    public static final int SHF_EXECINSTR = 0x4;

    public boolean isAlloc() {
        return (flags & SHF_ALLOC) != 0;
    }

    public boolean isWrite() {
        return (flags & SHF_WRITE) != 0;
    }

    public boolean isExec() {
        return (flags & SHF_EXECINSTR) != 0;
    }

    /** NOBITS sections (.bss) occupy memory but no bytes of the file. */
    public boolean isNobits() {
        return type == SHT_NOBITS;
    }

    /** Whether an allocated section covers {@code address} in memory. */
    public boolean contains(int address) {
        long off = Integer.toUnsignedLong(address) - Integer.toUnsignedLong(this.address);
        return isAlloc() && off >= 0 && off < Integer.toUnsignedLong(size);
    }
}
