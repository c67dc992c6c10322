package io.socsim.workloads.gemm;

import java.util.Locale;
import java.util.Objects;

/**
 * One int8 GEMM problem for the cluster: {@code C[M][N] = clip8((A[M][K] * B[K][N] * mul) >> shift)}
 * with int32 accumulation, computed by {@code cores} cores.
 *
 * @param m             rows of A and C
 * @param n             columns of B and C
 * @param k             inner dimension
 * @param cores         cores that share the work (1-16); cores of the cluster with a higher id
 *                      only join the barriers
 * @param mul           requantisation multiplier (the product {@code acc * mul} keeps its low 32 bits)
 * @param shift         arithmetic right shift after the multiplication, 0-31
 * @param placement     where the operands live
 * @param seed          seed of the deterministic input generator
 * @param l1BudgetBytes L1 bytes the kernel may use from the L1 base; 0 means the whole L1. Smaller
 *                      budgets force more tiles (and exercise the double buffering in tests)
 */
public record GemmSpec(int m, int n, int k, int cores, int mul, int shift, Placement placement, long seed,
        int l1BudgetBytes) {

    /** Where A, B^T and C live while the program runs. */
    public enum Placement {
        /** All three in L1, preloaded by the ELF loader; no DMA. */
        L1,
        /** A, B^T and C in L2; tiles move through double-buffered L1 buffers by the cluster DMA. */
        L2_DMA
    }

    public GemmSpec {
        Objects.requireNonNull(placement, "placement");
        require(m >= 1 && n >= 1 && k >= 1, "dimensions must be positive: M=%d N=%d K=%d", m, n, k);
        require(m <= 65535 && n <= 65535, "M and N must be at most 65535 (tile descriptors hold 16 bits): M=%d N=%d", m, n);
        require(cores >= 1 && cores <= 16, "cores must be 1-16, got %d", cores);
        require(shift >= 0 && shift <= 31, "shift must be 0-31, got %d", shift);
        require(l1BudgetBytes >= 0, "l1BudgetBytes must not be negative, got %d", l1BudgetBytes);
    }

    /** An L1 problem on 8 cores with multiplier 1, shift 7 and seed 1. */
    public static GemmSpec of(int m, int n, int k) {
        return new GemmSpec(m, n, k, 8, 1, 7, Placement.L1, 1, 0);
    }

    public GemmSpec withCores(int c) {
        return new GemmSpec(m, n, k, c, mul, shift, placement, seed, l1BudgetBytes);
    }

    public GemmSpec withRequant(int multiplier, int rightShift) {
        return new GemmSpec(m, n, k, cores, multiplier, rightShift, placement, seed, l1BudgetBytes);
    }

    public GemmSpec withPlacement(Placement p) {
        return new GemmSpec(m, n, k, cores, mul, shift, p, seed, l1BudgetBytes);
    }

    public GemmSpec withSeed(long s) {
        return new GemmSpec(m, n, k, cores, mul, shift, placement, s, l1BudgetBytes);
    }

    public GemmSpec withL1Budget(int bytes) {
        return new GemmSpec(m, n, k, cores, mul, shift, placement, seed, bytes);
    }

    /** K rounded up to a multiple of 4: rows of A and B^T are zero-padded to whole 32-bit words. */
    public int kPadded() {
        return (k + 3) & ~3;
    }

    /**
     * Bytes between the starts of consecutive rows of A and B^T, in L1 and in L2: K padded to whole
     * words, plus one word when that word count is even. An odd word stride puts consecutive rows
     * in different banks for any power-of-two bank count, so the cores streaming different rows
     * at the same K step do not all queue for one bank (and round-robin arbitration, being fair,
     * would otherwise keep them marching in lockstep on it).
     */
    public int rowStride() {
        int kp = kPadded();
        return (kp / 4) % 2 == 0 ? kp + 4 : kp;
    }

    /** Multiply-accumulates of the problem (unpadded). */
    public long macs() {
        return (long) m * n * k;
    }

    private static void require(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }
}
