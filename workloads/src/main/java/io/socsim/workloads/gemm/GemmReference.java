package io.socsim.workloads.gemm;

import java.util.SplittableRandom;

/**
 * The golden model: a plain-Java integer GEMM with the kernel's exact requantisation, and the
 * deterministic input generator.
 */
public final class GemmReference {

    private GemmReference() {
    }

    /** Operands in their logical layouts: A row-major M x K, B row-major K x N. */
    public record Inputs(byte[] a, byte[] b) {
    }

    /** Uniform int8 operands over the full range [-128, 127], reproducible from {@code spec.seed()}. */
    public static Inputs inputs(GemmSpec spec) {
        SplittableRandom r = new SplittableRandom(spec.seed());
        byte[] a = new byte[spec.m() * spec.k()];
        byte[] b = new byte[spec.k() * spec.n()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) r.nextInt(256);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return new Inputs(a, b);
    }

    /**
     * {@code C[i][j] = clip8((sum_k A[i][k] * B[k][j]) * mul >> shift)}: int32 accumulator, the
     * low 32 bits of the product (what {@code mul} gives), arithmetic shift, saturation to
     * [-128, 127] (what {@code p.clip rd,rs,8} gives). Row-major M x N.
     */
    public static byte[] gemm(byte[] a, byte[] b, int m, int n, int k, int mul, int shift) {
        byte[] c = new byte[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int acc = 0;
                for (int p = 0; p < k; p++) {
                    acc += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = requant(acc, mul, shift);
            }
        }
        return c;
    }

    /** One output value from its accumulator. */
    public static byte requant(int acc, int mul, int shift) {
        int v = (acc * mul) >> shift;
        return (byte) Math.max(-128, Math.min(127, v));
    }

    /** A (M x K) stored with rows padded to {@code kp} bytes, the padding zero. */
    static byte[] padRows(byte[] a, int rows, int k, int kp) {
        byte[] out = new byte[rows * kp];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * k, out, i * kp, k);
        }
        return out;
    }

    /** B (K x N) transposed to N x K, rows padded to {@code kp} bytes: the layout the inner loop streams. */
    static byte[] transposePadded(byte[] b, int k, int n, int kp) {
        byte[] out = new byte[n * kp];
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                out[j * kp + p] = b[p * n + j];
            }
        }
        return out;
    }
}
