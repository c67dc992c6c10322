package io.socsim.isa.elf;

/** One program header of any type, as found in the file (offsets and sizes unsigned). */
public record ProgramHeader(int type, int offset, int vaddr, int paddr, int fileSize, int memSize,
        int flags, int alignment) {

    public static final int PT_NULL = 0;
    public static final int PT_LOAD = 1;
    public static final int PT_RISCV_ATTRIBUTES = 0x70000003;

    public static final int PF_X = 0x1;
    public static final int PF_W = 0x2;
    public static final int PF_R = 0x4;
}
