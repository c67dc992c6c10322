package io.socsim.workloads.kernels;

import io.socsim.isa.Op;
import io.socsim.isa.asm.Label;
import io.socsim.isa.asm.ProgramBuilder;
import io.socsim.ita.math.Requant;

/**
 * Emits ITA's requantisation {@code clip8(floor((acc * mult + 2^(s-1) [+ 2^(s-23)]) / 2^s) + add)}
 * (= {@link io.socsim.ita.math.Requant#requantize}, every shift 0..255) from an rq word in the
 * ITA register format (mult [7:0], shift [15:8], add [23:16]). A setup part, run once per kernel
 * call, turns the word into constants held in registers; the per-element part is branch free, so
 * it can sit in a hardware loop. See docs/kernels.md for the derivations.
 *
 * <p>Two forms:
 * <ul>
 * <li>{@link Bounded}: for accumulators known to satisfy {@code |acc| < 2^accBits}
 *     ({@code accBits <= 12}, e.g. a residual add or a head sum). The product then fits 32 bits,
 *     and every shift beyond {@code accBits + 10} gives the same result as that shift, so the
 *     shift is clamped and {@code add} folded into the rounding constant: 4 instructions.</li>
 * <li>Folded ({@link #emitSetupFolded}): the bounded constants without the shift clamp, for a
 *     caller that proved {@link #foldedFits} on its accumulator bound at code-generation time
 *     (AddNorm's norm pass): 4 instructions for shifts up to 22.</li>
 * <li>{@link Wide}: any int32 accumulator, in two variants chosen at setup. Shifts 0..21
 *     ({@link #emitSmallShift}, 5 instructions) clip acc first to a bound beyond which the result
 *     saturates anyway, which keeps the product in 32 bits. Shifts 22..255 ({@link #emitLargeShift},
 *     8 instructions) scale mult by {@code 2^(32-s)} so that the division becomes "take the high
 *     word" of a 64-bit product ({@code mul}/{@code mulh}), with one carry for the rounding term.</li>
 * </ul>
 */
public final class Requantizer {

    /**
     * Largest shift of the wide form's small-shift variant (clip first, then 32-bit math); larger
     * shifts take the high-word variant. The clipped product stays below 2^(s+9) + 2*255, which
     * with the folded add and rounding constant fits int32 up to s = 21.
     */
    public static final int SMALL_SHIFT_LIMIT = 21;

    /** Largest accumulator width the bounded form accepts. */
    public static final int MAX_BOUNDED_BITS = 12;

    /** Registers of the bounded form: mult, rounding constant (with add folded in), clamped shift. */
    public record Bounded(int mult, int constant, int shift) {
    }

    /**
     * Registers of the wide form. Small shifts: c0 = clip bound, c1 = mult, c2 = rounding constant
     * with add, c3 = shift. Large shifts: c0 = scaled mult, c1 = low rounding word, c2 = high
     * rounding word with add, c3 = remaining shift.
     */
    public record Wide(int c0, int c1, int c2, int c3) {
    }

    private Requantizer() {
    }

    /** Setup of the bounded form from the rq word in {@code word}; clobbers {@code tmp} (may equal word). */
    public static void emitSetupBounded(ProgramBuilder b, int word, int accBits, Bounded r, int tmp) {
        if (accBits < 1 || accBits > MAX_BOUNDED_BITS) {
            throw new IllegalArgumentException("bounded requantisation needs 1..12 accumulator bits, got " + accBits);
        }
        // |acc*mult| < 2^(accBits+8): from shift accBits+10 on, the result is add for every shift.
        emitSetupFolded(b, word, r, tmp, accBits + 10);
    }

    /**
     * Whether the folded form ({@link #emitSetupFolded}, then {@link #emitBounded}: {@code mul, add,
     * sra, p.clip} with the shift not clamped) is exact for {@code rq} on every accumulator with
     * {@code |acc| <= maxAbsAcc}: the shift must be at most 22 (no 2^(s-23) term) and
     * {@code acc*mult + add*2^s + 2^(s-1)} must stay within int32 for both signs.
     */
    public static boolean foldedFits(Requant rq, long maxAbsAcc) {
        int s = rq.shift();
        if (maxAbsAcc < 0 || maxAbsAcc > Integer.MAX_VALUE || s > 22) {
            return false;
        }
        long p = maxAbsAcc * rq.mult(), half = (1L << s) >> 1;
        return p + ((long) rq.add() << s) + half <= Integer.MAX_VALUE
                && -p + ((long) rq.add() << s) + half >= Integer.MIN_VALUE;
    }

    /**
     * Setup of the folded form from the rq word in {@code word}: the bounded form's constants
     * (mult, {@code C = add*2^s + 2^(s-1)}, s) without the shift clamp, for callers that checked
     * {@link #foldedFits} on their accumulator bound. Clobbers {@code tmp} (may equal word).
     */
    public static void emitSetupFolded(ProgramBuilder b, int word, Bounded r, int tmp) {
        emitSetupFolded(b, word, r, tmp, -1);
    }

    private static void emitSetupFolded(ProgramBuilder b, int word, Bounded r, int tmp, int maxShift) {
        b.andi(r.mult(), word, 255);
        b.srli(r.shift(), word, 8);
        b.andi(r.shift(), r.shift(), 255);
        b.slli(r.constant(), word, 8);
        b.srai(r.constant(), r.constant(), 24);              // add
        if (maxShift >= 0) {
            b.li(tmp, maxShift);
            b.emit(Op.P_MINU, r.shift(), r.shift(), tmp, 0, 0);
        }
        b.sll(r.constant(), r.constant(), r.shift());       // add * 2^s: the floor carries it exactly
        b.li(tmp, 1);
        b.sll(tmp, tmp, r.shift());
        b.srli(tmp, tmp, 1);                                  // 2^(s-1), or 0 for s = 0
        b.add(r.constant(), r.constant(), tmp);
    }

    /**
     * {@code dst = rq(a + c)} for a bounded sum, 5 instructions: the add is folded into the
     * multiply ({@code a*m + c*m}, equal mod 2^32 to {@code (a + c)*m}), so {@code c} is first read
     * one instruction later than by an add followed by {@link #emitBounded} (no load-use stall when
     * {@code c} was loaded just before the first instruction). {@code dst} must differ from {@code c}.
     */
    public static void emitBoundedSum(ProgramBuilder b, int dst, int a, int c, Bounded r) {
        if (dst == c) {
            throw new IllegalArgumentException("dst must differ from the second addend");
        }
        b.mul(dst, a, r.mult());
        b.pMac(dst, c, r.mult());
        b.add(dst, dst, r.constant());
        b.sra(dst, dst, r.shift());
        b.pClip(dst, dst, 8);
    }

    /** {@code dst = rq(acc)} in the bounded or folded form (dst may equal acc). */
    public static void emitBounded(ProgramBuilder b, int dst, int acc, Bounded r) {
        b.mul(dst, acc, r.mult());
        b.add(dst, dst, r.constant());
        b.sra(dst, dst, r.shift());
        b.pClip(dst, dst, 8);
    }

    /**
     * Setup of the wide form from the rq word in {@code word}. Falls through when the large-shift
     * variant applies and jumps to {@code small} otherwise. Clobbers {@code t1} and {@code t2}
     * ({@code t1} may equal {@code word}); none of them may be one of the constant registers.
     */
    public static void emitSetupWide(ProgramBuilder b, int word, Wide r, int t1, int t2, Label small) {
        Label smallSetup = b.newLabel(), over32 = b.newLabel(), done = b.newLabel();
        b.slli(r.c2(), word, 8);
        b.srai(r.c2(), r.c2(), 24);                          // add
        b.srli(t2, word, 8);
        b.andi(t2, t2, 255);                                  // s
        b.andi(t1, word, 255);                                // m
        b.li(r.c3(), SMALL_SHIFT_LIMIT + 1);
        b.bltu(t2, r.c3(), smallSetup);
        // Large shifts (s >= 22). From 40 on the result is add for every shift (|acc*m| < 2^39).
        b.li(r.c3(), 40);
        b.emit(Op.P_MINU, t2, t2, r.c3(), 0, 0);
        b.li(r.c3(), 32);
        b.bltu(r.c3(), t2, over32);
        // 22 <= s <= 32: hi(acc * m*2^(32-s) + 2^31 [+ 2^9 when s >= 23]) + add; m*2^(32-s) < 2^31.
        b.sub(r.c3(), r.c3(), t2);
        b.sll(r.c0(), t1, r.c3());
        b.slti(r.c3(), t2, 23);
        b.xori(r.c3(), r.c3(), 1);
        b.slli(r.c3(), r.c3(), 9);
        b.li(r.c1(), 0x80000000);
        b.add(r.c1(), r.c1(), r.c3());
        b.li(r.c3(), 0);
        b.j(done);
        // 32 < s <= 40: hi(acc*m + 2^(s-23)) + 2^(s-33) + add*2^(s-32), then >> (s-32).
        b.bind(over32);
        b.mv(r.c0(), t1);
        b.addi(r.c3(), t2, -32);
        b.addi(t2, t2, -23);
        b.li(r.c1(), 1);
        b.sll(r.c1(), r.c1(), t2);
        b.sll(r.c2(), r.c2(), r.c3());
        b.li(t2, 1);
        b.sll(t2, t2, r.c3());
        b.srli(t2, t2, 1);
        b.add(r.c2(), r.c2(), t2);
        b.j(done);
        // s <= 21: clip acc to +-B with B*m >= 2^(s+9) (the result saturates beyond), then 32-bit
        // math: |clipped*m| + |add*2^s| + 2^(s-1) <= 2^30 + 2^28 + 2^20 + 510 < 2^31.
        b.bind(smallSetup);
        b.mv(r.c3(), t2);
        b.mv(r.c1(), t1);
        b.li(t2, 512);
        b.sll(t2, t2, r.c3());
        b.add(t2, t2, t1);
        b.addi(t2, t2, -1);
        b.sltiu(t1, r.c1(), 1);
        b.or(t1, t1, r.c1());                                // m, or 1 when m = 0 (any bound works then)
        b.divu(r.c0(), t2, t1);                               // B = ceil(2^(s+9) / m)
        b.sll(r.c2(), r.c2(), r.c3());
        b.li(t2, 1);
        b.sll(t2, t2, r.c3());
        b.srli(t2, t2, 1);
        b.add(r.c2(), r.c2(), t2);
        b.j(small);
        b.bind(done);
    }

    /** {@code dst = rq(acc)}, small-shift variant (dst may equal acc): 5 instructions. */
    public static void emitSmallShift(ProgramBuilder b, int dst, int acc, Wide r) {
        b.emit(Op.P_CLIPR, dst, acc, r.c0(), 0, 0);
        b.mul(dst, dst, r.c1());
        b.add(dst, dst, r.c2());
        b.sra(dst, dst, r.c3());
        b.pClip(dst, dst, 8);
    }

    /**
     * {@code dst = rq(acc)}, large-shift variant: 8 instructions. {@code lo} may equal acc;
     * {@code hi} must differ from both; dst may be any of them.
     */
    public static void emitLargeShift(ProgramBuilder b, int dst, int acc, Wide r, int lo, int hi) {
        b.mulh(hi, acc, r.c0());
        b.mul(lo, acc, r.c0());
        b.add(lo, lo, r.c1());
        b.sltu(lo, lo, r.c1());                              // carry of the low word
        b.add(hi, hi, lo);
        b.add(hi, hi, r.c2());
        b.sra(hi, hi, r.c3());
        b.pClip(dst, hi, 8);
    }
}
