package io.socsim.isa;

/**
 * What an instruction costs, as a column of the encoding table ({@link Op}): its timing kind (how a
 * timing model charges it), its energy class (what the power model prices), the bytes a load or
 * store moves, and whether it also reads its destination register (accumulate, insert and
 * shuffle-into forms), which matters for register hazards.
 */
public enum OpClass {
    ALU(Timing.ALU, Energy.ALU, 0, false),
    ALU_READS_RD(Timing.ALU, Energy.ALU, 0, true),
    MUL(Timing.ALU, Energy.MUL, 0, false),
    MAC(Timing.ALU, Energy.MAC, 0, true),
    DOT(Timing.ALU, Energy.SIMD_DOT, 0, false),
    DOT_ACC(Timing.ALU, Energy.SIMD_DOT, 0, true),
    SIMD(Timing.ALU, Energy.SIMD_OTHER, 0, false),
    SIMD_READS_RD(Timing.ALU, Energy.SIMD_OTHER, 0, true),
    LOAD_B(Timing.LOAD, Energy.LOAD, 1, false),
    LOAD_H(Timing.LOAD, Energy.LOAD, 2, false),
    LOAD_W(Timing.LOAD, Energy.LOAD, 4, false),
    STORE_B(Timing.STORE, Energy.STORE, 1, false),
    STORE_H(Timing.STORE, Energy.STORE, 2, false),
    STORE_W(Timing.STORE, Energy.STORE, 4, false),
    BRANCH(Timing.BRANCH, Energy.BRANCH, 0, false),
    JAL(Timing.JAL, Energy.BRANCH, 0, false),
    JALR(Timing.JALR, Energy.BRANCH, 0, false),
    MULH(Timing.MULH, Energy.MUL, 0, false),
    DIV(Timing.DIV, Energy.MUL, 0, false),
    CSR(Timing.CSR, Energy.ALU, 0, false),
    WFI(Timing.WFI, Energy.ALU, 0, false);

    /** How a timing model charges an instruction (RI5CY: platform.md section 2). */
    public enum Timing { ALU, LOAD, STORE, BRANCH, JAL, JALR, MULH, DIV, CSR, WFI }

    /** The power model's instruction classes. */
    public enum Energy { ALU, LOAD, STORE, MUL, MAC, SIMD_DOT, SIMD_OTHER, BRANCH }

    private final Timing timing;
    private final Energy energy;
    private final int accessBytes;
    private final boolean readsRd;

    OpClass(Timing timing, Energy energy, int accessBytes, boolean readsRd) {
        this.timing = timing;
        this.energy = energy;
        this.accessBytes = accessBytes;
        this.readsRd = readsRd;
    }

    public Timing timing() {
        return timing;
    }

    public Energy energy() {
        return energy;
    }

    /** Bytes a load or store moves; 0 for other instructions. */
    public int accessBytes() {
        return accessBytes;
    }

    /** True when the instruction also reads the register it writes. */
    public boolean readsRd() {
        return readsRd;
    }
}
