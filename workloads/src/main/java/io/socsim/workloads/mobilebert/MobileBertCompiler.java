package io.socsim.workloads.mobilebert;

import io.socsim.config.MemoryConfig;
import io.socsim.config.SocConfig;
import io.socsim.config.TcdmConfig;
import io.socsim.ita.math.Activation;
import io.socsim.ita.math.Matrix32;
import io.socsim.ita.math.Matrix8;
import io.socsim.ita.math.Requant;
import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.Program;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.isa.asm.ProgramElf;
import io.socsim.workloads.ita.ItaRegisters;
import io.socsim.workloads.kernels.AddNormKernel;
import io.socsim.workloads.kernels.HeadSumKernel;
import io.socsim.workloads.runtime.Arena;
import io.socsim.workloads.runtime.Lowering;
import io.socsim.workloads.runtime.Runtime;
import io.socsim.workloads.runtime.Schedule;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles the integer MobileBERT for a configured cluster into one program: weights in L3,
 * activations in L2, every operation lowered through L1 ({@link Lowering}): linear layers and
 * attention heads on ITA, NoNorm, residual adds and the head sum on the cores, the trigram
 * embedding gathered by DMA. A different core count or L1 size gives a different tiling and a
 * different program, as a deployment flow would produce for that hardware.
 */
public final class MobileBertCompiler {

    /** What a compiled program needs to be run and checked. */
    public record Compiled(MobileBertConfig config, byte[] elf, int outputAddress, int outputBytes, int marksAddress,
            List<MarkInfo> marks, long macs, byte[] expectedOutput) {
    }

    /** An operation between two marks: its layer (-1 for the embedding), kind, MACs. */
    public record MarkInfo(String name, int layer, String kind, long macs) {
    }

    private final MobileBertConfig config;
    private final MobileBertWeights weights;
    private final SocConfig soc;
    private final ProgramBuilder b;
    private final Schedule schedule = new Schedule();
    private final Lowering lowering;
    private final Arena l2;
    private final Arena l3;
    private final ByteArrayOutputStream l3Image = new ByteArrayOutputStream();
    private final List<MarkInfo> markInfo = new ArrayList<>();
    private final int l1Base;
    private final int tile;
    private final boolean onCores;
    private Label addNorm;
    private Label headSum;
    private Label coreLinear;
    private Label transpose;
    private Label softmax;

    private MobileBertCompiler(MobileBertConfig config, MobileBertWeights weights, SocConfig soc, boolean onCores) {
        this.onCores = onCores;
        this.config = config;
        this.weights = weights;
        this.soc = soc;
        TcdmConfig l1 = soc.memory().l1().orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no L1"));
        MemoryConfig l2c = soc.memory().l2().orElseThrow(() -> new IllegalArgumentException(soc.name() + " has no L2"));
        MemoryConfig l3c = soc.memory().l3().orElseThrow(() -> new IllegalArgumentException(
                soc.name() + " has no L3 for the weights (MobileBERT's 23 M int8 parameters need off-chip memory)"));
        if (!onCores && !soc.itaEnabled()) {
            throw new IllegalArgumentException(soc.name() + " has no ITA; compile with --no-ita to map everything on the cores");
        }
        this.l1Base = (int) l1.base();
        this.tile = soc.ita().map(i -> i.tileSize()).orElse(64);
        this.b = new ProgramBuilder().textBase((int) l2c.base());
        // code and tables grow from the bottom of L2, activations sit at its top
        long activations = activationBytes(config, onCores || original(config));
        if (activations >= l2c.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "MobileBERT (S=%d) needs %d bytes of activations in L2, which holds %d",
                    config.seq(), activations, l2c.size()));
        }
        this.l2 = new Arena("L2", (l2c.base() + l2c.size() - activations) & ~4095L, activations + 4096);
        this.l3 = new Arena("L3", l3c.base(), l3c.size());
        this.lowering = new Lowering(schedule, l1Base, (int) l1.size(), tile);
    }

    /** Generates the weights for {@code config} and compiles them, linear layers and heads on ITA. */
    public static Compiled compile(MobileBertConfig config, SocConfig soc) {
        return compile(MobileBertWeights.generate(config), soc, false);
    }

    /** {@code onCores}: everything on the cluster cores, ITA unused (the same result, bit for bit). */
    public static Compiled compile(MobileBertConfig config, SocConfig soc, boolean onCores) {
        return compile(MobileBertWeights.generate(config), soc, onCores);
    }

    public static Compiled compile(MobileBertWeights weights, SocConfig soc, boolean onCores) {
        try {
            return new MobileBertCompiler(weights.config(), weights, soc, onCores).build();
        } catch (Lowering.L1TooSmall e) {
            long smallest = smallestL1(weights, soc, onCores);
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "MobileBERT (S=%d) does not fit the %s L1 of %d KiB: %s. The smallest L1 that works is %d KiB (--set memory.l1.size=%dKiB)",
                    weights.config().seq(), soc.name(), soc.memory().l1().orElseThrow().size() / 1024, e.getMessage(),
                    (smallest + 1023) / 1024, (smallest + 1023) / 1024));
        }
    }

    /** The smallest L1 at which every operation finds a tiling (searched over whole KiB). */
    private static long smallestL1(MobileBertWeights w, SocConfig soc, boolean onCores) {
        long lo = 1024, hi = 64L * 1024 * 1024;
        while (hi - lo > 1024) {
            long mid = (lo + hi) / 2 / 1024 * 1024;
            try {
                new MobileBertCompiler(w.config(), w, withL1(soc, mid), onCores).plan();
                hi = mid;
            } catch (Lowering.L1TooSmall e) {
                lo = mid;
            }
        }
        return hi;
    }

    private static SocConfig withL1(SocConfig soc, long size) {
        TcdmConfig l1 = soc.memory().l1().orElseThrow();
        var mem = soc.memory();
        TcdmConfig bigger = new TcdmConfig(l1.base(), size, l1.banks(), l1.bankWidthBytes(), l1.latencyCycles());
        return new SocConfig(soc.name(), soc.description(), soc.clock(), soc.cores(),
                new io.socsim.config.MemoryMapConfig(java.util.Optional.of(bigger), mem.l2(), mem.l3(), mem.ram(), mem.peripherals(), mem.weightsIn()),
                soc.interconnect(), soc.dma(), soc.eventUnit(), soc.ita(), soc.power(), soc.assumptions());
    }

    /** L2 bytes of the activation buffers {@link #plan} takes (each rounded to 16). */
    private static long activationBytes(MobileBertConfig c, boolean onCores) {
        long s = c.seq(), hid = c.hidden(), bot = c.bottleneck(), inter = c.intermediate(), p = c.headSize();
        long[] sizes = {s * hid, s * hid, s * bot, s * bot, s * Math.max(hid, inter), c.heads() * s * bot, s * bot,
            s * bot, s * bot, s * inter, s * bot, c.embedding(), s * 3L * c.embedding(),
            // the core mapping's per-head temporaries: Q', K', V', V'^T, QK, A, AV
            onCores ? s * p : 0, onCores ? s * p : 0, onCores ? s * p : 0, onCores ? s * p : 0, onCores ? s * s : 0,
            onCores ? s * s : 0, onCores ? s * p : 0};
        long total = 0;
        for (long v : sizes) {
            total += (v + 15) & ~15L;
        }
        return total;
    }

    // ------------------------------------------------------------------ compilation

    private Compiled build() {
        int output = plan();
        Runtime.emit(b, schedule, soc);
        b.sectionBase(".l3", (int) l3.base()).section(".l3").bytes(l3Image.toByteArray());
        Program program = b.build();
        long programEnd = program.sections().stream().filter(x -> x.size() > 0 && Integer.toUnsignedLong(x.base()) < Integer.toUnsignedLong((int) l3.base()))
                .mapToLong(x -> Integer.toUnsignedLong(x.base()) + x.size()).max().orElse(0);
        if (programEnd > l2.base()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the program's code and tables end at 0x%08x, inside the activations placed from 0x%08x: L2 is too small for %d layers",
                    programEnd, l2.base(), config.layers()));
        }
        int s = config.seq();
        byte[] expected = MobileBertGolden.run(weights, config.layers(), false).output().data();
        return new Compiled(config, ProgramElf.toBytes(program, false), output, s * config.hidden(),
                program.address(Runtime.MARKS_SYMBOL), List.copyOf(markInfo), MobileBertGraph.macs(config), expected);
    }

    /** Lowers the whole network onto the schedule; returns the output's L2 address. */
    private int plan() {
        addNorm = AddNormKernel.emit(b);
        headSum = HeadSumKernel.emit(b);
        if (onCores || original(config)) {
            coreLinear = io.socsim.workloads.kernels.CoreLinearKernel.emit(b);
            transpose = io.socsim.workloads.kernels.TransposeKernel.emit(b);
            softmax = CoreSoftmax.emit(b);
        }
        int s = config.seq(), hid = config.hidden(), bot = config.bottleneck();
        int h0 = l2.take((long) s * hid), h1 = l2.take((long) s * hid);
        int bin = l2.take((long) s * bot), bqk = l2.take((long) s * bot), lin = l2.take((long) s * Math.max(hid, config.intermediate()));
        int heads = l2.take((long) config.heads() * s * bot), attn = l2.take((long) s * bot);
        int x0 = l2.take((long) s * bot), x1 = l2.take((long) s * bot);
        int t = l2.take((long) s * config.intermediate()), u = l2.take((long) s * bot);
        embedding(h0, t);
        int hIn = h0, hOut = h1;
        for (int layer = 0; layer < config.layers(); layer++) {
            MobileBertWeights.Layer w = weights.layers().get(layer);
            String p = "layer" + layer + ".";
            mark(p + "in_proj", layer, "linear", (long) s * hid * bot);
            linear(p + "in_proj", hIn, w.inProj(), lin);
            mark(p + "in_norm", layer, "norm", 0);
            noNorm(p + "in_norm", lin, w.inNorm(), s, bot, bin);
            mark(p + "qk_proj", layer, "linear", (long) s * hid * bot);
            linear(p + "qk_proj", hIn, w.qkProj(), lin);
            mark(p + "qk_norm", layer, "norm", 0);
            noNorm(p + "qk_norm", lin, w.qkNorm(), s, bot, bqk);
            mark(p + "attention", layer, "attention", attentionMacs());
            attention(p + "attention", bqk, hIn, w, heads);
            mark(p + "head_sum", layer, "head_sum", 0);
            headSumOp(p + "head_sum", heads, w.sumRq(), attn);
            mark(p + "attn_norm", layer, "add_norm", 0);
            addNormOp(p + "attn_norm", attn, bin, w.attnNorm(), s, bot, x0);
            int x = x0, xNext = x1;
            for (int f = 0; f < w.ffns().size(); f++) {
                MobileBertWeights.Ffn ffn = w.ffns().get(f);
                String q = p + "ffn" + f + ".";
                mark(q + "up", layer, "linear", (long) s * bot * config.intermediate());
                linear(q + "up", x, ffn.up(), t);
                mark(q + "down", layer, "linear", (long) s * config.intermediate() * bot);
                linear(q + "down", t, ffn.down(), u);
                mark(q + "norm", layer, "add_norm", 0);
                addNormOp(q + "norm", u, x, ffn.norm(), s, bot, xNext);
                int tmp = x;
                x = xNext;
                xNext = tmp;
            }
            mark(p + "out_proj", layer, "linear", (long) s * bot * hid);
            linear(p + "out_proj", x, w.outProj(), lin);
            mark(p + "out_norm", layer, "add_norm", 0);
            addNormOp(p + "out_norm", lin, hIn, w.outNorm(), s, hid, hOut);
            int tmp = hIn;
            hIn = hOut;
            hOut = tmp;
        }
        mark("end", config.layers(), "end", 0);
        return hIn;
    }

    private long attentionMacs() {
        long s = config.seq(), e = config.bottleneck(), p = config.headSize(), h = config.heads();
        return h * (3 * s * e * p + 2 * s * s * p + s * p * e);
    }

    private void mark(String name, int layer, String kind, long macs) {
        schedule.mark(name);
        markInfo.add(new MarkInfo(name, layer, kind, macs));
    }

    // ------------------------------------------------------------------ operations

    private void embedding(int h0, int scratch) {
        MobileBertWeights.Embedding e = weights.embedding();
        int s = config.seq(), emb = config.embedding(), tri = 3 * emb;
        int table = l3Put(e.table().data());
        int zeros = l2.take(emb);
        int staging = l2.take((long) s * tri);
        mark("embedding.gather", -1, "gather", 0);
        // rows of the trigram input gathered by DMA straight from the table in L3 into L1, then to L2
        lowering.requireL1((long) s * tri, "embedding.gather (trigram rows of S x " + tri + ")");
        int[] tokens = weights.tokens();
        for (int t = 0; t < s; t++) {
            int[] order = {t + 1, t, t - 1};
            for (int part = 0; part < 3; part++) {
                int src = order[part] >= 0 && order[part] < s ? table + tokens[order[part]] * emb : zeros;
                schedule.dma(0, src, l1Base + (t * 3 + part) * emb, emb, 1, emb, emb);
            }
        }
        schedule.dmaWait(0);
        schedule.copy(1, l1Base, staging, s * tri);
        schedule.dmaWait(1);
        mark("embedding.proj", -1, "linear", (long) s * tri * config.hidden());
        linear("embedding.proj", staging, e.proj(), scratch);
        mark("embedding.norm", -1, "add_norm", 0);
        int positions = l3Put(e.positions().data());
        addNormOp("embedding.norm", scratch, positions, e.norm(), s, config.hidden(), h0);
    }

    private void linear(String name, int x, MobileBertWeights.Linear w, int out) {
        int act = w.act().kind() == Activation.RELU ? 1 : w.act().kind() == Activation.GELU ? 2 : 0;
        int actRq = act == 0 ? 0 : ItaRegisters.requantWord(w.act().requant());
        int rq = ItaRegisters.requantWord(w.rq());
        int bAddr = l3Put(ints(w.b()));
        if (onCores) {
            if (act == 2) {
                throw new IllegalArgumentException(name + ": GELU has no core kernel yet");
            }
            int wt = l3Put(transposed(w.w()));
            coreProduct(name, x, config.seq(), w.in(), wt, w.out(), bAddr, rq, act, actRq, false, out);
        } else {
            int wAddr = l3Put(w.w().data());
            lowering.itaLinear(name, x, config.seq(), w.in(), wAddr, w.out(), bAddr, rq, act, actRq, out);
        }
    }

    /** out[s x p] = act(rq(x[s x e] . wt^T + bias)) on the cores; x may be uint8 (softmax probabilities). */
    private void coreProduct(String name, int x, int s, int e, int wt, int p, int bias, int rq, int act, int actRq,
            boolean xUnsigned, int out) {
        lowering.coreLinear(name, x, s, e, wt, p, bias, coreLinear,
                (xa, xs, wa, ws, ba, oa, os, rows, cols, ee) -> new io.socsim.workloads.kernels.CoreLinearKernel.Args(
                        xa, xs, wa, ws, ba, oa, os, rows, cols, ee, rq, act, actRq, xUnsigned ? 1 : 0).encode(), out);
    }

    private static byte[] transposed(Matrix8 m) {
        byte[] t = new byte[m.data().length];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                t[c * m.rows() + r] = m.data()[r * m.cols() + c];
            }
        }
        return t;
    }

    /** A head's six requantisations as ITA register words, in step order Q, K, V, QK, AV, OW. */
    private static int[] requantWords(io.socsim.ita.math.HeadRequant r) {
        return new int[] {ItaRegisters.requantWord(r.q()), ItaRegisters.requantWord(r.k()), ItaRegisters.requantWord(r.v()),
            ItaRegisters.requantWord(r.qk()), ItaRegisters.requantWord(r.av()), ItaRegisters.requantWord(r.ow())};
    }

    private static boolean original(MobileBertConfig c) {
        return c.variant() == MobileBertConfig.Variant.ORIGINAL;
    }

    /**
     * The heads: on ITA (one job per head) in the ITA variant; on the cores without ITA, and in the
     * original variant, whose V projection reads the 512-wide hidden state {@code hidden} while an
     * ITA head job takes one input for Q, K and V.
     */
    private void attention(String name, int in, int hidden, MobileBertWeights.Layer w, int out) {
        if (onCores || original(config)) {
            attentionOnCores(name, in, original(config) ? hidden : in, config.valueInput(), w, out);
            return;
        }
        int e = config.bottleneck(), p = config.headSize();
        int block = Lowering.headBlockBytes(e, p);
        int[] off = Lowering.headBlockOffsets(e, p);
        int base = 0; // L3 sits at 0x80000000: addresses are negative ints, so no sentinel value
        int[] rq = null;
        boolean shared = true;
        for (int hi = 0; hi < w.heads().size(); hi++) {
            MobileBertWeights.Head h = w.heads().get(hi);
            byte[] blockBytes = new byte[block];
            byte[][] parts = {h.wq().data(), h.wk().data(), h.wv().data(), h.wo().data(), ints(h.bq()), ints(h.bk()), ints(h.bv()), ints(h.bo())};
            for (int i = 0; i < parts.length; i++) {
                System.arraycopy(parts[i], 0, blockBytes, off[i], parts[i].length);
            }
            int at = l3Put(blockBytes);
            if (hi == 0) {
                base = at;
            }
            if (at != base + hi * block) {
                throw new IllegalStateException("head blocks must be contiguous in L3");
            }
            int[] words = requantWords(h.rq());
            if (rq != null && !java.util.Arrays.equals(rq, words)) {
                shared = false; // every head has its own requantisation: one job list each
            }
            rq = words;
        }
        int s = config.seq();
        if (shared) {
            lowering.itaHeads(name, in, s, e, p, w.heads().size(), base, rq, out);
        } else {
            for (int i = 0; i < w.heads().size(); i++) {
                lowering.itaHeads(name + ".head" + i, in, s, e, p, 1, base + i * block, requantWords(w.heads().get(i).rq()), out + i * s * e);
            }
        }
    }

    /**
     * One head at a time on the cores, the steps of ITA's head: Q', K', V' projections, QK = Q'.K'^T
     * (K' rows are already the transposed operand), the integer softmax, V'^T, A.V (A unsigned),
     * and the output projection.
     */
    private void attentionOnCores(String name, int in, int vIn, int vCols, MobileBertWeights.Layer w, int out) {
        int s = config.seq(), e = config.bottleneck(), p = config.headSize();
        long mark = l2.mark();
        int q = l2.take((long) s * p), k = l2.take((long) s * p), v = l2.take((long) s * p), vt = l2.take((long) s * p);
        int qk = l2.take((long) s * s), a = l2.take((long) s * s), av = l2.take((long) s * p);
        for (int h = 0; h < w.heads().size(); h++) {
            MobileBertWeights.Head hd = w.heads().get(h);
            String n = name + ".head" + h;
            var r = hd.rq();
            coreProduct(n + ".q", in, s, e, l3Put(transposed(hd.wq())), p, l3Put(ints(hd.bq())), ItaRegisters.requantWord(r.q()), 0, 0, false, q);
            coreProduct(n + ".k", in, s, e, l3Put(transposed(hd.wk())), p, l3Put(ints(hd.bk())), ItaRegisters.requantWord(r.k()), 0, 0, false, k);
            coreProduct(n + ".v", vIn, s, vCols, l3Put(transposed(hd.wv())), p, l3Put(ints(hd.bv())), ItaRegisters.requantWord(r.v()), 0, 0, false, v);
            coreProduct(n + ".qk", q, s, p, k, s, 0, ItaRegisters.requantWord(r.qk()), 0, 0, false, qk);
            CoreSoftmax.lower(lowering, n + ".softmax", softmax, qk, s, a);
            lowering.elementwise(n + ".vt", transpose, new int[] {v}, 1, s * p, new int[0], new int[0],
                    (bufs, rows) -> new io.socsim.workloads.kernels.TransposeKernel.Args(bufs[0], p, bufs[1], s, s, p).encode(), vt);
            coreProduct(n + ".av", a, s, s, vt, p, 0, ItaRegisters.requantWord(r.av()), 0, 0, true, av);
            coreProduct(n + ".o", av, s, p, l3Put(transposed(hd.wo())), e, l3Put(ints(hd.bo())), ItaRegisters.requantWord(r.ow()), 0, 0, false,
                    out + h * s * e);
        }
        l2.reset(mark);
    }

    private void headSumOp(String name, int heads, Requant rq, int out) {
        int s = config.seq(), e = config.bottleneck(), n = config.heads();
        int[] inputs = new int[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = heads + i * s * e;
        }
        lowering.elementwise(name, headSum, inputs, s, e, new int[0], new int[0],
                (bufs, rows) -> HeadSumKernel.Args.of(rows, e, bufs[n], rq, java.util.Arrays.copyOf(bufs, n)).encode(), out);
    }

    private void addNormOp(String name, int a, int bIn, MobileBertWeights.AddNorm n, int rows, int cols, int out) {
        int gamma = l3Put(n.norm().gamma());
        int beta = l3Put(ints(new Matrix32(1, cols, n.norm().beta())));
        long bound = AddNormKernel.normBound(n.norm().gamma(), n.norm().beta());
        lowering.elementwise(name, addNorm, new int[] {a, bIn}, rows, cols, new int[] {gamma, beta}, new int[] {cols, 4 * cols},
                (bufs, r) -> AddNormKernel.Args.of(bufs[0], bufs[1], bufs[4], r, cols, bufs[2], bufs[3], n.addRq(), n.norm().rq(),
                        AddNormKernel.MODE_ADD_NORM, bound).encode(), out);
    }

    private void noNorm(String name, int x, MobileBertWeights.Norm n, int rows, int cols, int out) {
        int gamma = l3Put(n.gamma());
        int beta = l3Put(ints(new Matrix32(1, cols, n.beta())));
        long bound = AddNormKernel.normBound(n.gamma(), n.beta());
        lowering.elementwise(name, addNorm, new int[] {x}, rows, cols, new int[] {gamma, beta}, new int[] {cols, 4 * cols},
                (bufs, r) -> AddNormKernel.Args.of(bufs[0], bufs[0], bufs[3], r, cols, bufs[1], bufs[2], null, n.rq(),
                        AddNormKernel.MODE_NO_NORM, bound).encode(), out);
    }

    // ------------------------------------------------------------------ L3 image

    private int l3Put(byte[] bytes) {
        int at = l3.take(bytes.length);
        int offset = (int) (at - l3.base());
        while (l3Image.size() < offset) {
            l3Image.write(0);
        }
        l3Image.write(bytes, 0, bytes.length);
        return at;
    }

    private static byte[] ints(Matrix32 m) {
        int[] v = m.data();
        byte[] out = new byte[4 * v.length];
        for (int i = 0; i < v.length; i++) {
            for (int k = 0; k < 4; k++) {
                out[4 * i + k] = (byte) (v[i] >>> (8 * k));
            }
        }
        return out;
    }
}
