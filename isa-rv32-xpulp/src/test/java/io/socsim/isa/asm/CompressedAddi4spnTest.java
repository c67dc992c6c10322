package io.socsim.isa.asm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** c.addi4spn takes any non-zero multiple of 4 up to 1020, as the RVC spec and GNU as do. */
class CompressedAddi4spnTest {

    @Test
    void cAddi4spnAcceptsMultiplesOfFourLikeGnuAs() {
        Program p = new Assembler().assemble("c.addi4spn a0, sp, 1020\nc.addi4spn a0, sp, 4\n");
        assertThat(p.halfAt(0x80000000)).isEqualTo(0x1fe8); // GNU as encodings
        assertThat(p.halfAt(0x80000002)).isEqualTo(0x0048);
    }
}
