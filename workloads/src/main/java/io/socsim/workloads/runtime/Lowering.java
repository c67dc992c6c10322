package io.socsim.workloads.runtime;

import io.socsim.config.hw.RegisterMap;
import io.socsim.isa.asm.Label;
import java.util.Locale;

/**
 * Lowers tensor operations onto a {@link Schedule}: operands move from L2/L3 into a static L1
 * placement by DMA, ITA or the cores compute, results move back to L2. Every operation starts with
 * all of L1 free (its inputs come from L2 or L3 and its output goes back to L2), and inside an
 * operation transfers are double-buffered so the DMA works while ITA or the cores compute.
 */
public final class Lowering {

    /** ITA register offsets (the register map). */
    private static final int MODE = RegisterMap.Ita.MODE, S = RegisterMap.Ita.S, E = RegisterMap.Ita.E, P = RegisterMap.Ita.P,
            ACT = RegisterMap.Ita.ACT, IN = RegisterMap.Ita.IN, IN_KV = RegisterMap.Ita.IN_KV, W0 = RegisterMap.Ita.W0,
            B0 = RegisterMap.Ita.B0, OUT = RegisterMap.Ita.OUT, RQ0 = RegisterMap.Ita.RQ0, SCRATCH = RegisterMap.Ita.SCRATCH,
            ACT_RQ = RegisterMap.Ita.ACT_RQ;
    private static final int X_SLOT = 0, W_SLOT = 1, B_SLOT = 3, OUT_SLOT = 5, ITA_SLOT = 7, IN2_SLOT = 8;

    private final Schedule schedule;
    private final int l1Base;
    private final int l1Size;
    private final int tile;
    private long largestL1Need;

    public Lowering(Schedule schedule, int l1Base, int l1Size, int itaTile) {
        this.schedule = schedule;
        this.l1Base = l1Base;
        this.l1Size = l1Size;
        this.tile = itaTile;
    }

    public int l1Size() {
        return l1Size;
    }

    /** The most L1 any single-buffered operation needed so far (for "smallest L1" messages). */
    public long largestL1Need() {
        return largestL1Need;
    }

    /** Declares that {@code what} needs {@code bytes} of L1 at once (throws {@link L1TooSmall} if not there). */
    public void requireL1(long bytes, String what) {
        need(bytes, what);
    }

    private void need(long bytes, String what) {
        largestL1Need = Math.max(largestL1Need, bytes);
        if (bytes > l1Size) {
            throw new L1TooSmall(what, bytes, l1Size);
        }
    }

    /** An operation that does not fit L1 even at its smallest tiling. */
    public static final class L1TooSmall extends IllegalArgumentException {
        private final long needed;

        L1TooSmall(String what, long needed, long available) {
            super(String.format(Locale.ROOT, "%s needs %d bytes of L1 at its smallest tiling; L1 has %d", what, needed, available));
            this.needed = needed;
        }

        public long needed() {
            return needed;
        }
    }

    private static int align(long v) {
        return (int) ((v + 15) & ~15L);
    }

    // ------------------------------------------------------------------ ITA linear layer

    /**
     * {@code out[S x cout] = act(rq(x[S x cin] . w[cin x cout] + bias))} on ITA. Tiles: all rows
     * and as many whole 64-column tiles as fit, double-buffered; rows are split only when even one
     * column tile does not fit.
     */
    public void itaLinear(String name, int x, int s, int cin, int w, int cout, int bias, int rqWord, int act, int actRqWord, int out) {
        int[] plan = tilePlan(s, cin, cout, Math.min(s, 16), Math.min(cout, tile), cols -> Math.max(Math.min(cout, tile), roundUp(cols / 2, tile)));
        int minRows = Math.min(s, 16), minCols = Math.min(cout, tile);
        long smallest = align((long) minRows * cin) + align((long) cin * minCols) + align(4L * minCols) + align((long) minRows * minCols);
        need(plan == null ? smallest : Math.min(smallest, l1Size), name + " (linear " + s + "x" + cin + "x" + cout + ")");
        int st = plan[0], ct = plan[1];
        boolean doubled = plan[2] == 1;
        int xBuf = l1Base;
        int setBytes = align((long) cin * ct) + align(4L * ct) + align((long) st * ct);
        int[] setBase = {xBuf + align((long) st * cin), xBuf + align((long) st * cin) + (doubled ? setBytes : 0)};
        int tilesN = (cout + ct - 1) / ct;
        int tilesM = (s + st - 1) / st;
        int n = tilesM * tilesN;
        // tile k: rows (k / tilesN), columns (k % tilesN)
        for (int k = 0; k < n; k++) {
            int i = k / tilesN, j = k % tilesN;
            int rows = Math.min(st, s - i * st), cols = Math.min(ct, cout - j * ct);
            int set = doubled ? k & 1 : 0;
            int wBuf = setBase[set], bBuf = wBuf + align((long) cin * ct), oBuf = bBuf + align(4L * ct);
            if (j == 0) {
                if (k > 0) {
                    schedule.itaWait(ITA_SLOT); // the previous row tile's job still reads x
                }
                schedule.copy(X_SLOT, x + i * st * cin, xBuf, rows * cin);
            }
            if (k >= (doubled ? 2 : 1)) {
                schedule.dmaWait(OUT_SLOT + set); // this set's previous output has left
            }
            schedule.dma(W_SLOT + set, w + j * ct, wBuf, cols, cin, cout, cols);
            if (bias != 0) {
                schedule.copy(B_SLOT + set, bias + 4 * j * ct, bBuf, 4 * cols);
            }
            if (k > 0) {
                schedule.itaWait(ITA_SLOT);
                int prev = doubled ? (k - 1) & 1 : 0;
                int pi = (k - 1) / tilesN, pj = (k - 1) % tilesN;
                int pRows = Math.min(st, s - pi * st), pCols = Math.min(ct, cout - pj * ct);
                int pOut = setBase[prev] + align((long) cin * ct) + align(4L * ct);
                schedule.dma(OUT_SLOT + prev, pOut, out + pi * st * cout + pj * ct, pCols, pRows, pCols, cout);
            }
            if (j == 0) {
                schedule.dmaWait(X_SLOT);
            }
            schedule.dmaWait(W_SLOT + set);
            if (bias != 0) {
                schedule.dmaWait(B_SLOT + set);
            }
            int[] regs = new int[27];
            regs[MODE >> 2] = 0;
            regs[S >> 2] = rows;
            regs[E >> 2] = cin;
            regs[P >> 2] = cols;
            regs[ACT >> 2] = act;
            regs[IN >> 2] = xBuf;
            regs[W0 >> 2] = wBuf;
            regs[B0 >> 2] = bias == 0 ? 0 : bBuf;
            regs[OUT >> 2] = oBuf;
            regs[RQ0 >> 2] = rqWord;
            regs[ACT_RQ >> 2] = actRqWord;
            schedule.ita(ITA_SLOT, regs);
        }
        schedule.itaWait(ITA_SLOT);
        int li = (n - 1) / tilesN, lj = (n - 1) % tilesN;
        int lastSet = doubled ? (n - 1) & 1 : 0;
        int lOut = setBase[lastSet] + align((long) cin * ct) + align(4L * ct);
        schedule.dma(OUT_SLOT + lastSet, lOut, out + li * st * cout + lj * ct,
                Math.min(ct, cout - lj * ct), Math.min(st, s - li * st), Math.min(ct, cout - lj * ct), cout);
        schedule.dmaWait(OUT_SLOT);
        if (doubled) {
            schedule.dmaWait(OUT_SLOT + 1);
        }
    }

    /**
     * The same layer on the cluster cores ({@code kernel} = CoreLinearKernel, argument block built by
     * {@code args}): W is given transposed, {@code wt[cout x cin]}, so a column tile is a run of
     * whole rows. Tiles and double buffering as {@link #itaLinear}; the loads of tile k+1 are issued
     * before the cores compute tile k.
     */
    public void coreLinear(String name, int x, int s, int cin, int wt, int cout, int bias, Label kernel,
            CoreLinearArgs args, int out) {
        int[] plan = tilePlan(s, cin, cout, 1, 1, cols -> Math.max(1, (cols + 1) / 2));
        need(plan == null ? align(cin) * 2L + 64 : Math.min(l1Size, align((long) plan[0] * cin)), name + " (core linear " + s + "x" + cin + "x" + cout + ")");
        int st = plan[0], ct = plan[1];
        boolean doubled = plan[2] == 1;
        int xBuf = l1Base;
        int setBytes = align((long) cin * ct) + align(4L * ct) + align((long) st * ct);
        int[] setBase = {xBuf + align((long) st * cin), xBuf + align((long) st * cin) + (doubled ? setBytes : 0)};
        int tilesN = (cout + ct - 1) / ct, tilesM = (s + st - 1) / st, n = tilesM * tilesN;
        java.util.function.IntConsumer load = k -> {
            int i = k / tilesN, j = k % tilesN;
            int rows = Math.min(st, s - i * st), cols = Math.min(ct, cout - j * ct);
            int set = doubled ? k & 1 : 0;
            int wBuf = setBase[set], bBuf = wBuf + align((long) cin * ct);
            if (j == 0) {
                schedule.copy(X_SLOT, x + i * st * cin, xBuf, rows * cin);
            }
            schedule.copy(W_SLOT + set, wt + j * ct * cin, wBuf, cols * cin);
            if (bias != 0) {
                schedule.copy(B_SLOT + set, bias + 4 * j * ct, bBuf, 4 * cols);
            }
        };
        load.accept(0);
        for (int k = 0; k < n; k++) {
            int i = k / tilesN, j = k % tilesN;
            int rows = Math.min(st, s - i * st), cols = Math.min(ct, cout - j * ct);
            int set = doubled ? k & 1 : 0;
            int wBuf = setBase[set], bBuf = wBuf + align((long) cin * ct), oBuf = bBuf + align(4L * ct);
            if (j == 0) {
                schedule.dmaWait(X_SLOT);
            }
            schedule.dmaWait(W_SLOT + set);
            if (bias != 0) {
                schedule.dmaWait(B_SLOT + set);
            }
            schedule.barrier(); // every core sees the tile before computing on it
            if (k + 1 < n && doubled && (k + 1) % tilesN != 0) {
                if (k + 1 >= 2) {
                    schedule.dmaWait(OUT_SLOT + ((k + 1) & 1)); // that set's output has left
                }
                load.accept(k + 1);
            }
            schedule.kernel(kernel, args.block(xBuf, cin, wBuf, cin, bias == 0 ? 0 : bBuf, oBuf, cols, rows, cols, cin));
            schedule.dma(OUT_SLOT + set, oBuf, out + i * st * cout + j * ct, cols, rows, cols, cout);
            if (k + 1 < n && !(doubled && (k + 1) % tilesN != 0)) {
                schedule.dmaWait(OUT_SLOT + set);
                if (doubled) {
                    schedule.dmaWait(OUT_SLOT + (set ^ 1));
                }
                load.accept(k + 1);
            }
        }
        schedule.dmaWait(OUT_SLOT);
        if (doubled) {
            schedule.dmaWait(OUT_SLOT + 1);
        }
    }

    /** Builds a CoreLinearKernel argument block for one tile (addresses in L1). */
    public interface CoreLinearArgs {
        int[] block(int x, int xStride, int wt, int wtStride, int bias, int out, int outStride, int s, int p, int e);
    }

    /**
     * The tiling of an {@code s x cin} by {@code cin x cout} product: {rows, cols, doubled}, or null
     * when nothing fits. Preference: all rows and the widest column tile, double-buffered; then
     * narrower columns ({@code shrink}, down to {@code minCols}); then fewer rows (halved, down to
     * {@code minRows}); then the same with single buffers. One set holds a weight tile, its bias
     * and its output tile; the input rows are shared by the sets.
     */
    private int[] tilePlan(int s, int cin, int cout, int minRows, int minCols, java.util.function.IntUnaryOperator shrink) {
        for (boolean dbl : new boolean[] {true, false}) {
            for (int rows = s; ; rows = Math.max(minRows, rows / 2)) {
                for (int cols = cout; ; cols = shrink.applyAsInt(cols)) {
                    long set = align((long) cin * cols) + align(4L * cols) + align((long) rows * cols);
                    if (align((long) rows * cin) + (dbl ? 2 : 1) * set <= l1Size) {
                        return new int[] {rows, cols, dbl ? 1 : 0};
                    }
                    if (cols <= minCols) {
                        break;
                    }
                }
                if (rows <= minRows) {
                    break;
                }
            }
        }
        return null;
    }

    private static int roundUp(int v, int m) {
        return (v + m - 1) / m * m;
    }

    // ------------------------------------------------------------------ ITA attention heads

    /** Bytes of one head's parameter block in L3: Wq, Wk, Wv (e x p), Wo (p x e), bq, bk, bv (p), bo (e). */
    public static int headBlockBytes(int e, int p) {
        return align((long) e * p) * 3 + align((long) p * e) + align(4L * p) * 3 + align(4L * e);
    }

    /** Offsets of the eight parts of a head block (Wq, Wk, Wv, Wo, bq, bk, bv, bo). */
    public static int[] headBlockOffsets(int e, int p) {
        int ep = align((long) e * p), pe = align((long) p * e), bp = align(4L * p);
        return new int[] {0, ep, 2 * ep, 3 * ep, 3 * ep + pe, 3 * ep + pe + bp, 3 * ep + pe + 2 * bp, 3 * ep + pe + 3 * bp};
    }

    /**
     * {@code heads} attention heads on ITA, all reading {@code in[S x e]} (query, key and value input),
     * parameters of head h in L3 at {@code params + h * headBlockBytes}, outputs O_h [S x e] to
     * {@code out + h * S * e}. Double-buffered across heads when L1 allows.
     */
    public void itaHeads(String name, int in, int s, int e, int p, int heads, int params, int[] rqWords, int out) {
        int inBytes = align((long) s * e), block = headBlockBytes(e, p), outBytes = align((long) s * e);
        int scratchBytes = align(4L * s * p + (long) s * s);
        long single = inBytes + scratchBytes + block + outBytes;
        need(single, name + " (attention head S=" + s + " E=" + e + " P=" + p + ")");
        boolean doubled = single + block + outBytes <= l1Size;
        int inBuf = l1Base, scratch = inBuf + inBytes, set0 = scratch + scratchBytes;
        int[] setBase = {set0, doubled ? set0 + block + outBytes : set0};
        int[] off = headBlockOffsets(e, p);
        schedule.copy(X_SLOT, in, inBuf, s * e);
        for (int h = 0; h < heads; h++) {
            int set = doubled ? h & 1 : 0;
            int pBuf = setBase[set], oBuf = pBuf + block;
            if (h >= (doubled ? 2 : 1)) {
                schedule.dmaWait(OUT_SLOT + set);
            }
            schedule.copy(W_SLOT + set, params + h * block, pBuf, block);
            if (h > 0) {
                schedule.itaWait(ITA_SLOT);
                int prev = doubled ? (h - 1) & 1 : 0;
                schedule.copy(OUT_SLOT + prev, setBase[prev] + block, out + (h - 1) * s * e, s * e);
            }
            if (h == 0) {
                schedule.dmaWait(X_SLOT);
            }
            schedule.dmaWait(W_SLOT + set);
            int[] regs = new int[27];
            regs[MODE >> 2] = 1;
            regs[S >> 2] = s;
            regs[E >> 2] = e;
            regs[P >> 2] = p;
            regs[IN >> 2] = inBuf;
            regs[IN_KV >> 2] = inBuf;
            for (int i = 0; i < 4; i++) {
                regs[(W0 >> 2) + i] = pBuf + off[i];
            }
            for (int i = 0; i < 4; i++) {
                regs[(B0 >> 2) + i] = pBuf + off[4 + i];
            }
            regs[OUT >> 2] = oBuf;
            for (int i = 0; i < 6; i++) {
                regs[(RQ0 >> 2) + i] = rqWords[i];
            }
            regs[SCRATCH >> 2] = scratch;
            schedule.ita(ITA_SLOT, regs);
        }
        schedule.itaWait(ITA_SLOT);
        int last = doubled ? (heads - 1) & 1 : 0;
        schedule.copy(OUT_SLOT + last, setBase[last] + block, out + (heads - 1) * s * e, s * e);
        schedule.dmaWait(OUT_SLOT);
        if (doubled) {
            schedule.dmaWait(OUT_SLOT + 1);
        }
    }

    // ------------------------------------------------------------------ element-wise core kernels

    /** First slot of the element-wise input tiles: set {@code s}, input {@code i} uses {@code EW_SLOT + s * inputs + i}. */
    private static final int EW_SLOT = 16;
    /** Row tiles an element-wise operation aims for, so the DMA has tiles to overlap with compute. */
    static final int EW_TILES = 4;
    /**
     * Row granularity (and smallest double-buffered tile) of element-wise tiles: the kernels split
     * a tile's rows across the cores, so 16 rows give every core of a cluster of up to 16 a row.
     */
    static final int EW_ROW_QUANTUM = 16;

    /**
     * An element-wise kernel over {@code rows x cols} int8 tensors: inputs (each rows x cols, in L2)
     * and per-column parameters (in L2/L3) are brought to L1 in row tiles, the cores run
     * {@code kernel} with the argument block {@code args.apply(l1 inputs, l1 params, l1 out, rows)},
     * and the output tile goes back to L2.
     *
     * <p>The parameters are loaded once. Row tiles (about {@link #EW_TILES}, of whole multiples of
     * {@link #EW_ROW_QUANTUM} rows) are double-buffered: the inputs of tile k+1 are issued before
     * the cores compute tile k, and the output of tile k drains while tile k+1 computes (a set's
     * previous output is waited for only before the kernel that overwrites it). When two sets do
     * not fit L1 even at {@link #EW_ROW_QUANTUM} rows, one set is used with the largest tile that
     * fits, halved down to one row; then the next tile's inputs still load while the previous
     * output drains, but not while the cores compute.
     */
    public void elementwise(String name, Label kernel, int[] inputs, int rows, int cols, int[] params, int[] paramBytes,
            java.util.function.BiFunction<int[], Integer, int[]> args, int out) {
        if (params.length > EW_SLOT - IN2_SLOT || EW_SLOT + 2 * inputs.length > Schedule.SLOTS) {
            throw new IllegalArgumentException(name + ": " + inputs.length + " inputs and " + params.length + " parameters exceed the DMA slots");
        }
        long paramTotal = 0;
        for (int pb : paramBytes) {
            paramTotal += align(pb);
        }
        int[] plan = elementwisePlan(rows, cols, inputs.length + 1, paramTotal, l1Size);
        if (plan == null) {
            need(paramTotal + (long) (inputs.length + 1) * align(cols), name); // throws: not even one row fits
        }
        int rt = plan[0], sets = plan[1];
        need(paramTotal + (long) (inputs.length + 1) * align((long) rt * cols), name);
        int at = l1Base;
        int[] paramBuf = new int[params.length];
        for (int i = 0; i < params.length; i++) {
            paramBuf[i] = at;
            schedule.copy(IN2_SLOT + i, params[i], at, paramBytes[i]);
            at += align(paramBytes[i]);
        }
        int tileBytes = align((long) rt * cols);
        int setBytes = (inputs.length + 1) * tileBytes;
        int first = at;
        int n = (rows + rt - 1) / rt;
        java.util.function.IntConsumer load = k -> {
            int set = k % sets, r0 = k * rt;
            for (int i = 0; i < inputs.length; i++) {
                schedule.copy(EW_SLOT + set * inputs.length + i, inputs[i] + r0 * cols, first + set * setBytes + i * tileBytes,
                        Math.min(rt, rows - r0) * cols);
            }
        };
        load.accept(0);
        for (int i = 0; i < params.length; i++) {
            schedule.dmaWait(IN2_SLOT + i);
        }
        for (int k = 0; k < n; k++) {
            int set = k % sets, r0 = k * rt, rowsK = Math.min(rt, rows - r0);
            if (sets == 2 && k + 1 < n) {
                load.accept(k + 1); // the other set's inputs were last read by kernel k-1, which has finished
            }
            for (int i = 0; i < inputs.length; i++) {
                schedule.dmaWait(EW_SLOT + set * inputs.length + i);
            }
            if (k >= sets) {
                schedule.dmaWait(OUT_SLOT + set); // this set's previous output has left before the kernel overwrites it
            }
            schedule.barrier(); // every core sees the tile before computing on it
            int[] inBuf = new int[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                inBuf[i] = first + set * setBytes + i * tileBytes;
            }
            int outBuf = first + set * setBytes + inputs.length * tileBytes;
            schedule.kernel(kernel, args.apply(concat(inBuf, paramBuf, outBuf), rowsK));
            schedule.copy(OUT_SLOT + set, outBuf, out + r0 * cols, rowsK * cols);
            if (sets == 1 && k + 1 < n) {
                load.accept(k + 1); // single set: its inputs are free once the kernel is done
            }
        }
        for (int set = 0; set < Math.min(sets, n); set++) {
            schedule.dmaWait(OUT_SLOT + set);
        }
    }

    /**
     * The row tiling of an element-wise operation over {@code buffers} tiles of {@code rows x cols}
     * bytes plus {@code paramBytes} of parameters: {rows per tile, buffer sets}, or null when not
     * even one row fits. Preference: about {@link #EW_TILES} tiles of a multiple of
     * {@link #EW_ROW_QUANTUM} rows in two sets, halved down to {@link #EW_ROW_QUANTUM} rows; then
     * one set with all rows, halved down to one row.
     */
    static int[] elementwisePlan(int rows, int cols, int buffers, long paramBytes, long l1) {
        int quantum = Math.min(rows, EW_ROW_QUANTUM);
        int preferred = Math.min(rows, Math.max(quantum, roundUp((rows + EW_TILES - 1) / EW_TILES, EW_ROW_QUANTUM)));
        if (preferred < rows) {
            for (int rt = preferred; ; rt = Math.max(quantum, rt / 2)) {
                if (paramBytes + 2L * buffers * align((long) rt * cols) <= l1) {
                    return new int[] {rt, 2};
                }
                if (rt == quantum) {
                    break;
                }
            }
        }
        for (int rt = rows; ; rt = (rt + 1) / 2) {
            if (paramBytes + (long) buffers * align((long) rt * cols) <= l1) {
                return new int[] {rt, 1};
            }
            if (rt == 1) {
                return null;
            }
        }
    }

    private static int[] concat(int[] inputs, int[] params, int out) {
        int[] all = new int[inputs.length + params.length + 1];
        System.arraycopy(inputs, 0, all, 0, inputs.length);
        System.arraycopy(params, 0, all, inputs.length, params.length);
        all[all.length - 1] = out;
        return all;
    }
}
