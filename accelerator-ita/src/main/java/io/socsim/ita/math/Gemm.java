package io.socsim.ita.math;

/**
 * ITA's matrix step: exact int8 x int8 products summed in int32, bias added per output column,
 * then clamped to the 26-bit accumulator range (golden README section 3.1).
 *
 * <p>The primitives work on rectangular blocks addressed by offsets so that a tiled engine can
 * drive them one 64x64x64 tile at a time ({@link #accumulate}, then {@link #finish} once the
 * whole inner dimension has been summed, then {@link #requantize}). {@link #linear} is the
 * whole-matrix convenience built from the same calls. Because the sums are exact integers, the
 * tile order never changes the result; only the clamp must come after the last tile.
 */
public final class Gemm {

    /** ITA tile edge: a tile is a 64x64 output block over a 64-deep inner dimension. */
    public static final int TILE = 64;
    /** Accumulator width WO. */
    public static final int ACC_BITS = 26;
    public static final int ACC_MIN = -(1 << (ACC_BITS - 1));
    public static final int ACC_MAX = (1 << (ACC_BITS - 1)) - 1;
    /** Largest inner dimension whose exact int8 x uint8 sums fit int32: 255 * 128 * k < 2^31. */
    static final int MAX_EXACT_INNER = Integer.MAX_VALUE / (255 * 128);

    private Gemm() {
    }

    /** Clamps to [-2^25, 2^25 - 1]. */
    public static int clip26(long v) {
        return (int) Math.max(ACC_MIN, Math.min(ACC_MAX, v));
    }

    /**
     * Adds one block product into {@code acc}:
     * {@code acc[i0+i][j0+j] += sum_{t<k} A[i0+i][k0+t] * B[k0+t][j0+j]} for {@code i<m, j<n}.
     *
     * @param aUnsigned read A as uint8 (the softmax output in the AV step)
     * @param bTransposed B is stored transposed, i.e. {@code B[t][j] = b[j][t]} (Kp in the QK step)
     */
    public static void accumulate(Matrix32 acc, Matrix8 a, boolean aUnsigned, Matrix8 b,
            boolean bTransposed, int i0, int j0, int k0, int m, int n, int k) {
        checkBlock(acc, a, b, bTransposed, i0, j0, k0, m, n, k);
        int[] c = acc.data();
        byte[] ad = a.data();
        byte[] bd = b.data();
        int cn = acc.cols();
        int an = a.cols();
        int bn = b.cols();
        int aMask = aUnsigned ? 0xFF : 0xFFFFFFFF;
        // Widen both operands to int once, B column-major, so that every output is an int dot
        // product over two contiguous arrays: a reduction the JIT vectorises (about 4x the
        // byte-operand loop on the JDK 17 C2).
        int[] bCols = new int[n * k];
        for (int j = 0; j < n; j++) {
            for (int t = 0; t < k; t++) {
                bCols[j * k + t] = bTransposed ? bd[(j0 + j) * bn + k0 + t] : bd[(k0 + t) * bn + j0 + j];
            }
        }
        int[] aRow = new int[k];
        for (int i = 0; i < m; i++) {
            int aStart = (i0 + i) * an + k0;
            for (int t = 0; t < k; t++) {
                aRow[t] = ad[aStart + t] & aMask;
            }
            int cRow = (i0 + i) * cn + j0;
            for (int j = 0; j < n; j++) {
                int col = j * k;
                int s = 0;
                for (int t = 0; t < k; t++) {
                    s += aRow[t] * bCols[col + t];
                }
                c[cRow + j] += s;
            }
        }
    }

    /**
     * Completes an output block after its whole inner dimension has been accumulated: adds
     * {@code bias[j0+j]} to every row (when bias is non-null) and applies the 26-bit clamp.
     */
    public static void finish(Matrix32 acc, Matrix32 bias, int i0, int j0, int m, int n) {
        checkRange("output", i0, m, acc.rows());
        checkRange("output", j0, n, acc.cols());
        if (bias != null && (bias.rows() != 1 || bias.cols() != acc.cols())) {
            throw new IllegalArgumentException("bias must be 1x" + acc.cols() + ", got "
                    + bias.rows() + "x" + bias.cols());
        }
        int[] c = acc.data();
        int cn = acc.cols();
        for (int i = 0; i < m; i++) {
            int row = (i0 + i) * cn + j0;
            for (int j = 0; j < n; j++) {
                long v = (long) c[row + j] + (bias == null ? 0 : bias.data()[j0 + j]);
                c[row + j] = clip26(v);
            }
        }
    }

    /** Requantises an output block of {@code acc} into the same block of {@code out}. */
    public static void requantize(Matrix32 acc, Requant rq, Matrix8 out, int i0, int j0, int m,
            int n) {
        if (out.rows() != acc.rows() || out.cols() != acc.cols()) {
            throw new IllegalArgumentException("output shape " + out.rows() + "x" + out.cols()
                    + " != accumulator shape " + acc.rows() + "x" + acc.cols());
        }
        checkRange("output", i0, m, acc.rows());
        checkRange("output", j0, n, acc.cols());
        for (int i = 0; i < m; i++) {
            int row = (i0 + i) * acc.cols() + j0;
            rq.apply(acc.data(), row, out.data(), row, n);
        }
    }

    /**
     * Whole-matrix step {@code clip26(A . B + bias)}. {@code bias} may be null (QK and AV have none).
     * One block spanning the whole matrix gives the same exact sums as ITA's 64x64x64 tiles (the
     * clamp comes after the whole inner dimension either way) with long inner loops the JIT can
     * vectorise; int32 cannot overflow below 2^31 / 2^14 = 131072 inner terms.
     */
    public static Matrix32 linear(Matrix8 a, boolean aUnsigned, Matrix8 b, boolean bTransposed,
            Matrix32 bias) {
        int m = a.rows();
        int n = bTransposed ? b.rows() : b.cols();
        int k = a.cols();
        if (k > MAX_EXACT_INNER) {
            throw new IllegalArgumentException("inner dimension " + k + " exceeds " + MAX_EXACT_INNER
                    + ": int32 partial sums could wrap");
        }
        Matrix32 acc = Matrix32.zeros(m, n);
        accumulate(acc, a, aUnsigned, b, bTransposed, 0, 0, 0, m, n, k);
        finish(acc, bias, 0, 0, m, n);
        return acc;
    }

    /** Signed int8 A, B as stored: {@code clip26(A . B + bias)}. */
    public static Matrix32 linear(Matrix8 a, Matrix8 b, Matrix32 bias) {
        return linear(a, false, b, false, bias);
    }

    private static void checkBlock(Matrix32 acc, Matrix8 a, Matrix8 b, boolean bTransposed,
            int i0, int j0, int k0, int m, int n, int k) {
        int bInner = bTransposed ? b.cols() : b.rows();
        int bOuter = bTransposed ? b.rows() : b.cols();
        if (a.cols() != bInner) {
            throw new IllegalArgumentException("inner dimensions differ: A is " + a.rows() + "x"
                    + a.cols() + ", B" + (bTransposed ? "^T" : "") + " has " + bInner + " rows");
        }
        if (acc.rows() != a.rows() || acc.cols() != bOuter) {
            throw new IllegalArgumentException("accumulator is " + acc.rows() + "x" + acc.cols()
                    + ", expected " + a.rows() + "x" + bOuter);
        }
        checkRange("row", i0, m, acc.rows());
        checkRange("column", j0, n, acc.cols());
        checkRange("inner", k0, k, a.cols());
    }

    private static void checkRange(String what, int start, int len, int size) {
        if (start < 0 || len < 0 || start + len > size) {
            throw new IndexOutOfBoundsException(what + " block [" + start + ", " + (start + len)
                    + ") outside [0, " + size + ")");
        }
    }
}
