package io.socsim.workloads.mobilebert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every operation of the integer MobileBERT in execution order, with shapes, operand and result
 * tensor names and MAC counts. Result names are those of {@link MobileBertGolden}'s trace;
 * parameter names are those of {@link MobileBertWeights#parameters()} without the suffix.
 *
 * <p>MAC convention: every multiply-accumulate of a linear layer (the four projections of a head
 * included) and of the attention products QK and AV; gathers, norms, adds and the head sum count
 * 0. One MAC is 2 Op.
 */
public final class MobileBertGraph {

    /** What an operation is; decides which unit the mapping gives it. */
    public enum Kind { EMBEDDING_GATHER, LINEAR, ATTENTION_HEAD, HEAD_SUM, ADD_NORM, NO_NORM }

    /** Rows x columns of an int8 row-major tensor. */
    public record Shape(int rows, int cols) {
        @Override
        public String toString() {
            return rows + "x" + cols;
        }
    }

    /**
     * One operation; {@code name} is also its result tensor. {@code inputs} are activations (or
     * {@code tokens}), {@code params} name the parameter groups it reads.
     */
    public record Op(String name, Kind kind, List<String> inputs, List<Shape> inputShapes,
            List<String> params, Shape output, long macs) {
        public Op {
            inputs = List.copyOf(inputs);
            inputShapes = List.copyOf(inputShapes);
            params = List.copyOf(params);
        }
    }

    private MobileBertGraph() {
    }

    /** The ops of the whole network, or of its embedding and first {@code layers} layers. */
    public static List<Op> ops(MobileBertConfig c) {
        return ops(c, c.layers());
    }

    public static List<Op> ops(MobileBertConfig c, int layers) {
        if (layers < 0 || layers > c.layers()) {
            throw new IllegalArgumentException("layers must lie in [0, " + c.layers() + "], got "
                    + layers);
        }
        int s = c.seq();
        List<Op> ops = new ArrayList<>();
        Shape tri = new Shape(s, 3 * c.embedding());
        ops.add(new Op("embedding.trigram", Kind.EMBEDDING_GATHER, List.of("tokens"),
                List.of(new Shape(1, s)), List.of("embedding.table"), tri, 0));
        linear(ops, c, "embedding.proj", "embedding.trigram", tri, c.hidden());
        Shape hidden = new Shape(s, c.hidden());
        ops.add(new Op("embedding.norm", Kind.ADD_NORM, List.of("embedding.proj"),
                List.of(hidden), List.of("embedding.positions", "embedding.norm"), hidden, 0));
        String h = "embedding.norm";
        for (int l = 0; l < layers; l++) {
            h = layer(ops, c, "layer" + l, h);
        }
        return List.copyOf(ops);
    }

    private static String layer(List<Op> ops, MobileBertConfig c, String n, String h) {
        int s = c.seq();
        Shape hidden = new Shape(s, c.hidden());
        Shape bott = new Shape(s, c.bottleneck());
        linear(ops, c, n + ".in.proj", h, hidden, c.bottleneck());
        noNorm(ops, n + ".in.norm", n + ".in.proj", bott);
        linear(ops, c, n + ".qk.proj", h, hidden, c.bottleneck());
        noNorm(ops, n + ".qk.norm", n + ".qk.proj", bott);
        String vIn = c.variant() == MobileBertConfig.Variant.ITA ? n + ".qk.norm" : h;
        Shape vShape = new Shape(s, c.valueInput());
        long p = c.headSize();
        long headMacs = 2L * s * c.bottleneck() * p + (long) s * c.valueInput() * p
                + 2L * s * s * p + (long) s * p * c.bottleneck();
        List<String> heads = new ArrayList<>();
        List<Shape> headShapes = new ArrayList<>();
        for (int i = 0; i < c.heads(); i++) {
            String hn = n + ".head" + i;
            ops.add(new Op(hn, Kind.ATTENTION_HEAD, List.of(n + ".qk.norm", vIn),
                    List.of(bott, vShape), List.of(hn), bott, headMacs));
            heads.add(hn);
            headShapes.add(bott);
        }
        ops.add(new Op(n + ".attn.sum", Kind.HEAD_SUM, heads, headShapes,
                List.of(n + ".attn.sum"), bott, 0));
        addNorm(ops, n + ".attn.norm", n + ".attn.sum", n + ".in.norm", bott);
        String x = n + ".attn.norm";
        for (int f = 0; f < c.ffns(); f++) {
            String fn = n + ".ffn" + f;
            linear(ops, c, fn + ".up", x, bott, c.intermediate());
            linear(ops, c, fn + ".down", fn + ".up", new Shape(s, c.intermediate()),
                    c.bottleneck());
            addNorm(ops, fn + ".norm", fn + ".down", x, bott);
            x = fn + ".norm";
        }
        linear(ops, c, n + ".out.proj", x, bott, c.hidden());
        addNorm(ops, n + ".out.norm", n + ".out.proj", h, hidden);
        return n + ".out.norm";
    }

    private static void linear(List<Op> ops, MobileBertConfig c, String n, String in, Shape x,
            int out) {
        ops.add(new Op(n, Kind.LINEAR, List.of(in), List.of(x), List.of(n),
                new Shape(x.rows(), out), (long) x.rows() * x.cols() * out));
    }

    private static void noNorm(List<Op> ops, String n, String in, Shape x) {
        ops.add(new Op(n, Kind.NO_NORM, List.of(in), List.of(x), List.of(n), x, 0));
    }

    private static void addNorm(List<Op> ops, String n, String a, String b, Shape x) {
        ops.add(new Op(n, Kind.ADD_NORM, List.of(a, b), List.of(x, x), List.of(n), x, 0));
    }

    /** MACs of the embedding and all layers. */
    public static long macs(MobileBertConfig c) {
        return ops(c).stream().mapToLong(Op::macs).sum();
    }

    /** MACs of one layer (all layers are alike). */
    public static long layerMacs(MobileBertConfig c) {
        return macs(c.withLayers(1)) - embeddingMacs(c);
    }

    public static long embeddingMacs(MobileBertConfig c) {
        return (long) c.seq() * 3 * c.embedding() * c.hidden();
    }

    /** 2 x MACs / 1e9. */
    public static double gop(long macs) {
        return 2.0 * macs / 1e9;
    }

    /** One line per op, for logs and the documentation. */
    public static String describe(Op op) {
        return String.format(Locale.ROOT, "%-22s %-16s %-40s -> %-8s %,d MAC", op.name(),
                op.kind(), String.join(", ", op.inputs()), op.output(), op.macs());
    }
}
