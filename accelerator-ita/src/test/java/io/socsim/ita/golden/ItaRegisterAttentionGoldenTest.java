package io.socsim.ita.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.socsim.config.Presets;
import io.socsim.ita.ItaEngine;
import io.socsim.ita.testdata.ItaGoldenVectors;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Region;
import io.socsim.memory.Tcdm;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * One attention head programmed through ITA's registers, operands in L1: the output in L1 and
 * every intermediate in the scratch buffer equal the accelerator authors' golden tensors.
 */
class ItaRegisterAttentionGoldenTest {

    @Test
    void registerProgrammedHeadMatchesTheAuthorsGoldenTensors() throws IOException {
        GoldenFile f = GoldenReader.read(ItaGoldenVectors.file("attention_S64_E64_P64_H1_seed0.txt"));
        int s = f.param("S"), e = f.param("E"), p = f.param("P");
        assertThat(f.tensor("K").data()).as("PyITA feeds one tensor as key and value").isEqualTo(f.tensor("V").data());
        var soc = Presets.load("ita-cluster");
        MemorySystem memory = new MemorySystem(soc);
        var l1c = soc.memory().l1().orElseThrow();
        Tcdm tcdm = new Tcdm((int) l1c.base(), l1c.size(), l1c.banks(), l1c.bankWidthBytes());
        ItaEngine ita = new ItaEngine(soc.ita().orElseThrow(), memory, tcdm, 8, 20);
        Region l1 = memory.l1();
        int at = l1.base();
        int[] addr = new int[13];
        String[] names = {"Q", "K", "Wq_h0", "Wk_h0", "Wv_h0", "Wo_h0", "Bq_h0", "Bk_h0", "Bv_h0", "Bo_h0"};
        for (int i = 0; i < names.length; i++) {
            GoldenTensor t = f.tensor(names[i]);
            addr[i] = at;
            boolean bias = names[i].startsWith("B");
            for (int j = 0; j < t.data().length; j++) {
                int v = t.data()[j];
                if (bias) {
                    for (int k = 0; k < 4; k++) {
                        l1.bytes()[l1.offset(at) + 4 * j + k] = (byte) (v >>> (8 * k));
                    }
                } else {
                    l1.bytes()[l1.offset(at) + j] = (byte) v;
                }
            }
            at += (bias ? 4 : 1) * t.data().length;
        }
        int out = at, scratch = out + s * e;
        int[] regs = {ItaEngine.IN, ItaEngine.IN_KV, ItaEngine.W0, ItaEngine.W1, ItaEngine.W2, ItaEngine.W3,
            ItaEngine.B0, ItaEngine.B1, ItaEngine.B2, ItaEngine.B3};
        for (int i = 0; i < regs.length; i++) {
            ita.stage(0, regs[i], addr[i]);
        }
        ita.stage(0, ItaEngine.MODE, 1);
        ita.stage(0, ItaEngine.S, s);
        ita.stage(0, ItaEngine.E, e);
        ita.stage(0, ItaEngine.P, p);
        ita.stage(0, ItaEngine.OUT, out);
        ita.stage(0, ItaEngine.SCRATCH, scratch);
        String[] steps = {"Q", "K", "V", "QK", "AV", "OW"};
        for (int i = 0; i < steps.length; i++) {
            int word = f.param("RQ_MULT_" + steps[i]) & 0xff | (f.param("RQ_SHIFT_" + steps[i]) & 0xff) << 8
                    | (f.param("RQ_ADD_" + steps[i]) & 0xff) << 16;
            ita.stage(0, ItaEngine.RQ0 + 4 * i, word);
        }
        ita.start(0, 0);
        long cycle = 0;
        while (!ita.idle()) {
            ita.request(cycle);
            tcdm.arbitrate();
            ita.advance(cycle++);
        }
        assertBytes(l1, out, f.tensor("OW_h0"), false);
        int sp = s * p;
        assertBytes(l1, scratch, f.tensor("Qp_h0"), false);
        assertBytes(l1, scratch + sp, f.tensor("Kp_h0"), false);
        assertBytes(l1, scratch + 2 * sp, f.tensor("Vp_h0"), false);
        assertBytes(l1, scratch + 3 * sp, f.tensor("A_h0"), true);
        assertBytes(l1, scratch + 3 * sp + s * s, f.tensor("AV_h0"), false);
        assertThat(ita.stats().usefulMacs()).isEqualTo(3L * s * e * p + 2L * s * s * p + (long) s * p * e);
    }

    private static void assertBytes(Region l1, int address, GoldenTensor t, boolean unsigned) {
        int[] expected = t.data();
        for (int i = 0; i < expected.length; i++) {
            int v = l1.bytes()[l1.offset(address) + i];
            assertThat(unsigned ? v & 0xff : v).as("%s[%d]", t.name(), i).isEqualTo(expected[i]);
        }
    }
}
