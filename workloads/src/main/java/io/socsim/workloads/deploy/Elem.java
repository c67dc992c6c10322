package io.socsim.workloads.deploy;

import io.socsim.workloads.onnx.IntType;

/** How a tensor's elements are stored: 1, 2 or 4 bytes, signed or not. */
record Elem(int bytes, boolean signed) {

    static final Elem I32 = new Elem(4, true);

    /** The storage of an inferred type, or null when it needs more than 32 bits. */
    static Elem of(IntType t) {
        if (t.bits() > 32) {
            return null;
        }
        int bytes = t.bits() <= 8 ? 1 : t.bits() <= 16 ? 2 : 4;
        return new Elem(bytes, t.signed() || bytes == 4);
    }

    long min() {
        return signed ? -(1L << (8 * bytes - 1)) : 0;
    }

    @Override
    public String toString() {
        return (signed ? "i" : "u") + 8 * bytes;
    }
}
