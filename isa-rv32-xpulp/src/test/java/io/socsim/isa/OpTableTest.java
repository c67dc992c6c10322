package io.socsim.isa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpTableTest {

    private static List<Op> rows(int length) {
        List<Op> rows = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.length() == length) {
                rows.add(op);
            }
        }
        return rows;
    }

    @Test
    void noTwo32BitRowsMatchTheSameWord() {
        // 32-bit rows have no extra predicates, so two rows overlap exactly when their match
        // values agree on every bit both masks fix.
        List<Op> rows = rows(4);
        List<String> overlaps = new ArrayList<>();
        for (int a = 0; a < rows.size(); a++) {
            for (int b = a + 1; b < rows.size(); b++) {
                Op x = rows.get(a), y = rows.get(b);
                if (((x.match() ^ y.match()) & x.mask() & y.mask()) == 0) {
                    overlaps.add(x + "/" + y);
                }
            }
        }
        assertThat(overlaps).isEmpty();
    }

    @Test
    void noTwo16BitRowsMatchTheSameHalfWord() {
        List<Op> rows = rows(2);
        List<String> overlaps = new ArrayList<>();
        for (int h = 0; h < (1 << 16); h++) {
            List<Op> hits = new ArrayList<>();
            for (Op op : rows) {
                if (op.matches(h)) {
                    hits.add(op);
                }
            }
            if (hits.size() > 1) {
                overlaps.add(String.format(Locale.ROOT, "%04x %s", h, hits));
            }
        }
        assertThat(overlaps).isEmpty();
    }

    @Test
    void rowsLiveInTheirLengthsOpcodeSpace() {
        for (Op op : Op.values()) {
            assertThat(op.match() & ~op.mask()).as("%s match outside mask", op).isZero();
            if (op.length() == 4) {
                assertThat(op.match() & 0x7f).as("%s opcode", op).matches(o -> (o & 3) == 3 && (o & 0x1c) != 0x1c);
                assertThat(op.mask() & 0x7f).as("%s fixes the opcode", op).isEqualTo(0x7f);
            } else {
                assertThat(op.match() & 3).as("%s quadrant", op).isNotEqualTo(3);
                assertThat(op.match() >>> 16).as("%s is 16 bits", op).isZero();
            }
        }
    }

    @Test
    void everyLegalCompressedHalfWordDecodesToItsRow() {
        for (int h = 0; h < (1 << 16); h++) {
            if ((h & 3) == 3) {
                continue;
            }
            Insn insn = Decoder.decode(h);
            if (insn != null) {
                assertThat(insn.op().matches(h)).isTrue();
                assertThat(insn.length()).isEqualTo(2);
            }
        }
    }

    /**
     * decode then encode gives the word back, except for the don't-care bits that the encoder
     * writes as zero (see {@link Format}): bits 11:8 of the hardware-loop index field and the
     * Imm6 bits above a narrow SIMD immediate.
     */
    @Test
    void encodingTheDecodedFieldsGivesTheWordBack() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (Op op : Op.values()) {
            int tried = 0;
            for (int n = 0; n < 2000 && tried < 300; n++) {
                int w = op.match() | (rnd.nextInt() & ~op.mask());
                if (op.length() == 2) {
                    w &= 0xffff;
                }
                if (!op.matches(w)) {
                    continue; // a reserved case of this row
                }
                tried++;
                Insn i = op.format().decode(op, w);
                int back = op.format().encode(op, i.rd(), i.rs1(), i.rs2(), i.imm(), i.imm2());
                assertThat(Integer.toHexString(back)).as("%s %08x", op, w)
                        .isEqualTo(Integer.toHexString(w & ~dontCare(op.format())));
            }
            assertThat(tried).as("%s has legal words", op).isPositive();
        }
    }

    private static int dontCare(Format f) {
        switch (f) {
            case HWLOOP_ADDR: case HWLOOP_COUNT: case HWLOOP_COUNTI: case HWLOOP_SETUP: case HWLOOP_SETUPI:
                return 0xf00; // loop index L is bit 7 alone
            case SIMD_IMM5U: return 1 << 24;       // Imm6[5]
            case SIMD_IMM2U: return 0xf << 21;     // Imm6[5:2]
            case SIMD_IMM1U: return 0x1f << 20;    // Imm6[5:1]
            default: return 0;
        }
    }

    @Test
    void decoderFindsEveryRowFromItsMatchValue() {
        for (Op op : Op.values()) {
            if (op.matches(op.match())) {
                assertThat(Decoder.lookup(op.match())).isEqualTo(op);
            }
        }
    }

    @Test
    void rvcHintsDecodeAndReservedEncodingsDoNot() {
        assertThat(Decoder.lookup(0x0001)).isEqualTo(Op.C_NOP);
        assertThat(Decoder.lookup(0x0005)).isEqualTo(Op.C_ADDI);   // c.addi zero,1: HINT
        assertThat(Decoder.lookup(0x4001)).isEqualTo(Op.C_LI);     // c.li zero,0: HINT
        assertThat(Decoder.lookup(0x6005)).isEqualTo(Op.C_LUI);    // c.lui zero,0x1: HINT
        assertThat(Decoder.lookup(0x0002)).isEqualTo(Op.C_SLLI);   // c.slli64 zero: HINT
        assertThat(Decoder.lookup(0x8006)).isEqualTo(Op.C_MV);     // c.mv zero,ra: HINT
        assertThat(Decoder.lookup(0x0000)).isNull();               // defined illegal
        assertThat(Decoder.lookup(0x6101)).isNull();               // c.addi16sp sp,0
        assertThat(Decoder.lookup(0x6501)).isNull();               // c.lui a0,0
        assertThat(Decoder.lookup(0x4002)).isNull();               // c.lwsp zero,...
        assertThat(Decoder.lookup(0x8002)).isNull();               // c.jr zero
        assertThat(Decoder.lookup(0x9001)).isNull();               // c.srli shamt[5]=1 on RV32
    }

    @Test
    void fenceReservedFieldsMustBeZeroLikeBinutils() {
        assertThat(Decoder.lookup(0x0ff0000f)).isEqualTo(Op.FENCE);
        assertThat(Decoder.lookup(0x8330000f)).isEqualTo(Op.FENCE_TSO);
        assertThat(Decoder.lookup(0x8ff0000f)).isNull();   // fm=1000 with other sets
        assertThat(Decoder.lookup(0x0ff5850f)).isNull();   // rs1/rd non-zero
        assertThat(Decoder.lookup(0x0000100f)).isEqualTo(Op.FENCE_I);
        assertThat(Decoder.lookup(0x0010100f)).isNull();
    }
}
