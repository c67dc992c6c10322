package io.socsim.isa.asm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Pseudo-instructions (including every {@code li} edge case and {@code %hi/%lo}) checked against
 * the expansion GNU as chose for the same lines (linked with .text at 0x80000000, .data at 0x80001000).
 */
class GnuPseudoCrossCheckTest {

    private static final String SOURCE = """
            .text
            _start:
              li a0, 0
              li a0, -1
              li a0, 2047
              li a0, 2048
              li a0, -2048
              li a0, -2049
              li a0, 0x7fffffff
              li a0, 0x80000000
              li a0, 0x12345fff
              li a0, 0xfffff800
              li t0, 0x1000
              la a0, data1
              mv a1, a2
              not a1, a2
              neg a1, a2
              j target
              jr t0
              jal target
              ret
              call target
              tail target
              nop
              beqz a0, target
              bnez a0, target
              blez a0, target
              bgez a0, target
              bltz a0, target
              bgtz a0, target
              bgt a0, a1, target
              ble a0, a1, target
              bgtu a0, a1, target
              bleu a0, a1, target
              seqz a0, a1
              snez a0, a1
              sltz a0, a1
              sgtz a0, a1
              csrr a0, mcycle
              csrw mscratch, a1
              csrs mstatus, a2
              csrc mie, a3
              csrwi mtvec, 4
              csrsi mstatus, 8
              csrci mstatus, 8
              rdcycle a5
              rdinstret a5
              rdcycleh a5
              jalr a0
              jalr a1, a2, 4
            target:
              lui a0, %hi(data1)
              addi a0, a0, %lo(data1)
              lw a1, %lo(data1)(a0)
            .data
            data1: .word 1
            """;

    private static final int[] EXPECTED = {
        0x00000513, 0xfff00513, 0x7ff00513, 0x00001537, 0x80050513, 0x80000513, 0xfffff537, 0x7ff50513,
        0x80000537, 0xfff50513, 0x80000537, 0x12346537, 0xfff50513, 0x80000513, 0x000012b7, 0x00001517,
        0xfc450513, 0x00060593, 0xfff64593, 0x40c005b3, 0x08c0006f, 0x00028067, 0x084000ef, 0x00008067,
        0x00000097, 0x07c080e7, 0x00000317, 0x07430067, 0x00000013, 0x06050463, 0x06051263, 0x06a05063,
        0x04055e63, 0x04054c63, 0x04a04a63, 0x04a5c863, 0x04a5d663, 0x04a5e463, 0x04a5f263, 0x0015b513,
        0x00b03533, 0x0005a533, 0x00b02533, 0xb0002573, 0x34059073, 0x30062073, 0x3046b073, 0x30525073,
        0x30046073, 0x30047073, 0xc00027f3, 0xc02027f3, 0xc80027f3, 0x000500e7, 0x004605e7, 0x80001537,
        0x00050513, 0x00052583
    };

    @Test
    void pseudoInstructionsExpandLikeGnuAs() {
        Program p = new Assembler().dataBase(0x80001000).assemble("pseudo.s", SOURCE);
        for (int i = 0; i < EXPECTED.length; i++) {
            int addr = 0x80000000 + 4 * i;
            assertThat(Integer.toHexString(p.wordAt(addr))).as("word %d at 0x%08x", i, addr)
                    .isEqualTo(Integer.toHexString(EXPECTED[i]));
        }
        assertThat(p.section(".text").orElseThrow().size()).isEqualTo(4 * EXPECTED.length);
        assertThat(p.address("data1")).isEqualTo(0x80001000);
        assertThat(p.wordAt(0x80001000)).isEqualTo(1);
        assertThat(p.entry()).isEqualTo(p.address("_start"));
    }
}
