package io.socsim.isa;

/**
 * One decoded instruction. Register and immediate fields always carry the meaning of the
 * instruction's {@link Format}; compressed instructions are held in their expanded meaning
 * (for example {@code c.addi a0,1} has {@code rd = rs1 = 10, imm = 1}).
 *
 * @param op   the encoding table entry
 * @param rd   destination register (for register-offset stores: the offset register rs3)
 * @param rs1  first source register
 * @param rs2  second source register
 * @param imm  main immediate, already sign-extended and scaled to bytes where it is an offset
 * @param imm2 second immediate (bit-field width/shift amount, CSR uimm, hardware-loop end, ...)
 * @param raw  the raw instruction bits (16 significant bits for compressed instructions)
 */
public record Insn(Op op, int rd, int rs1, int rs2, int imm, int imm2, int raw) {

    /** Length in bytes: 2 for compressed instructions, 4 otherwise. */
    public int length() {
        return op.length();
    }
}
