package io.socsim.workloads.onnx;

/**
 * An inferred integer element type: width in bits and signedness. The deployment flow's tensors
 * are int8/uint8 activations, int32 accumulators and whatever a requantisation's
 * {@code n_levels} makes of them.
 */
public record IntType(int bits, boolean signed) {

    public static final IntType INT8 = new IntType(8, true);
    public static final IntType UINT8 = new IntType(8, false);
    public static final IntType INT16 = new IntType(16, true);
    public static final IntType UINT16 = new IntType(16, false);
    public static final IntType INT32 = new IntType(32, true);
    public static final IntType UINT32 = new IntType(32, false);
    public static final IntType INT64 = new IntType(64, true);

    private static final IntType[] LADDER = {INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64};

    public IntType {
        if (bits < 1 || bits > 64 || !signed && bits == 64) {
            throw new IllegalArgumentException("no " + (signed ? "int" : "uint") + bits);
        }
    }

    public long min() {
        return signed ? -(1L << (bits - 1)) : 0;
    }

    public long max() {
        return signed ? (bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1) : (1L << bits) - 1;
    }

    public boolean contains(long v) {
        return v >= min() && v <= max();
    }

    public boolean contains(IntType t) {
        return t.min() >= min() && t.max() <= max();
    }

    /** The type of a quantised tensor with {@code levels} levels (a power of two). */
    public static IntType ofLevels(long levels, boolean signed) {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, levels - 1));
        return new IntType(Math.max(1, bits), signed);
    }

    /** The narrowest of int8, uint8, int16, uint16, int32, uint32, int64 holding all values. */
    public static IntType fitting(long[] values) {
        long lo = 0;
        long hi = 0;
        for (long v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return fitting(lo, hi);
    }

    public static IntType fitting(long lo, long hi) {
        for (IntType t : LADDER) {
            if (t.contains(lo) && t.contains(hi)) {
                return t;
            }
        }
        return INT64;
    }

    /** The narrowest ladder type holding both. */
    public static IntType union(IntType a, IntType b) {
        return fitting(Math.min(a.min(), b.min()), Math.max(a.max(), b.max()));
    }

    @Override
    public String toString() {
        return (signed ? "int" : "uint") + bits;
    }
}
