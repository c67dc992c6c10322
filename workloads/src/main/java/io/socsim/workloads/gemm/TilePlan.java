package io.socsim.workloads.gemm;

import java.util.Locale;
import java.util.TreeSet;

/**
 * How the output is cut into tiles and where the L1 buffers are. K is never cut, so a tile's
 * accumulators complete inside one tile and nothing but int8 leaves the cores.
 *
 * <p>Tiles go row-tile-major: {@code (tm, tn)} for {@code tm} outer and {@code tn} inner. An operand
 * whose whole matrix fits one tile ({@code tilesM == 1} for A, {@code tilesN == 1} for B^T) is
 * <em>resident</em>: one buffer, loaded once. Every other buffer exists twice (double buffering:
 * tile t uses buffer {@code t & 1}).
 *
 * @param tileRows  rows of A (and C) per tile; the last row tile may be shorter
 * @param tileCols  rows of B^T (columns of C) per tile; the last column tile may be shorter
 * @param tilesM    row tiles
 * @param tilesN    column tiles
 * @param aResident A is loaded once and stays
 * @param bResident B^T is loaded once and stays
 * @param l1Bytes   bytes of L1 used by the buffers, from the L1 base
 * @param buffers   L1 addresses of the buffers (the second of a resident operand equals the first)
 */
public record TilePlan(int tileRows, int tileCols, int tilesM, int tilesN, boolean aResident, boolean bResident,
        int l1Bytes, Buffers buffers) {

    /** L1 buffer addresses, one per parity. */
    public record Buffers(int a0, int a1, int b0, int b1, int c0, int c1) {
        public int a(int parity) {
            return parity == 0 ? a0 : a1;
        }

        public int b(int parity) {
            return parity == 0 ? b0 : b1;
        }

        public int c(int parity) {
            return parity == 0 ? c0 : c1;
        }
    }

    /**
     * Cost, in L2 bytes, charged per tile for its two barriers and the DMA programming; makes the
     * chooser prefer fewer, larger tiles when the traffic is equal. A heuristic, not a measurement.
     */
    static final long TILE_OVERHEAD_BYTES = 512;

    public int tiles() {
        return tilesM * tilesN;
    }

    /** Variant 1: the whole problem as one tile, operands already in L1 at the given addresses. */
    static TilePlan wholeInL1(GemmSpec spec, int a, int bt, int c, int bytes) {
        return new TilePlan(spec.m(), spec.n(), 1, 1, true, true, bytes, new Buffers(a, a, bt, bt, c, c));
    }

    /**
     * Variant 2: the tile sizes with the least L2 traffic (plus {@link #TILE_OVERHEAD_BYTES} per tile,
     * twice that for tiles that cut the 4x2 blocks) whose buffers fit {@code budget} bytes of L1 from {@code l1Base}.
     *
     * @throws IllegalArgumentException when even one row of A and one row of B^T per tile do not fit
     */
    static TilePlan choose(GemmSpec spec, int l1Base, int budget) {
        int m = spec.m(), n = spec.n(), kp = spec.rowStride();
        long bestCost = Long.MAX_VALUE;
        int bestM = 0, bestN = 0;
        for (int tm : candidates(m, 4)) {
            for (int tn : candidates(n, 2)) {
                long foot = footprint(m, n, kp, tm, tn);
                if (foot > budget) {
                    continue;
                }
                int nm = ceilDiv(m, tm), nn = ceilDiv(n, tn);
                long traffic = (nm == 1 ? (long) m * kp : (long) m * kp * nn)
                        + (nn == 1 ? (long) n * kp : (long) n * kp * nm)
                        + (long) m * n;
                // Tiles that cut the 4x2 register blocks make every full tile run the slower edge blocks.
                boolean ragged = tm % 4 != 0 && tm != m || tn % 2 != 0 && tn != n;
                long cost = traffic + (ragged ? 2 : 1) * TILE_OVERHEAD_BYTES * nm * nn;
                if (cost < bestCost || cost == bestCost && tm > bestM) {
                    bestCost = cost;
                    bestM = tm;
                    bestN = tn;
                }
            }
        }
        if (bestM == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "GEMM M=%d N=%d K=%d does not fit %d bytes of L1: even 1-row tiles of A and B^T, "
                            + "double-buffered with their output, need %d bytes (K is never split)",
                    m, n, spec.k(), budget, footprint(m, n, kp, 1, 1)));
        }
        int nm = ceilDiv(m, bestM), nn = ceilDiv(n, bestN);
        boolean resA = nm == 1, resB = nn == 1;
        int sa = align4((long) bestM * kp), sb = align4((long) bestN * kp), sc = align4((long) bestM * bestN);
        int at = l1Base;
        int a0 = at;
        at += sa;
        int a1 = resA ? a0 : at;
        at += resA ? 0 : sa;
        int b0 = at;
        at += sb;
        int b1 = resB ? b0 : at;
        at += resB ? 0 : sb;
        int c0 = at;
        at += sc;
        int c1 = nm * nn == 1 ? c0 : at;
        at += nm * nn == 1 ? 0 : sc;
        return new TilePlan(bestM, bestN, nm, nn, resA, resB, at - l1Base, new Buffers(a0, a1, b0, b1, c0, c1));
    }

    /** L1 bytes of the buffers for tiles of {@code tm x tn}. */
    static long footprint(int m, int n, int kp, int tm, int tn) {
        int nm = ceilDiv(m, tm), nn = ceilDiv(n, tn);
        return (nm == 1 ? 1L : 2L) * align4((long) tm * kp)
                + (nn == 1 ? 1L : 2L) * align4((long) tn * kp)
                + (nm * nn == 1 ? 1L : 2L) * align4((long) tm * tn);
    }

    /**
     * Tile sizes worth trying for a dimension: {@code ceil(dim / parts)} for every part count, as is
     * and rounded up to a multiple of {@code quantum} (the register block), capped at {@code dim}.
     */
    private static TreeSet<Integer> candidates(int dim, int quantum) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int parts = 1; parts <= dim; parts++) {
            int size = ceilDiv(dim, parts);
            out.add(size);
            out.add(Math.min(dim, (size + quantum - 1) / quantum * quantum));
        }
        return out;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int align4(long bytes) {
        long v = (bytes + 3) & ~3L;
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE / 2 : (int) v;
    }
}
