package io.socsim.isa.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.isa.Op;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class HartSmokeTest {

    private static final int BASE = 0x80000000;

    private static int enc(Op op, int rd, int rs1, int rs2, int imm, int imm2) {
        return op.format().encode(op, rd, rs1, rs2, imm, imm2);
    }

    private static final class Exits implements HostInterface {
        @Override
        public void ecall(Hart hart) {
            hart.exit(hart.reg(10));
        }

        @Override
        public void tohost(Hart hart, int value) {
            hart.exit(value >>> 1);
        }
    }

    private static Hart load(int... words) {
        byte[] ram = new byte[1 << 16];
        ByteBuffer bb = ByteBuffer.wrap(ram).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            bb.putInt(w);
        }
        Hart hart = new Hart(0, new DecodeCache(), Bus.EMPTY, new Exits());
        hart.mapRam(BASE, ram);
        hart.pc(BASE);
        return hart;
    }

    @Test
    void sumsOneToTenWithABranchLoop() {
        Hart hart = load(
                enc(Op.ADDI, 5, 0, 0, 10, 0),      // t0 = 10
                enc(Op.ADDI, 10, 0, 0, 0, 0),      // a0 = 0
                enc(Op.ADD, 10, 10, 5, 0, 0),      // loop: a0 += t0
                enc(Op.ADDI, 5, 5, 0, -1, 0),      // t0--
                enc(Op.BNE, 0, 5, 0, -8, 0),       // bnez t0, loop
                enc(Op.ADDI, 17, 0, 0, 93, 0),     // a7 = 93
                enc(Op.ECALL, 0, 0, 0, 0, 0));
        hart.run(1000);
        assertThat(hart.state()).isEqualTo(Hart.EXITED);
        assertThat(hart.exitCode()).isEqualTo(55);
        assertThat(hart.instret()).isEqualTo(2 + 3 * 10 + 2);
    }

    @Test
    void hardwareLoopRunsBodyCountTimesWithoutBranches() {
        Hart hart = load(
                enc(Op.ADDI, 10, 0, 0, 0, 0),           // a0 = 0
                enc(Op.LP_SETUPI, 0, 0, 0, 5, 12),      // lp.setupi x0, 5, end (pc+12)
                enc(Op.ADDI, 10, 10, 0, 1, 0),
                enc(Op.ADDI, 10, 10, 0, 2, 0),
                enc(Op.ADDI, 10, 10, 0, 3, 0),          // end: last body instruction
                enc(Op.ADDI, 17, 0, 0, 93, 0),
                enc(Op.ECALL, 0, 0, 0, 0, 0));
        hart.run(1000);
        assertThat(hart.exitCode()).isEqualTo(30);
        assertThat(hart.instret()).isEqualTo(2 + 15 + 2);
    }

    @Test
    void illegalInstructionWithoutHandlerHaltsAtItsPc() {
        Hart hart = load(enc(Op.ADDI, 10, 0, 0, 1, 0), 0xffffffff);
        hart.run(10);
        assertThat(hart.state()).isEqualTo(Hart.HALTED);
        assertThat(hart.pc()).isEqualTo(BASE + 4);
        assertThat(hart.lastCause()).isEqualTo(Trap.ILLEGAL_INSTRUCTION);
        assertThat(hart.lastTval()).isEqualTo(0xffffffff);
    }

    @Test
    void sdotspAccumulatesFourSignedByteProducts() {
        Hart hart = load(
                enc(Op.LUI, 5, 0, 0, 0x01ff0, 0),            // t0 = 0x01ff0000 -> bytes 0,0,-1,1
                enc(Op.ADDI, 5, 5, 0, 0x7f, 0),              // bytes 0x7f,0,-1,1
                enc(Op.ADDI, 6, 0, 0, -1, 0),                // t1 = all -1
                enc(Op.ADDI, 10, 0, 0, 100, 0),
                enc(Op.PV_SDOTSP_B, 10, 5, 6, 0, 0),         // a0 += 127*-1 + 0 + -1*-1 + 1*-1
                enc(Op.ADDI, 17, 0, 0, 93, 0),
                enc(Op.ECALL, 0, 0, 0, 0, 0));
        hart.run(100);
        assertThat(hart.exitCode()).isEqualTo(100 - 127 + 1 - 1);
    }
}
