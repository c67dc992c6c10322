package io.socsim.isa;

/** ISA extension an encoding belongs to. */
public enum Ext {
    /** RV32I base integer instructions. */
    I,
    /** Integer multiply and divide. */
    M,
    /** Compressed 16-bit instructions. */
    C,
    /** Control and status register instructions. */
    ZICSR,
    /** Instruction-fetch fence. */
    ZIFENCEI,
    /** Machine-mode privileged instructions (mret, wfi). */
    PRIV,
    /** PULP XpulpV2 custom extension (RI5CY encoding). */
    XPULP
}
