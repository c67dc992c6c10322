package io.socsim.ita;

import io.socsim.config.ItaConfig;
import io.socsim.config.hw.RegisterMap;
import io.socsim.ita.math.Activation;
import io.socsim.ita.math.ActivationStage;
import io.socsim.ita.math.Attention;
import io.socsim.ita.math.FeedForward;
import io.socsim.ita.math.HeadRequant;
import io.socsim.ita.math.HeadResult;
import io.socsim.ita.math.HeadWeights;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.memory.MemorySystem;
import io.socsim.memory.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a staged register image into a job: checks its shape and operands, computes its result
 * bit-exactly from L1 as it is now ({@code io.socsim.ita.math}), and cuts it into the steps and
 * tiles {@link ItaEngine} times.
 */
final class ItaJobs {

    private static final int MODE = RegisterMap.Ita.MODE, S = RegisterMap.Ita.S, E = RegisterMap.Ita.E, P = RegisterMap.Ita.P,
            ACT = RegisterMap.Ita.ACT, IN = RegisterMap.Ita.IN, IN_KV = RegisterMap.Ita.IN_KV, W0 = RegisterMap.Ita.W0,
            W1 = RegisterMap.Ita.W1, W2 = RegisterMap.Ita.W2, W3 = RegisterMap.Ita.W3, B0 = RegisterMap.Ita.B0,
            B1 = RegisterMap.Ita.B1, B2 = RegisterMap.Ita.B2, B3 = RegisterMap.Ita.B3, OUT = RegisterMap.Ita.OUT,
            RQ0 = RegisterMap.Ita.RQ0, SCRATCH = RegisterMap.Ita.SCRATCH, ACT_RQ = RegisterMap.Ita.ACT_RQ;
    private static final int LINEAR = RegisterMap.Ita.MODE_LINEAR, ATTENTION = RegisterMap.Ita.MODE_ATTENTION;

    private final ItaConfig config;
    private final MemorySystem memory;
    private final int tile;
    private final int restream;

    ItaJobs(ItaConfig config, MemorySystem memory) {
        this.config = config;
        this.memory = memory;
        this.tile = config.tileSize();
        this.restream = Math.max(1, config.tileSize() / config.engines());
    }

    void prepare(ItaJob job) {
        int[] r = job.regs;
        int mode = r[MODE >> 2], s = r[S >> 2], e = r[E >> 2], p = r[P >> 2];
        check(s >= 1 && s <= 4096 && e >= 1 && e <= 4096 && p >= 1 && p <= 4096,
                "ITA job shape S=%d E=%d P=%d: each must be 1..4096", s, e, p);
        List<ItaJob.Step> steps = new ArrayList<>();
        if (mode == LINEAR) {
            Matrix8 x = matrix(r[IN >> 2], s, e, "ITA_IN");
            Matrix8 w = matrix(r[W0 >> 2], e, p, "ITA_W0");
            Matrix32 bias = r[B0 >> 2] == 0 ? Matrix32.zeros(1, p) : vector(r[B0 >> 2], p, "ITA_B0");
            int act = r[ACT >> 2];
            check(act >= 0 && act <= 2, "ITA_ACT %d is not 0 (identity), 1 (ReLU) or 2 (GELU)", act);
            Activation kind = act == 0 ? Activation.IDENTITY : act == 1 ? Activation.RELU : Activation.GELU;
            // ACT_RQ 0 keeps PyITA's default activation constants (74/20/0)
            Requant actRq = r[ACT_RQ >> 2] == 0 ? Requant.DEFAULT_ACTIVATION : requant(r[ACT_RQ >> 2]);
            ActivationStage stage = new ActivationStage(kind, actRq, ActivationStage.withDefaults(kind).gelu());
            Matrix8 out = FeedForward.linear(x, w, bias, requant(r[RQ0 >> 2]), stage).out();
            job.blob = out.data().clone();
            job.writes.add(new int[] {checkedL1(r[OUT >> 2], s * p, "ITA_OUT"), 0, s * p});
            steps.add(product("linear", s, e, p, true));
            job.usefulMacs = (long) s * e * p;
        } else if (mode == ATTENTION) {
            check(s % 16 == 0, "ITA attention needs S a multiple of 16 (ITAmax works on groups of 16 columns), not %d", s);
            Matrix8 q = matrix(r[IN >> 2], s, e, "ITA_IN");
            Matrix8 kv = r[IN_KV >> 2] == 0 ? q : matrix(r[IN_KV >> 2], s, e, "ITA_IN_KV");
            HeadWeights w = new HeadWeights(matrix(r[W0 >> 2], e, p, "ITA_W0"), matrix(r[W1 >> 2], e, p, "ITA_W1"),
                    matrix(r[W2 >> 2], e, p, "ITA_W2"), matrix(r[W3 >> 2], p, e, "ITA_W3"),
                    vector(r[B0 >> 2], p, "ITA_B0"), vector(r[B1 >> 2], p, "ITA_B1"),
                    vector(r[B2 >> 2], p, "ITA_B2"), vector(r[B3 >> 2], e, "ITA_B3"));
            HeadRequant rq = new HeadRequant(requant(r[(RQ0 >> 2)]), requant(r[(RQ0 >> 2) + 1]), requant(r[(RQ0 >> 2) + 2]),
                    requant(r[(RQ0 >> 2) + 3]), requant(r[(RQ0 >> 2) + 4]), requant(r[(RQ0 >> 2) + 5]));
            HeadResult h = Attention.head(q, kv, kv, w, rq);
            int sp = s * p, ss = s * s;
            job.blob = new byte[s * e + 4 * sp + ss];
            System.arraycopy(h.ow().data(), 0, job.blob, 0, s * e);
            job.writes.add(new int[] {checkedL1(r[OUT >> 2], s * e, "ITA_OUT"), 0, s * e});
            int scratch = checkedL1(r[SCRATCH >> 2], 4 * sp + ss, "ITA_SCRATCH");
            int at = s * e;
            for (Matrix8 m : new Matrix8[] {h.qp(), h.kp(), h.vp(), h.a(), h.av()}) {
                System.arraycopy(m.data(), 0, job.blob, at, m.data().length);
                at += m.data().length;
            }
            job.writes.add(new int[] {scratch, s * e, 4 * sp + ss});
            steps.add(product("Q", s, e, p, true));
            steps.add(product("K", s, e, p, true));
            steps.add(product("V", s, e, p, true));
            steps.add(product("QK", s, p, s, false));
            long rounds = (s + config.softmaxDividers() - 1) / config.softmaxDividers();
            steps.add(new ItaJob.Step("softmax inverse", 0, 1, 0, 0, 0, (int) (rounds * config.softmaxDividerCycles())));
            steps.add(product("AV", s, s, p, false));
            steps.add(product("OW", s, p, e, true));
            job.usefulMacs = 3L * s * e * p + 2L * s * s * p + (long) s * p * e;
            job.softmaxElements = (long) s * s;
        } else {
            throw new ItaEngine.ItaError("ITA_MODE " + mode + " is not 0 (linear) or 1 (attention head)");
        }
        job.steps = steps;
        for (ItaJob.Step st : steps) {
            job.paddedMacs += (long) st.tiles() * tile * tile * tile;
        }
    }

    /** An M x K by K x N product: tiles over the padded dimensions, bytes per tile through the port. */
    private ItaJob.Step product(String name, int m, int k, int n, boolean bias) {
        int tm = ceil(m), tk = ceil(k), tn = ceil(n);
        int tileBytes = tile * tile;
        return new ItaJob.Step(name, tm * tn * tk, tk, tileBytes, tileBytes * restream + tileBytes, bias ? tile * 4 : 0, 0);
    }

    private int ceil(int dim) {
        return (dim + tile - 1) / tile;
    }

    private static Requant requant(int word) {
        return new Requant(RegisterMap.requantMult(word), RegisterMap.requantShift(word), (byte) RegisterMap.requantAdd(word));
    }

    private Matrix8 matrix(int address, int rows, int cols, String reg) {
        int at = checkedL1(address, rows * cols, reg);
        Region l1 = memory.l1();
        byte[] data = new byte[rows * cols];
        System.arraycopy(l1.bytes(), l1.offset(at), data, 0, data.length);
        return new Matrix8(rows, cols, data);
    }

    private Matrix32 vector(int address, int n, String reg) {
        int at = checkedL1(address, 4 * n, reg);
        Region l1 = memory.l1();
        byte[] b = l1.bytes();
        int o = l1.offset(at);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            int j = o + 4 * i;
            v[i] = (b[j] & 0xff) | (b[j + 1] & 0xff) << 8 | (b[j + 2] & 0xff) << 16 | b[j + 3] << 24;
        }
        return new Matrix32(1, n, v);
    }

    private int checkedL1(int address, int length, String reg) {
        Region l1 = memory.l1();
        check(l1 != null && l1.contains(address, length), "%s = 0x%08x: the %d-byte operand is not inside L1 (ITA reaches memory only through its L1 port)",
                reg, address, length);
        return address;
    }

    private static void check(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new ItaEngine.ItaError(String.format(Locale.ROOT, format, args));
        }
    }
}
