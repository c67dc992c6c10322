package io.socsim.workloads.mobilebert;

import java.util.Objects;

/**
 * Shape of the integer MobileBERT (HuggingFace defaults, platform.md section 7) and the seed from
 * which its weights, its requantisation constants and its input tokens are generated.
 *
 * @param seq sequence length S; a multiple of 16 because ITAmax streams 16-column groups
 * @param variant where each attention head takes its value input from
 */
public record MobileBertConfig(int layers, int hidden, int bottleneck, int heads, int ffns,
        int intermediate, int embedding, int vocab, int seq, Variant variant, long seed) {

    /** Where V comes from. */
    public enum Variant {
        /** V from the 128-wide query/key bottleneck: one input tensor per head, as ITA needs. */
        ITA,
        /** V from the 512-wide layer input, as in the published MobileBERT. */
        ORIGINAL
    }

    public static final int DEFAULT_SEQ = 128;
    public static final long DEFAULT_SEED = 0x5eed_b3a7L;

    public MobileBertConfig {
        Objects.requireNonNull(variant, "variant");
        check("layers", layers, 1, 64);
        check("hidden", hidden, 16, 4096);
        check("bottleneck", bottleneck, 16, hidden);
        check("heads", heads, 1, bottleneck);
        check("ffns", ffns, 1, 16);
        check("intermediate", intermediate, 16, 8192);
        check("embedding", embedding, 1, 4096);
        check("vocab", vocab, 1, 1 << 20);
        check("seq", seq, 16, 4096);
        if (bottleneck % heads != 0) {
            throw new IllegalArgumentException("bottleneck " + bottleneck
                    + " is not a multiple of heads " + heads);
        }
        if (seq % 16 != 0) {
            throw new IllegalArgumentException("seq " + seq
                    + " is not a multiple of 16 (ITAmax works on 16-column groups)");
        }
    }

    /** MobileBERT as published: 24 layers, S = 128, the ITA variant. */
    public static MobileBertConfig defaults() {
        return new MobileBertConfig(24, 512, 128, 4, 4, 512, 128, 30522, DEFAULT_SEQ,
                Variant.ITA, DEFAULT_SEED);
    }

    public int headSize() {
        return bottleneck / heads;
    }

    /** Columns of the value input of a head: the bottleneck (ITA) or the hidden state (ORIGINAL). */
    public int valueInput() {
        return variant == Variant.ITA ? bottleneck : hidden;
    }

    public MobileBertConfig withLayers(int n) {
        return new MobileBertConfig(n, hidden, bottleneck, heads, ffns, intermediate, embedding,
                vocab, seq, variant, seed);
    }

    public MobileBertConfig withSeq(int s) {
        return new MobileBertConfig(layers, hidden, bottleneck, heads, ffns, intermediate,
                embedding, vocab, s, variant, seed);
    }

    public MobileBertConfig withVariant(Variant v) {
        return new MobileBertConfig(layers, hidden, bottleneck, heads, ffns, intermediate,
                embedding, vocab, seq, v, seed);
    }

    public MobileBertConfig withSeed(long s) {
        return new MobileBertConfig(layers, hidden, bottleneck, heads, ffns, intermediate,
                embedding, vocab, seq, variant, s);
    }

    private static void check(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must lie in [" + lo + ", " + hi + "], got "
                    + v);
        }
    }
}
