package io.socsim.isa.asm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Standard RV32IMC + Zicsr + Zifencei lines checked against the encodings GNU as produced for
 * them ({@code riscv64-unknown-elf-as -march=rv32imc_zicsr_zifencei -mno-relax}, linked at
 * 0x80000000). GNU needs {@code .option norvc/rvc} to keep plain mnemonics uncompressed; this
 * assembler never compresses them and ignores the directive.
 */
class GnuCrossCheckTest {

    private static final String SOURCE = """
            .option norvc
            .text
            .globl _start
            _start:
              add a0, a1, a2
              sub t0, t1, t2
              sll s0, s1, a3
              slt a4, a5, a6
              sltu a7, s2, s3
              xor s4, s5, s6
              srl s7, s8, s9
              sra s10, s11, t3
              or t4, t5, t6
              and ra, sp, gp
              addi a0, a1, -2048
              addi sp, sp, 2047
              slti tp, a0, -1
              sltiu a0, a1, 1
              xori a0, a0, -1
              ori a1, a2, 0x7f
              andi a3, a4, 255
              slli a0, a1, 31
              srli a0, a1, 1
              srai a0, a1, 17
              lui a0, 0x12345
              lui t0, 0xfffff
              auipc a0, 0x1
              lb a0, -1(a1)
              lh a0, 2(sp)
              lw a0, 2047(a1)
              lbu t1, 0(t2)
              lhu t1, -2048(t2)
              sb a0, -1(a1)
              sh a0, 6(sp)
              sw ra, 12(sp)
              mul a0, a1, a2
              mulh a0, a1, a2
              mulhsu a0, a1, a2
              mulhu a0, a1, a2
              div a0, a1, a2
              divu a0, a1, a2
              rem a0, a1, a2
              remu a0, a1, a2
              csrrw a0, mstatus, a1
              csrrs a0, mepc, zero
              csrrc zero, mie, a2
              csrrwi a0, mtvec, 31
              csrrsi zero, mstatus, 8
              csrrci a0, 0x7c0, 1
              fence
              fence rw, w
              fence.i
              ecall
              ebreak
              mret
              wfi
            loop:
              beq a0, a1, loop
              bne a0, zero, fwd
              blt a0, a1, loop
              bge a0, a1, fwd
              bltu a0, a1, loop
              bgeu a0, a1, fwd
              jal ra, loop
              jal zero, fwd
              jalr ra, 8(a0)
              jalr zero, 0(ra)
            .option rvc
            fwd:
              c.addi a0, 1
              c.lw a0, 4(a1)
              c.sw a2, 124(a5)
              c.j loop
              c.jr ra
              c.mv a0, a1
              c.add a0, a1
              c.li a5, -32
              c.lui a0, 0x1
              c.lui a1, 0xfffff
              c.addi16sp sp, -512
              c.addi4spn a0, sp, 1008
              c.lwsp a0, 252(sp)
              c.swsp ra, 4(sp)
              c.beqz a0, fwd
              c.bnez s1, loop
              c.slli a0, 3
              c.srli a0, 31
              c.srai a5, 1
              c.andi a0, -1
              c.sub a0, a1
              c.xor s0, s1
              c.or a4, a5
              c.and a2, a3
              c.jal loop
              c.jalr a0
              c.ebreak
              c.nop
            """;

    /** One entry per instruction: 32-bit words, then the 16-bit compressed ones. */
    private static final int[] EXPECTED = {
        0x00c58533, 0x407302b3, 0x00d49433, 0x0107a733, 0x013938b3, 0x016aca33, 0x019c5bb3, 0x41cddd33,
        0x01ff6eb3, 0x003170b3, 0x80058513, 0x7ff10113, 0xfff52213, 0x0015b513, 0xfff54513, 0x07f66593,
        0x0ff77693, 0x01f59513, 0x0015d513, 0x4115d513, 0x12345537, 0xfffff2b7, 0x00001517, 0xfff58503,
        0x00211503, 0x7ff5a503, 0x0003c303, 0x8003d303, 0xfea58fa3, 0x00a11323, 0x00112623, 0x02c58533,
        0x02c59533, 0x02c5a533, 0x02c5b533, 0x02c5c533, 0x02c5d533, 0x02c5e533, 0x02c5f533, 0x30059573,
        0x34102573, 0x30463073, 0x305fd573, 0x30046073, 0x7c00f573, 0x0ff0000f, 0x0310000f, 0x0000100f,
        0x00000073, 0x00100073, 0x30200073, 0x10500073, 0x00b50063, 0x02051263, 0xfeb54ce3, 0x00b55e63,
        0xfeb568e3, 0x00b57a63, 0xfe9ff0ef, 0x00c0006f, 0x008500e7, 0x00008067, 0x0505, 0x41c8,
        0xdff0, 0xbfc9, 0x8082, 0x852e, 0x952e, 0x5781, 0x6505, 0x75fd,
        0x7101, 0x1f88, 0x557e, 0xc206, 0xd175, 0xfccd, 0x050e, 0x817d,
        0x8785, 0x997d, 0x8d0d, 0x8c25, 0x8f5d, 0x8e75, 0x3765, 0x9502,
        0x9002, 0x0001
    };

    @Test
    void standardInstructionsMatchGnuAs() {
        Program p = new Assembler().assemble("gnu.s", SOURCE);
        int addr = 0x80000000;
        for (int i = 0; i < EXPECTED.length; i++) {
            boolean compressed = (EXPECTED[i] & 3) != 3;
            int actual = compressed ? p.halfAt(addr) : p.wordAt(addr);
            assertThat(Integer.toHexString(actual)).as("instruction %d at 0x%08x", i, addr)
                    .isEqualTo(Integer.toHexString(EXPECTED[i]));
            addr += compressed ? 2 : 4;
        }
        assertThat(p.section(".text").orElseThrow().end()).isEqualTo(addr);
        assertThat(p.entry()).isEqualTo(0x80000000);
    }
}
