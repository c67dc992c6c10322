package io.socsim.workloads.onnx;

/**
 * The quantisation flow's integer operators, as the flow defines them (quantlib's integerised
 * modules, which produced the test vectors, and the deployment compiler's reference kernels):
 * requantisation, integer softmax, ITA's max and partial max, the integer norms, GELU and
 * hard-swish. Softmax-like and norm operators work along the last axis.
 */
final class QuantOps {

    private QuantOps() {
    }

    /** The number of levels of a requantised output ({@code n_levels} or {@code n_levels_out}). */
    static long levels(NodeCall n) {
        long levels = n.has("n_levels") ? n.intAttr("n_levels") : n.intAttr("n_levels_out");
        if (levels < 2) {
            throw n.fail("n_levels = " + levels + " must be at least 2");
        }
        return levels;
    }

    /**
     * RequantShift: {@code clip(floor((x * mul + add + div/2) / div))}, i.e. rounded half up, to
     * {@code [-L/2, L/2 - 1]} when signed and {@code [0, L - 1]} otherwise (the deployment
     * kernel adds {@code 2^(log2 div - 1)} before its arithmetic shift). A 1-D {@code mul}/{@code add} of more than one
     * element is per channel (axis 1), as quantlib reshapes it; other shapes broadcast.
     */
    static Tensor[] requantShift(NodeCall n) {
        n.requireInputs(3, 3);
        Tensor x = n.input(0);
        long div = n.intAttr("div");
        if (div <= 0) {
            throw n.fail("div = " + div + " must be positive");
        }
        long levels = levels(n);
        boolean signed = n.intAttr("signed") != 0;
        long lo = signed ? -(levels / 2) : 0;
        long hi = signed ? levels / 2 - 1 : levels - 1;
        long[] mul = Broadcast.expand(n, perChannel(n, n.input(1), x), x.shape(), "mul");
        long[] add = Broadcast.expand(n, perChannel(n, n.input(2), x), x.shape(), "add");
        long[] out = new long[x.size()];
        for (int i = 0; i < out.length; i++) {
            long v = Math.addExact(Math.multiplyExact(x.data()[i], mul[i]), add[i]);
            long y = Math.floorDiv(v + div / 2, div);
            out[i] = Math.min(hi, Math.max(lo, y));
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }

    /**
     * {@code mul}/{@code add} as they apply to {@code x}: broadcast when their shape broadcasts to
     * x's; otherwise, when they hold one value per channel (axis 1), per channel, as quantlib
     * reshapes 1-D parameters and as the deployment kernel indexes them (e.g. a 2-D convolution's
     * {@code [C, 1, 1]} parameters reused after a 1-D convolution).
     */
    private static Tensor perChannel(NodeCall n, Tensor p, Tensor x) {
        long[] b = Broadcast.shape(p.shape(), x.shape());
        if (b != null && java.util.Arrays.equals(b, x.shape())
                && !(p.rank() == 1 && p.size() > 1 && x.rank() >= 2)) {
            return p;
        }
        if (x.rank() >= 2 && p.size() == x.dim(1)) {
            long[] shape = new long[x.rank() - 1];
            java.util.Arrays.fill(shape, 1);
            shape[0] = p.size();
            return p.reshape(shape);
        }
        return p;
    }

    private static long[] row(Tensor x) {
        if (x.rank() == 0) {
            return new long[] {1, 1};
        }
        long len = x.dim(x.rank() - 1);
        return new long[] {len == 0 ? 0 : x.size() / len, len};
    }

    /**
     * iSoftmax (I-BERT's polynomial exponential): per row, {@code t = x - max},
     * {@code z = floor(-t / log2)}, {@code p = t + z log2},
     * {@code e = floor((A (p + B)^2 + C) / 2^z)}, output {@code floor(e (L - 1) / sum e)}
     * clipped to {@code [0, L - 1]}.
     */
    static Tensor[] iSoftmax(NodeCall n) {
        n.requireInputs(1, 1);
        Tensor x = n.input(0);
        long a = n.intAttr("coeffA");
        long b = n.intAttr("coeffB");
        long c = n.intAttr("coeffC");
        long log2 = n.intAttr("log2");
        long levels = n.intAttr("n_levels");
        if (log2 <= 0) {
            throw n.fail("log2 = " + log2 + " must be positive");
        }
        long[] rc = row(x);
        int rows = (int) rc[0];
        int len = (int) rc[1];
        long[] out = new long[x.size()];
        long[] e = new long[len];
        for (int r = 0; r < rows; r++) {
            int base = r * len;
            long max = Long.MIN_VALUE;
            for (int j = 0; j < len; j++) {
                max = Math.max(max, x.data()[base + j]);
            }
            long sum = 0;
            for (int j = 0; j < len; j++) {
                long t = x.data()[base + j] - max;
                long z = -t / log2;
                long p = t + z * log2;
                long poly = Math.addExact(Math.multiplyExact(a, (p + b) * (p + b)), c);
                e[j] = z >= 63 ? (poly < 0 ? -1 : 0) : poly >> z;
                sum += e[j];
            }
            if (sum <= 0) {
                throw n.fail("row " + r + " has a non-positive exponential sum " + sum);
            }
            for (int j = 0; j < len; j++) {
                long v = Math.floorDiv(e[j] * (levels - 1), sum);
                out[base + j] = Math.min(levels - 1, Math.max(0, v));
            }
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }

    /** log2 of the level count, which ITA's max requires to be a power of two. */
    private static int bitsOf(NodeCall n, long levels) {
        if (Long.bitCount(levels) != 1) {
            throw n.fail("n_levels = " + levels + " must be a power of two");
        }
        return Long.numberOfTrailingZeros(levels);
    }

    /**
     * The shift for a distance {@code d} below the running maximum:
     * {@code floor(d * B / 2^B + 1/2)}, B = log2(n_levels); for 8 bits {@code (d + 16) >> 5}.
     */
    private static long shift(long d, int bits) {
        return Math.floorDiv(2 * d * bits + (1L << bits), 1L << (bits + 1));
    }

    private static long shr(long v, long s) {
        return s >= 63 ? 0 : v >> s;
    }

    /**
     * ITAMax: per row, {@code s = shift(max - x)}, {@code D = sum L >> s},
     * {@code inv = floor(L (L - 1) / D)}, output {@code inv >> s} in {@code [0, L - 1]}.
     */
    static Tensor[] itaMax(NodeCall n) {
        n.requireInputs(1, 1);
        Tensor x = n.input(0);
        long levels = n.intAttr("n_levels");
        int bits = bitsOf(n, levels);
        long[] rc = row(x);
        int rows = (int) rc[0];
        int len = (int) rc[1];
        long[] out = new long[x.size()];
        for (int r = 0; r < rows; r++) {
            int base = r * len;
            long max = Long.MIN_VALUE;
            for (int j = 0; j < len; j++) {
                max = Math.max(max, x.data()[base + j]);
            }
            long den = 0;
            for (int j = 0; j < len; j++) {
                den += shr(levels, shift(max - x.data()[base + j], bits));
            }
            long inv = levels * (levels - 1) / den;
            for (int j = 0; j < len; j++) {
                out[base + j] = shr(inv, shift(max - x.data()[base + j], bits));
            }
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }

    /**
     * ITAPartialMax: ITAMax computed in column groups of {@code group_width}, left to right, as
     * ITA streams them. The running maximum starts at -128; a group whose maximum exceeds it
     * raises it and shifts the sum so far right by {@code shift(new - old)}; the group then adds
     * {@code L >> shift(max - x)} of its own columns. The inverse is
     * {@code floor((L/2 - 1) L / D)}, so outputs lie in {@code [0, L/2 - 1]}: the deployment
     * kernel scales this softmax to 127 because its dot-product units multiply signed by signed.
     */
    static Tensor[] itaPartialMax(NodeCall n) {
        n.requireInputs(1, 1);
        Tensor x = n.input(0);
        long levels = n.intAttr("n_levels");
        int bits = bitsOf(n, levels);
        long width = n.intAttr("group_width");
        if (width <= 0) {
            throw n.fail("group_width = " + width + " must be positive");
        }
        long[] rc = row(x);
        int rows = (int) rc[0];
        int len = (int) rc[1];
        long[] out = new long[x.size()];
        for (int r = 0; r < rows; r++) {
            int base = r * len;
            long max = -128;
            long den = 0;
            for (int g0 = 0; g0 < len; g0 += (int) width) {
                int g1 = (int) Math.min(len, g0 + width);
                long cur = Long.MIN_VALUE;
                for (int j = g0; j < g1; j++) {
                    cur = Math.max(cur, x.data()[base + j]);
                }
                long rescale = 0;
                if (cur > max) {
                    rescale = shift(cur - max, bits);
                    max = cur;
                }
                long part = 0;
                for (int j = g0; j < g1; j++) {
                    part += shr(levels, shift(max - x.data()[base + j], bits));
                }
                den = shr(den, rescale) + part;
            }
            long inv = (levels / 2 - 1) * levels / den;
            for (int j = 0; j < len; j++) {
                out[base + j] = shr(inv, shift(max - x.data()[base + j], bits));
            }
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }

    /** floor(sqrt(v)) for v >= 0, exactly. */
    static long isqrt(long v) {
        long r = (long) Math.sqrt((double) v);
        while (r * r > v) {
            r--;
        }
        while ((r + 1) * (r + 1) <= v) {
            r++;
        }
        return r;
    }

    private static long levelsPlain(NodeCall n) {
        long levels = n.intAttr("n_levels");
        if (levels < 2) {
            throw n.fail("n_levels = " + levels + " must be at least 2");
        }
        return levels;
    }

    private static long positive(NodeCall n, String name) {
        long v = n.intAttr(name);
        if (v <= 0) {
            throw n.fail(name + " = " + v + " must be positive");
        }
        return v;
    }

    /**
     * iLayerNorm: per row, {@code c = x - trunc(mean x)},
     * {@code s = floor(sqrt(floor(mean c^2) + 1))}, output
     * {@code clip(floor((trunc(c w / s) + b) / D))} to {@code [-L/2, L/2 - 1]}.
     */
    static Tensor[] iLayerNorm(NodeCall n) {
        n.requireInputs(3, 3);
        Tensor x = n.input(0);
        long d = positive(n, "D");
        long levels = levelsPlain(n);
        long[] w = Broadcast.expand(n, n.input(1), x.shape(), "weight");
        long[] bias = Broadcast.expand(n, n.input(2), x.shape(), "bias");
        long[] rc = row(x);
        int rows = (int) rc[0];
        int len = (int) rc[1];
        long[] out = new long[x.size()];
        for (int r = 0; r < rows; r++) {
            int base = r * len;
            long sum = 0;
            for (int j = 0; j < len; j++) {
                sum += x.data()[base + j];
            }
            long mean = sum / len; // truncation toward zero, as quantlib's .int()
            long sq = 0;
            for (int j = 0; j < len; j++) {
                long c = x.data()[base + j] - mean;
                sq += c * c;
            }
            long s = isqrt(sq / len + 1);
            for (int j = 0; j < len; j++) {
                int i = base + j;
                long y = Math.multiplyExact(x.data()[i] - mean, w[i]) / s + bias[i];
                out[i] = clip(Math.floorDiv(y, d), levels);
            }
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }

    private static long clip(long v, long levels) {
        return Math.min(levels / 2 - 1, Math.max(-(levels / 2), v));
    }

    /**
     * iRMSNorm: per row, {@code s = floor(sqrt(floor(mean x^2) + 1))}, output
     * {@code clip(floor(x w / (s D)))} to {@code [-L/2, L/2 - 1]}.
     */
    static Tensor[] iRmsNorm(NodeCall n) {
        n.requireInputs(2, 2);
        Tensor x = n.input(0);
        long d = positive(n, "D");
        long levels = levelsPlain(n);
        long[] w = Broadcast.expand(n, n.input(1), x.shape(), "weight");
        long[] rc = row(x);
        int rows = (int) rc[0];
        int len = (int) rc[1];
        long[] out = new long[x.size()];
        for (int r = 0; r < rows; r++) {
            int base = r * len;
            long sq = 0;
            for (int j = 0; j < len; j++) {
                long v = x.data()[base + j];
                sq += v * v;
            }
            long s = isqrt(sq / len + 1);
            for (int j = 0; j < len; j++) {
                int i = base + j;
                out[i] = clip(Math.floorDiv(Math.multiplyExact(x.data()[i], w[i]),
                        Math.multiplyExact(s, d)), levels);
            }
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }

    /**
     * iNoNorm (MobileBERT's affine replacement of the layer norm):
     * {@code clip(floor((x w + b) mul / D))} to {@code [-L/2, L/2 - 1]}.
     */
    static Tensor[] iNoNorm(NodeCall n) {
        n.requireInputs(3, 3);
        Tensor x = n.input(0);
        long d = positive(n, "D");
        long mul = n.intAttr("mul");
        long levels = levelsPlain(n);
        long[] w = Broadcast.expand(n, n.input(1), x.shape(), "weight");
        long[] b = Broadcast.expand(n, n.input(2), x.shape(), "bias");
        long[] out = new long[x.size()];
        for (int i = 0; i < out.length; i++) {
            long y = Math.multiplyExact(x.data()[i] * w[i] + b[i], mul);
            out[i] = clip(Math.floorDiv(y, d), levels);
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }

    /**
     * iGELU (I-BERT's second-order erf): {@code L = sign(x) (one - (min(|x|, -b) + b)^2)},
     * output {@code x floor((one + L) / 2)}.
     */
    static Tensor[] iGelu(NodeCall n) {
        n.requireInputs(1, 1);
        Tensor x = n.input(0);
        long b = n.intAttr("b");
        long one = n.intAttr("one");
        long[] out = new long[x.size()];
        for (int i = 0; i < out.length; i++) {
            long v = x.data()[i];
            long q = Math.min(Math.abs(v), -b) + b;
            long l = Long.signum(v) * (one - q * q);
            out[i] = v * Math.floorDiv(one + l, 2);
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }

    /** iHardswish: {@code x * (clip(x + three, 0, six) * one_over_six)}. */
    static Tensor[] iHardswish(NodeCall n) {
        n.requireInputs(1, 1);
        Tensor x = n.input(0);
        long three = n.intAttr("three");
        long six = n.intAttr("six");
        long oneOverSix = n.intAttr("one_over_six");
        long[] out = new long[x.size()];
        for (int i = 0; i < out.length; i++) {
            long v = x.data()[i];
            out[i] = v * (Math.min(six, Math.max(0, v + three)) * oneOverSix);
        }
        return new Tensor[] {new Tensor(x.shape(), out)};
    }
}
